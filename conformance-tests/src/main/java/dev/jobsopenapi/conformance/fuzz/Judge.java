package dev.jobsopenapi.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Operation;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.Violation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checks of one answer to one request: which applied, and each failure with its reason. */
final class Judge {

    /** The rule named by the one negative request that a server may accept: servers commonly ignore such names. */
    static final String UNDOCUMENTED = "undocumented query parameter";

    /** The checks applied to an answer, and the reason of each that failed. */
    record Verdict(Set<Check> applied, Map<Check, String> failed) {
    }

    private final ApiContract contract;
    private final JsonNode document;
    private final boolean credentials;

    Judge(ApiContract contract, boolean credentials) {
        this.contract = contract;
        this.document = contract.document();
        this.credentials = credentials;
    }

    Verdict verdict(FuzzRequest request, LiveServer.Exchange answer) {
        Set<Check> applied = EnumSet.of(Check.NOT_A_SERVER_ERROR);
        Map<Check, String> failed = new EnumMap<>(Check.class);
        Operation op = request.operation();
        if (!answer.answered()) {
            failed.put(Check.NOT_A_SERVER_ERROR, answer.failure());
            return new Verdict(applied, failed);
        }
        int status = answer.status();
        if (status >= 500) {
            failed.put(Check.NOT_A_SERVER_ERROR, "server error " + describe(answer));
        }
        if (request.negative() == null) {
            applied.add(Check.POSITIVE_DATA_ACCEPTANCE);
            if (status == 400 || status == 422) {
                failed.put(Check.POSITIVE_DATA_ACCEPTANCE, "a conforming request was refused as invalid: " + describe(answer));
            } else if (status == 401 || status == 403) {
                failed.put(Check.POSITIVE_DATA_ACCEPTANCE, "refused for its credentials: " + describe(answer)
                        + (credentials ? "; the server does not accept the credentials given"
                        : "; no credentials were given (a token, or AK/SK)"));
            }
        } else if (!request.negative().startsWith(UNDOCUMENTED)) {
            applied.add(Check.NEGATIVE_DATA_REJECTION);
            if (status < 400) {
                failed.put(Check.NEGATIVE_DATA_REJECTION, "a request that breaks the spec was accepted: " + describe(answer));
            }
        }
        // Which response the status is, and which content type it may have, are the contract's decisions: its
        // verdict on the answer says (keyword "status", "content-type") where the answer leaves the spec.
        applied.add(Check.STATUS_CODE_CONFORMANCE);
        ValidationResult result = contract.validateResponse(Target.operation(op.operationId()), Integer.toString(status),
                answer.contentType(), Body.of(answer.body()));
        Optional<String> response = contract.responsePointer(op.operationId(), Integer.toString(status));
        if (response.isEmpty()) {
            failed.put(Check.STATUS_CODE_CONFORMANCE, reason(result, "status") + ": " + describe(answer));
            return new Verdict(applied, failed);
        }
        applied.add(Check.RESPONSE_HEADERS_CONFORMANCE);
        List<String> missing = new ArrayList<>();
        document.at(response.get() + "/headers").fields().forEachRemaining(header -> {
            if (header.getValue().path("required").asBoolean() && !answer.headers().containsKey(header.getKey().toLowerCase(Locale.ROOT))) {
                missing.add(header.getKey());
            }
        });
        if (!missing.isEmpty()) {
            failed.put(Check.RESPONSE_HEADERS_CONFORMANCE, "required response header(s) missing: " + String.join(", ", missing));
        }
        if (document.at(response.get() + "/content").isEmpty()) {
            return new Verdict(applied, failed);
        }
        applied.add(Check.CONTENT_TYPE_CONFORMANCE);
        if (result.violations().stream().anyMatch(v -> v.keyword().equals("content-type"))) {
            failed.put(Check.CONTENT_TYPE_CONFORMANCE, reason(result, "content-type"));
            return new Verdict(applied, failed);
        }
        applied.add(Check.RESPONSE_SCHEMA_CONFORMANCE);
        if (answer.truncated()) {
            failed.put(Check.RESPONSE_SCHEMA_CONFORMANCE, "the body is larger than the limit; not read whole");
        } else if (!result.isValid()) {
            List<String> reasons = new ArrayList<>();
            for (Violation v : result.violations().subList(0, Math.min(3, result.violations().size()))) {
                reasons.add(v.toString());
            }
            String mediaType = answer.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            failed.put(Check.RESPONSE_SCHEMA_CONFORMANCE, status + " " + mediaType + ": " + String.join("; ", reasons)
                    + (result.violations().size() > 3 ? " (and " + (result.violations().size() - 3) + " more)" : ""));
        }
        return new Verdict(applied, failed);
    }

    /** The message of the contract's violation with this keyword. */
    private static String reason(ValidationResult result, String keyword) {
        return result.violations().stream().filter(v -> v.keyword().equals(keyword)).map(Violation::message).findFirst()
                .orElse(keyword + " not documented");
    }

    /** Whether every security alternative of the operation needs credentials (none is the empty one). */
    boolean requiresCredentials(Operation op) {
        JsonNode requirements = document.at(op.pointer() + "/security");
        if (requirements.isMissingNode()) {
            requirements = document.path("security");
        }
        if (!requirements.isArray() || requirements.isEmpty()) {
            return false;
        }
        for (JsonNode alternative : requirements) {
            if (alternative.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** An answer in a line: its status and the start of its body, or why none came. */
    static String describe(LiveServer.Exchange answer) {
        return answer.answered() ? answer.status() + (answer.body().length == 0 ? "" : " " + abbreviated(answer.text()))
                : "nothing (" + answer.failure() + ")";
    }

    static String abbreviated(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }
}
