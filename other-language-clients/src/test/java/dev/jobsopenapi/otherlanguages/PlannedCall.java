package dev.jobsopenapi.otherlanguages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Operation;
import dev.jobsopenapi.conformance.Parameter;
import dev.jobsopenapi.specs.BundledSpec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * One call of every operation of a spec, as a generated client makes it against the mock server, read from the spec:
 * the path parameters' examples, the documented request example as the body, the reads first, then create or submit,
 * stop and delete (the openYuanrong stop and delete act on the job just submitted, {@link #SUBMITTED}).
 *
 * @param operation     the operation
 * @param url           the URL the call goes to
 * @param pathArguments the path parameters' values, in the path's order
 * @param bodyType      the request body's model name ({@code DevServerJobCreateRequest}), or null for none
 * @param body          the request body, or null
 * @param apiClass      the API class the generators make for the operation's first tag ({@code JobsApi})
 */
record PlannedCall(Operation operation, URI url, List<String> pathArguments, String bodyType, JsonNode body, String apiClass) {

    /** The id the clients submit a job under (the frontend prefixes {@code app-} to ids that lack it). */
    static final String SUBMITTED = "app-generated-client-check";

    boolean isRead() {
        return operation.method().equalsIgnoreCase("get");
    }

    /** What a written plan holds: how many calls, and how many of them are reads. */
    record Plan(int calls, int reads) {

        /**
         * Reads the JSON summary a check printed as its last line ({@code operations}, {@code compared},
         * {@code failures}) and asserts the check made every call of this plan, compared every read and failed none.
         */
        JsonNode assertFollowedIn(String output) throws IOException {
            ObjectMapper json = new ObjectMapper();
            JsonNode summary = json.readTree(output.strip().lines().reduce((a, b) -> b).orElseThrow());
            assertEquals(List.of(), json.convertValue(summary.get("failures"), List.class), output);
            assertEquals(calls, summary.get("operations").size(), summary.toString());
            assertEquals(reads, summary.get("compared").asInt(), "every read compared with its raw answer");
            return summary;
        }
    }

    /**
     * Writes the plan of every operation of both specs against the server at the base URI as JSON, one object per
     * call ({@code api} ({@code modelarts} or {@code openyuanrong}), {@code apiClass}, {@code operationId},
     * {@code method}, {@code pathTemplate}, {@code read}, {@code url}, {@code args} (the path arguments, then the
     * body), {@code path} (the path arguments by name) and {@code body}), for the checks that run outside the JVM.
     */
    static Plan writePlan(URI baseUri, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode plan = json.createArrayNode();
        int reads = 0;
        for (BundledSpec spec : BundledSpec.values()) {
            for (PlannedCall call : every(ApiContract.bundled(spec), baseUri)) {
                ObjectNode entry = plan.addObject()
                        .put("api", spec == BundledSpec.MODELARTS_DEVSERVER_JOBS ? "modelarts" : "openyuanrong")
                        .put("apiClass", call.apiClass()).put("operationId", call.operation().operationId())
                        .put("method", call.operation().method().toUpperCase()).put("pathTemplate", call.operation().pathTemplate())
                        .put("read", call.isRead()).put("url", call.url().toString());
                ArrayNode args = entry.putArray("args");
                ObjectNode path = entry.putObject("path");
                List<String> names = call.operation().pathVariables();
                for (int i = 0; i < names.size(); i++) {
                    args.add(call.pathArguments().get(i));
                    path.put(names.get(i), call.pathArguments().get(i));
                }
                if (call.body() != null) {
                    args.add(call.body());
                    entry.set("body", call.body());
                }
                reads += call.isRead() ? 1 : 0;
            }
        }
        assertFalse(reads == 0, "no read planned");
        Files.createDirectories(file.getParent());
        json.writeValue(file.toFile(), plan);
        return new Plan(plan.size(), reads);
    }

    /** Every operation of the contract, in lifecycle order, against the server at the base URI. */
    static List<PlannedCall> every(ApiContract contract, URI baseUri) {
        List<PlannedCall> calls = new ArrayList<>();
        for (Operation operation : inLifecycleOrder(contract)) {
            List<String> pathArguments = new ArrayList<>();
            for (Parameter parameter : contract.parameters(operation)) {
                if (parameter.in().equals("path")) {
                    pathArguments.add(isAfterSubmit(operation) ? SUBMITTED : exampleOf(contract, parameter));
                }
            }
            URI url = URI.create(baseUri.toString().replaceAll("/$", "") + fill(operation.pathTemplate(), pathArguments));
            var example = contract.examples().stream()
                    .filter(e -> e.operationId().equals(operation.operationId()) && e.isRequest()).findFirst();
            JsonNode body = example.map(e -> {
                JsonNode copy = e.value().deepCopy();
                if (copy.has("submission_id")) {
                    ((ObjectNode) copy).put("submission_id", SUBMITTED);
                }
                return copy;
            }).orElse(null);
            calls.add(new PlannedCall(operation, url, List.copyOf(pathArguments),
                    example.map(e -> ClientCases.typeOf(contract, e)).orElse(null), body, apiClass(contract, operation)));
        }
        return calls;
    }

    private static List<Operation> inLifecycleOrder(ApiContract contract) {
        List<String> writes = List.of("post", "delete");
        return Stream.concat(contract.operations().stream().filter(op -> !writes.contains(op.method().toLowerCase())),
                contract.operations().stream().filter(op -> writes.contains(op.method().toLowerCase()))
                        .sorted((a, b) -> Integer.compare(rank(a), rank(b)))).toList();
    }

    private static int rank(Operation operation) {
        return operation.method().equalsIgnoreCase("delete") ? 2 : operation.pathTemplate().endsWith("/stop") ? 1 : 0;
    }

    private static boolean isAfterSubmit(Operation operation) {
        return operation.pathTemplate().startsWith("/api/jobs/") && rank(operation) > 0;
    }

    static String exampleOf(ApiContract contract, Parameter parameter) {
        JsonNode node = contract.document().at(parameter.pointer());
        JsonNode example = node.has("example") ? node.get("example") : node.at("/schema/example");
        assertFalse(example.isMissingNode(), parameter + " has no example");
        return example.asText();
    }

    private static String fill(String template, List<String> arguments) {
        Iterator<String> next = arguments.iterator();
        return Pattern.compile("\\{[^}]+}").matcher(template).replaceAll(m -> next.next());
    }

    private static String apiClass(ApiContract contract, Operation operation) {
        String tag = contract.document().at(operation.pointer() + "/tags/0").asText();
        return Arrays.stream(tag.split("[^A-Za-z0-9]+")).filter(word -> !word.isEmpty())
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1)).collect(Collectors.joining()) + "Api";
    }
}
