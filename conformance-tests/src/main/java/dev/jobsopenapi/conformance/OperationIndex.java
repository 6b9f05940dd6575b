package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.RequestTarget;
import dev.jobsopenapi.specs.Resolution;
import dev.jobsopenapi.specs.RouteTable;
import dev.jobsopenapi.specs.SpecTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.jobsopenapi.conformance.SpecDocument.escape;
import static dev.jobsopenapi.conformance.SpecDocument.fieldNames;

/**
 * The operations of one spec and the examples they document, and where the schema of a request body, a response
 * or a parameter is (or why the spec documents none).
 */
final class OperationIndex {

    /** Where the schema of a body is ({@code pointer}), or why the body is not documented ({@code problems}). */
    record SchemaTarget(Optional<String> pointer, List<Violation> problems) {
        static SchemaTarget problem(Violation violation) {
            return new SchemaTarget(Optional.empty(), List.of(violation));
        }

        static SchemaTarget none() {
            return new SchemaTarget(Optional.empty(), List.of());
        }
    }

    private final SpecDocument spec;
    private final List<Operation> operations;
    private final Map<String, Operation> byId;
    private final RouteTable routes;
    private final List<DocumentedExample> examples;

    OperationIndex(SpecDocument spec) {
        this.spec = spec;
        this.operations = readOperations(spec.root());
        Map<String, Operation> ids = new LinkedHashMap<>();
        operations.forEach(op -> ids.putIfAbsent(op.operationId(), op));
        this.byId = Map.copyOf(ids);
        this.routes = RouteTable.of(spec.name(), spec.root());
        this.examples = readExamples();
    }

    /** The spec's compiled routes. */
    RouteTable routes() {
        return routes;
    }

    List<Operation> operations() {
        return operations;
    }

    Optional<Operation> byId(String operationId) {
        return Optional.ofNullable(byId.get(operationId));
    }

    /** How the spec's routes decide a method on a concrete path with an optional query. */
    Resolution resolve(String method, String pathAndQuery) {
        return routes.resolve(method, RequestTarget.parse(pathAndQuery));
    }

    /** The operation for a method on a concrete path; a literal segment wins over a templated one. */
    Optional<Operation> find(String method, String pathAndQuery) {
        return resolve(method, pathAndQuery).operationId().flatMap(this::byId);
    }

    /** Why no operation serves the method on the path: it does not normalise, the path is unknown, or only the method is. */
    Violation unknownOperation(String method, String pathAndQuery) {
        Resolution r = resolve(method, pathAndQuery);
        String path = r.target().rawPath();
        return switch (r.kind()) {
            case UNKNOWN_METHOD -> new Violation("", spec.location("/paths"), "method", "method "
                    + method.toUpperCase(Locale.ROOT) + " is not documented for " + path);
            case REFUSED -> new Violation("", spec.location("/paths"), "path", "the path does not normalise cleanly ("
                    + r.reason() + "), so no operation can be told: " + path);
            default -> new Violation("", spec.location("/paths"), "path", "no path of the spec matches " + path);
        };
    }

    Violation unknownOperationId(String operationId) {
        return new Violation("", spec.location("/paths"), "operation",
                "the spec has no operation with operationId '" + operationId + "'");
    }

    List<DocumentedExample> examples() {
        return examples;
    }

    /** Where the schema of the response's body is, or why the response is not documented at all. */
    SchemaTarget responseSchema(String operationId, String status, String contentType) {
        Optional<Operation> operation = byId(operationId);
        if (operation.isEmpty()) {
            return SchemaTarget.problem(unknownOperationId(operationId));
        }
        String responsesPointer = operation.get().pointer() + "/responses";
        Optional<String> response = responsePointer(operation.get(), status);
        if (response.isEmpty()) {
            return SchemaTarget.problem(new Violation("", spec.location(responsesPointer), "status",
                    "status " + status + " is not documented for " + operationId
                    + " (documented: " + String.join(", ", fieldNames(spec.at(responsesPointer))) + ")"));
        }
        String contentPointer = response.get() + "/content";
        JsonNode content = spec.at(contentPointer);
        if (content.isMissingNode() || content.isEmpty()) {
            return SchemaTarget.none();
        }
        String mediaKey = findMediaType(content, contentType);
        if (mediaKey == null) {
            return SchemaTarget.problem(new Violation("", spec.location(contentPointer), "content-type",
                    "content type '" + contentType + "' is not documented for " + operationId + " " + status
                    + " (documented: " + String.join(", ", fieldNames(content)) + ")"));
        }
        return schemaOf(contentPointer + "/" + escape(mediaKey));
    }

    /**
     * Where the operation documents its answer with this status ({@code $ref} resolved): the exact code, else its
     * {@code NXX} range, else {@code default}; empty when none of them is documented.
     */
    Optional<String> responsePointer(Operation operation, String status) {
        String responsesPointer = operation.pointer() + "/responses";
        JsonNode responses = spec.at(responsesPointer);
        String statusKey = responses.has(status) ? status
                : !status.isEmpty() && responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        return statusKey == null ? Optional.empty() : Optional.of(spec.resolve(responsesPointer + "/" + escape(statusKey)));
    }

    /** Where the schema of the operation's request body is for the content type, or why there is none. */
    SchemaTarget requestBodySchema(String operationId, String contentType) {
        Optional<Operation> operation = byId(operationId);
        if (operation.isEmpty()) {
            return SchemaTarget.problem(unknownOperationId(operationId));
        }
        String contentPointer = spec.resolve(operation.get().pointer() + "/requestBody") + "/content";
        JsonNode content = spec.at(contentPointer);
        String mediaKey = content.isMissingNode() ? null : findMediaType(content, contentType);
        if (mediaKey == null) {
            return SchemaTarget.problem(new Violation("", spec.location(contentPointer), "content-type",
                    operationId + " takes no request body of type '" + contentType + "'"));
        }
        return schemaOf(contentPointer + "/" + escape(mediaKey));
    }

    private SchemaTarget schemaOf(String mediaPointer) {
        String schemaPointer = mediaPointer + "/schema";
        return spec.at(schemaPointer).isMissingNode() ? SchemaTarget.none()
                : new SchemaTarget(Optional.of(schemaPointer), List.of());
    }

    /**
     * The pointers of an operation's parameters, {@code $ref}s resolved: those of its path item, then its own (an
     * operation's parameter replaces the path item's of the same name and location).
     */
    List<Parameter> parameters(Operation op) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        String pathItem = op.pointer().substring(0, op.pointer().lastIndexOf('/'));
        for (String owner : List.of(pathItem, op.pointer())) {
            JsonNode parameters = spec.at(owner + "/parameters");
            for (int i = 0; i < parameters.size(); i++) {
                String pointer = spec.resolve(owner + "/parameters/" + i);
                JsonNode parameter = spec.at(pointer);
                byKey.put(parameter.path("in").asText() + ":" + parameter.path("name").asText(), new Parameter(
                        parameter.path("name").asText(), parameter.path("in").asText(),
                        parameter.path("required").asBoolean(false), pointer));
            }
        }
        return List.copyOf(byKey.values());
    }

    private static String findMediaType(JsonNode content, String contentType) {
        String wanted = (contentType == null ? "" : contentType).split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        String wildcard = wanted.contains("/") ? wanted.substring(0, wanted.indexOf('/')) + "/*" : wanted;
        for (String candidate : List.of(wanted, wildcard, "*/*")) {
            for (String key : fieldNames(content)) {
                if (key.split(";", 2)[0].trim().equalsIgnoreCase(candidate)) {
                    return key;
                }
            }
        }
        return null;
    }

    private static List<Operation> readOperations(JsonNode document) {
        return SpecTree.routes(document).stream()
                .map(r -> new Operation(r.operationId(), r.method(), r.pathTemplate(), r.pointer())).toList();
    }

    private List<DocumentedExample> readExamples() {
        return SpecTree.examples(spec.root()).stream().map(e -> new DocumentedExample(spec.name(), e.operationId(),
                e.method(), e.path(), e.status(), e.mediaType(), e.name(), e.pointer(), e.source(), e.value())).toList();
    }
}
