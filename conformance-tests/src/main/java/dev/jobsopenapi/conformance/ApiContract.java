package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import dev.jobsopenapi.specs.BundledSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OpenAPI 3.0 document, loaded once, against which responses are checked.
 *
 * <p>The document is parsed once; the JSON Schema of each response is compiled on first use and reused,
 * so one {@code ApiContract} serves any number of checks, from any number of threads.
 *
 * <pre>{@code
 * ApiContract contract = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
 * ValidationResult result = contract.validateResponse("listJobs", "200", "application/json", body);
 * }</pre>
 */
public final class ApiContract {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final String name;
    private final String documentIri;
    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ApiContract(String name, JsonNode document) {
        this.name = name;
        this.document = document;
        this.documentIri = "urn:jobs-openapi:spec:" + name;
        String documentJson;
        try {
            documentJson = JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot re-encode the spec " + name, e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), builder -> builder
                .schemaRegistryConfig(config)
                .schemas(Map.of(documentIri, documentJson)));
    }

    /** The contract of a spec bundled with this library. */
    public static ApiContract bundled(BundledSpec spec) {
        try (InputStream in = spec.open()) {
            return new ApiContract(spec.specName(), readDocument(in, spec.resourcePath()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + spec.resourcePath(), e);
        }
    }

    /**
     * The contract of an OpenAPI 3.0 document in a YAML or JSON file.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not an OpenAPI 3.0 document
     */
    public static ApiContract load(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String specName = fileName.replaceFirst("\\.(ya?ml|json)$", "");
        try (InputStream in = Files.newInputStream(file)) {
            return new ApiContract(specName, readDocument(in, file.toString()));
        }
    }

    private static JsonNode readDocument(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not YAML or JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("openapi").asText().startsWith("3.0")) {
            throw new IllegalArgumentException(source + " is not an OpenAPI 3.0 document (no 'openapi: 3.0.x' at its top)");
        }
        return root;
    }

    /**
     * A copy of this contract in which the schema node at the pointer is replaced by the given schema (its
     * {@code description} is kept). Used to check examples against what a vendor's prose claims.
     */
    public ApiContract withSchemaAt(String pointer, JsonNode schema) {
        JsonNode copy = document.deepCopy();
        JsonNode target = copy.at(pointer);
        if (!target.isObject()) {
            throw new IllegalArgumentException("No schema object at " + location(pointer));
        }
        ObjectNode node = (ObjectNode) target;
        JsonNode description = node.get("description");
        node.removeAll();
        node.setAll((ObjectNode) schema.deepCopy());
        if (description != null) {
            node.set("description", description);
        }
        return new ApiContract(name, copy);
    }

    /** The spec's short name, for example {@code modelarts-devserver-jobs}. */
    public String name() {
        return name;
    }

    /** The parsed document (shared: do not change it). */
    public JsonNode document() {
        return document;
    }

    /** Every example response the spec documents, in document order. */
    public List<DocumentedExample> examples() {
        List<DocumentedExample> examples = new ArrayList<>();
        forEachOperation((path, method, operation, operationPointer) -> {
            String operationId = operation.path("operationId").asText(method.toUpperCase(Locale.ROOT) + " " + path);
            for (Map.Entry<String, JsonNode> response : entries(operation.path("responses"))) {
                String responsePointer = resolvePointer(operationPointer + "/responses/" + escape(response.getKey()));
                for (Map.Entry<String, JsonNode> media : entries(at(responsePointer).path("content"))) {
                    String mediaPointer = responsePointer + "/content/" + escape(media.getKey());
                    JsonNode mediaType = media.getValue();
                    if (mediaType.has("example")) {
                        examples.add(new DocumentedExample(name, operationId, method.toUpperCase(Locale.ROOT), path,
                                response.getKey(), media.getKey(), "example", mediaPointer + "/example",
                                mediaType.get("example")));
                    }
                    for (Map.Entry<String, JsonNode> example : entries(mediaType.path("examples"))) {
                        String examplePointer = resolvePointer(mediaPointer + "/examples/" + escape(example.getKey()));
                        JsonNode exampleObject = at(examplePointer);
                        if (exampleObject.has("value")) {
                            examples.add(new DocumentedExample(name, operationId, method.toUpperCase(Locale.ROOT), path,
                                    response.getKey(), media.getKey(), example.getKey(), examplePointer + "/value",
                                    exampleObject.get("value")));
                        }
                    }
                }
            }
        });
        return List.copyOf(examples);
    }

    /** Checks a documented example against the schema of the response it documents. */
    public ValidationResult validate(DocumentedExample example) {
        return validateResponse(example.operationId(), example.status(), example.mediaType(), example.value());
    }

    /**
     * Checks a response body against the schema the spec gives for the operation, status and content type.
     * An operation, status or content type the spec does not document is reported as a violation.
     *
     * @param operationId the operation's {@code operationId}
     * @param status      the HTTP status, for example {@code 200}
     * @param contentType the response's content type; parameters such as {@code charset} are ignored
     * @param body        the parsed body
     */
    public ValidationResult validateResponse(String operationId, String status, String contentType, JsonNode body) {
        String subject = name + " " + operationId + " " + status + " " + contentType;
        Optional<String> operationPointer = findOperation(operationId);
        if (operationPointer.isEmpty()) {
            return new ValidationResult(subject, List.of(new Violation("", location("/paths"), "operation",
                    "the spec has no operation with operationId '" + operationId + "'")));
        }
        JsonNode responses = at(operationPointer.get() + "/responses");
        String statusKey = responses.has(status) ? status
                : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (statusKey == null) {
            return new ValidationResult(subject, List.of(new Violation("", location(operationPointer.get() + "/responses"),
                    "status", "status " + status + " is not documented for " + operationId
                    + " (documented: " + String.join(", ", fieldNames(responses)) + ")")));
        }
        String contentPointer = resolvePointer(operationPointer.get() + "/responses/" + escape(statusKey)) + "/content";
        JsonNode content = at(contentPointer);
        String mediaKey = findMediaType(content, contentType);
        if (mediaKey == null) {
            return new ValidationResult(subject, List.of(new Violation("", location(contentPointer), "content-type",
                    "content type '" + contentType + "' is not documented for " + operationId + " " + status
                    + " (documented: " + String.join(", ", fieldNames(content)) + ")")));
        }
        String schemaPointer = contentPointer + "/" + escape(mediaKey) + "/schema";
        if (at(schemaPointer).isMissingNode()) {
            return new ValidationResult(subject, List.of());
        }
        return new ValidationResult(subject, validateAgainst(schemaPointer, body));
    }

    /**
     * Checks a JSON value against any schema of the spec, named by its JSON pointer, for example
     * {@code /components/schemas/JobDetails}.
     */
    public List<Violation> validateAgainst(String schemaPointer, JsonNode instance) {
        Schema schema = schemas.computeIfAbsent(schemaPointer,
                pointer -> registry.getSchema(SchemaLocation.of(documentIri + "#" + pointer)));
        List<Violation> violations = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            violations.add(toViolation(error));
        }
        return violations;
    }

    private Violation toViolation(Error error) {
        String pointer = error.getInstanceLocation().toString();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            pointer = pointer + "/" + escape(error.getProperty());
        }
        String schemaFragment = error.getSchemaLocation().getFragment().toString();
        String message = error.getMessage();
        String prefix = error.getInstanceLocation() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        return new Violation(pointer, location(schemaFragment), error.getKeyword(), message);
    }

    private String location(String pointer) {
        return name + ".yaml#" + pointer;
    }

    private Optional<String> findOperation(String operationId) {
        List<String> found = new ArrayList<>();
        forEachOperation((path, method, operation, pointer) -> {
            if (operationId.equals(operation.path("operationId").asText(null))) {
                found.add(pointer);
            }
        });
        return found.stream().findFirst();
    }

    private static String findMediaType(JsonNode content, String contentType) {
        String wanted = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
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

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation, String pointer);
    }

    private void forEachOperation(OperationVisitor visitor) {
        for (Map.Entry<String, JsonNode> path : entries(document.path("paths"))) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    visitor.visit(path.getKey(), method, operation, "/paths/" + escape(path.getKey()) + "/" + method);
                }
            }
        }
    }

    /** Follows local {@code $ref}s from the node at the pointer, and returns the pointer of the target. */
    private String resolvePointer(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 16; hops++) {
            JsonNode ref = at(current).get("$ref");
            if (ref == null || !ref.isTextual() || !ref.asText().startsWith("#")) {
                return current;
            }
            current = ref.asText().substring(1);
        }
        throw new IllegalStateException("$ref cycle at " + location(pointer));
    }

    private JsonNode at(String pointer) {
        return document.at(pointer);
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        node.fields().forEachRemaining(list::add);
        return list;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** Escapes one JSON pointer segment (RFC 6901). */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
