package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.conformance.Operation;
import dev.jobsopenapi.conformance.Parameter;
import dev.jobsopenapi.conformance.SecuritySchemes;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.Violation;
import dev.jobsopenapi.conformance.fuzz.LiveServer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.RequestTarget;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Calls the operations of a spec on a live server and checks what comes back. Only operations that read
 * ({@code GET}, {@code HEAD}) are called by default; one that changes state is skipped, saying so, unless the
 * user named it: then it is sent with the spec's first documented request body, its submission id or job name made
 * new so that the write succeeds on a server that already has the documented one. The token, when given, is
 * sent in the header the spec's security scheme names; otherwise, AK/SK credentials, when given, sign each
 * request exactly as sent. Neither ever appears in any output, and no redirect is followed.
 */
final class LiveProbe {

    private final ApiContract contract;
    private final JsonNode document;
    private final Map<String, String> parameters;
    private final long maxBodyBytes;
    private final Set<String> allowedWrites;
    private final LiveServer server;
    private final SecuritySchemes security;

    LiveProbe(ApiContract contract, LiveServer server, Map<String, String> parameters, long maxBodyBytes,
              Set<String> allowedWrites) {
        this.allowedWrites = Set.copyOf(allowedWrites);
        this.contract = contract;
        this.document = contract.document();
        this.security = contract.securitySchemes();
        this.parameters = Map.copyOf(parameters);
        this.maxBodyBytes = maxBodyBytes;
        this.server = server;
    }

    /**
     * Probes the operations into the report. Skipped, with the reason: a state-changing operation the user did
     * not allow, and an operation whose path parameters were not given.
     *
     * @throws IOException when the server cannot be reached at all
     */
    void run(Report report) throws IOException {
        for (Operation op : contract.operations()) {
            String subject = contract.name() + " " + op.operationId();
            boolean reads = op.method().equals("GET") || op.method().equals("HEAD");
            if (!reads && !allowedWrites.contains(op.operationId())) {
                report.skip(subject, op.method() + " changes state on the server: not called unless named with --allow-write "
                        + op.operationId());
                continue;
            }
            List<String> missing = op.pathVariables().stream().filter(v -> !parameters.containsKey(v)).toList();
            if (!missing.isEmpty()) {
                report.skip(subject, "needs " + String.join(", ", missing.stream().map(m -> "--param " + m + "=...").toList()));
                continue;
            }
            String target = target(op);
            Optional<DocumentedExample> documented = contract.example(op.operationId(), DocumentedExample.REQUEST);
            if (!reads && documented.isEmpty() && hasRequestBody(op)) {
                report.skip(subject, "the spec documents no request body example to send");
                continue;
            }
            Optional<Sent> body = documented.map(example -> new Sent(example.mediaType(), fresh(example.value()).toString()));
            ValidationResult request = contract.validateRequest(Target.route(op.method(), target),
                    body.map(Sent::mediaType).orElse(null), body.map(b -> Body.of(b.text())).orElse(Body.none()));
            if (!request.isValid()) {
                report.add(request, "request not sent: it breaks the spec");
                continue;
            }
            Answer answer = call(op, target, body);
            if (answer.status() == 401 || answer.status() == 403) {
                report.refused(answer.result(), op.method() + " " + target + ": " + refusal(answer.status()));
            } else {
                report.add(answer.result(), op.method() + " " + target);
            }
        }
    }

    /**
     * What a 401 or 403 means for the run: the server refused the credentials sent (or asked for some), so the
     * operation itself was not checked; says which credential and what to give.
     */
    private String refusal(int status) {
        String given = server.hasToken() ? "the token (sent in " + security.tokenHeader().orElse("its header") + ")"
                : server.hasCredentials() ? "the AK/SK signature (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK)" : "no credentials";
        String wanted = security.signsWithAkSk() ? "a token (JOBS_OPENAPI_TOKEN) or AK/SK (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK)"
                : "a token (JOBS_OPENAPI_TOKEN)";
        return status + " " + (!server.hasCredentials() ? "no credentials were sent" : "the server refused " + given)
                + ", so the operation was not checked; give " + wanted + ", or --allow-refused to accept refusals";
    }

    /** What a call brought back: its check, and the HTTP status it had. */
    private record Answer(ValidationResult result, int status) {
    }

    /** A request body as it is sent. */
    private record Sent(String mediaType, String text) {
    }

    private boolean hasRequestBody(Operation op) {
        return !document.at(op.pointer() + "/requestBody").isMissingNode();
    }

    private Answer call(Operation op, String target, Optional<Sent> requestBody) throws IOException {
        String subject = contract.name() + " " + op.operationId();
        LiveServer.Exchange answer = server.exchange(op.method(), target, Map.of(), requestBody.map(Sent::text).orElse(null),
                security, true);
        if (!answer.answered()) {
            if (answer.failure().startsWith("no ")) {
                return new Answer(new ValidationResult(subject, List.of(new Violation("", "(exchange)", "timeout",
                        answer.failure() + " (--timeout-seconds)"))), 0);
            }
            throw new IOException(answer.failure());
        }
        String status = Integer.toString(answer.status());
        if (answer.truncated()) {
            return new Answer(new ValidationResult(subject + " " + status + " " + answer.contentType(),
                    List.of(new Violation("", "(body)", "size", "the body is larger than " + maxBodyBytes + " bytes"))),
                    answer.status());
        }
        return new Answer(contract.validateResponse(Target.operation(op.operationId()), status, answer.contentType(),
                Body.of(answer.body())), answer.status());
    }

    /**
     * The fields of a documented request body that name what it creates, which a server keeps unique: the
     * openYuanrong {@code submission_id} (the frontend refuses one in use) and the ModelArts job {@code name}.
     */
    private static final java.util.Set<String> UNIQUE_FIELDS = java.util.Set.of("submission_id", "name");

    /**
     * The documented request body, with each {@link #UNIQUE_FIELDS} value made new, so that the documented write
     * succeeds on a server that already has what the example names: {@code probe-} and 8 hex digits for an id,
     * the name with {@code -probe-} and 8 hex digits (within 64 characters).
     */
    static com.fasterxml.jackson.databind.JsonNode fresh(com.fasterxml.jackson.databind.JsonNode documented) {
        if (!documented.isObject()) {
            return documented;
        }
        com.fasterxml.jackson.databind.node.ObjectNode body = documented.deepCopy();
        String suffix = String.format("%08x", new java.security.SecureRandom().nextInt());
        for (String field : UNIQUE_FIELDS) {
            if (body.path(field).isTextual()) {
                String value = body.get(field).asText();
                body.put(field, field.equals("submission_id") ? "probe-" + suffix
                        : value.substring(0, Math.min(value.length(), 64 - 15)) + "-probe-" + suffix);
            }
        }
        return body;
    }

    private String target(Operation op) {
        String path = op.pathTemplate();
        for (String variable : op.pathVariables()) {
            path = path.replace("{" + variable + "}", RequestTarget.encodePathSegment(parameters.get(variable)));
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (String name : queryParameterNames(op)) {
            String value = parameters.get(name);
            if (value != null && !op.pathVariables().contains(name)) {
                query.add(RequestTarget.encodeQueryComponent(name) + "=" + RequestTarget.encodeQueryComponent(value));
            }
        }
        return path + query;
    }

    private List<String> queryParameterNames(Operation op) {
        List<String> names = new ArrayList<>();
        for (Parameter parameter : contract.parameters(op)) {
            if (parameter.in().equals("query")) {
                names.add(parameter.name());
            }
        }
        return names;
    }
}
