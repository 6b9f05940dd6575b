package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One OpenAPI 3.0 document, loaded once, against which responses and requests are checked.
 *
 * <p>The document is parsed once; the JSON Schema of each response or parameter is compiled on first use
 * and reused, so one {@code ApiContract} serves any number of checks, from any number of threads. Nothing
 * the caller sends makes a check throw: a body that is not JSON, an undocumented path, method, status or
 * content type are all violations in the result.
 *
 * <pre>{@code
 * ApiContract contract = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
 * ValidationResult result = contract.validateResponse("listJobs", "200", "application/json", bodyText);
 * }</pre>
 */
public final class ApiContract {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final String name;
    private final String documentIri;
    private final JsonNode document;
    private final List<Operation> operations;
    private final List<DocumentedExample> examples;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ApiContract(String name, JsonNode document) {
        this.name = name;
        this.document = document;
        this.documentIri = "urn:jobs-openapi:spec:" + name;
        this.operations = readOperations(document);
        this.examples = readExamples();
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
     * The contract of a bundled spec named {@code name} (see {@link BundledSpec#byName}), or else of the
     * YAML or JSON file at that path.
     *
     * @throws IOException              when there is no such bundled spec or file, or it cannot be read
     * @throws IllegalArgumentException when the file is not an OpenAPI 3.0 document
     */
    public static ApiContract load(String nameOrPath) throws IOException {
        for (BundledSpec spec : BundledSpec.values()) {
            if (spec.specName().equalsIgnoreCase(nameOrPath) || spec.fileName().equalsIgnoreCase(nameOrPath)) {
                return bundled(spec);
            }
        }
        return load(Path.of(nameOrPath));
    }

    /**
     * The contract of an OpenAPI 3.0 document in a YAML or JSON file.
     *
     * @throws IOException              when the file does not exist or cannot be read
     * @throws IllegalArgumentException when it is not an OpenAPI 3.0 document
     */
    public static ApiContract load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such spec file");
        }
        String specName = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
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
        if (!target.isObject() || !schema.isObject()) {
            throw new IllegalArgumentException("No schema object at " + location(pointer) + " or in " + schema);
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

    /** Every operation of the spec, in document order. */
    public List<Operation> operations() {
        return operations;
    }

    /** The operation with this {@code operationId}. */
    public Optional<Operation> operation(String operationId) {
        return operations.stream().filter(op -> op.operationId().equals(operationId)).findFirst();
    }

    /**
     * The operation that serves a method on a concrete path such as {@code /v1/abc/dev-servers/jobs/xyz}
     * (a query string is ignored). A path without template variables wins over a templated one.
     */
    public Optional<Operation> operation(String method, String path) {
        String bare = stripQuery(path);
        return operations.stream()
                .filter(op -> op.method().equalsIgnoreCase(method) && op.match(bare).isPresent())
                .min(Comparator.comparingInt(op -> op.pathVariables().size()));
    }

    /** Every example the spec documents, request bodies and responses, in document order. */
    public List<DocumentedExample> examples() {
        return examples;
    }

    private List<DocumentedExample> readExamples() {
        List<DocumentedExample> examples = new ArrayList<>();
        for (Operation op : operations) {
            String requestPointer = resolvePointer(op.pointer() + "/requestBody");
            addExamples(op, DocumentedExample.REQUEST, at(requestPointer).path("content"), requestPointer + "/content", examples);
            for (Map.Entry<String, JsonNode> response : entries(at(op.pointer() + "/responses"))) {
                String responsePointer = resolvePointer(op.pointer() + "/responses/" + escape(response.getKey()));
                addExamples(op, response.getKey(), at(responsePointer).path("content"), responsePointer + "/content", examples);
            }
        }
        return List.copyOf(examples);
    }

    /**
     * The first example documented for the operation's response with this status (for example {@code 200}),
     * or for its request body with {@link DocumentedExample#REQUEST}.
     */
    public Optional<DocumentedExample> example(String operationId, String status) {
        return examples().stream()
                .filter(e -> e.operationId().equals(operationId) && e.status().equals(status))
                .findFirst();
    }

    private void addExamples(Operation op, String status, JsonNode content, String contentPointer, List<DocumentedExample> into) {
        for (Map.Entry<String, JsonNode> media : entries(content)) {
            String mediaPointer = contentPointer + "/" + escape(media.getKey());
            JsonNode mediaType = media.getValue();
            if (mediaType.has("example")) {
                into.add(new DocumentedExample(name, op.operationId(), op.method(), op.pathTemplate(), status,
                        media.getKey(), "example", mediaPointer + "/example", "", mediaType.get("example")));
            }
            for (Map.Entry<String, JsonNode> example : entries(mediaType.path("examples"))) {
                String examplePointer = resolvePointer(mediaPointer + "/examples/" + escape(example.getKey()));
                JsonNode exampleObject = at(examplePointer);
                if (exampleObject.has("value")) {
                    into.add(new DocumentedExample(name, op.operationId(), op.method(), op.pathTemplate(), status,
                            media.getKey(), example.getKey(), examplePointer + "/value",
                            exampleObject.path("x-example-source").asText(""), exampleObject.get("value")));
                }
            }
        }
    }

    /** Checks a documented example against the schema of the request body or response it documents. */
    public ValidationResult validate(DocumentedExample example) {
        ValidationResult result = example.isRequest()
                ? validateRequestBody(example.operationId(), example.mediaType(), example.value())
                : validateResponse(example.operationId(), example.status(), example.mediaType(), example.value());
        return new ValidationResult(example.toString(), result.violations());
    }

    /**
     * Checks a request body, given as the bytes a client sent, as {@link #validateRequestBody(String, String,
     * JsonNode)} does; a body that is not exactly one JSON document in UTF-8 is a violation that says why.
     */
    public ValidationResult validateRequestBody(String operationId, String contentType, byte[] body) {
        JsonBody.Parsed parsed = JsonBody.parse(body);
        if (parsed.problem().isPresent()) {
            return new ValidationResult(name + " " + operationId + " request " + contentType, List.of(parsed.problem().get()));
        }
        return validateRequestBody(operationId, contentType, parsed.node().orElseThrow());
    }

    /**
     * Checks a request body against the schema the spec gives the operation's request body. An operation
     * without a request body, or a content type it does not take, is a violation.
     */
    public ValidationResult validateRequestBody(String operationId, String contentType, JsonNode body) {
        String subject = name + " " + operationId + " request " + contentType;
        Optional<Operation> operation = operation(operationId);
        if (operation.isEmpty()) {
            return new ValidationResult(subject, List.of(new Violation("", location("/paths"), "operation",
                    "the spec has no operation with operationId '" + operationId + "'")));
        }
        String contentPointer = resolvePointer(operation.get().pointer() + "/requestBody") + "/content";
        JsonNode content = at(contentPointer);
        String mediaKey = content.isMissingNode() ? null : findMediaType(content, contentType == null ? "" : contentType);
        if (mediaKey == null) {
            return new ValidationResult(subject, List.of(new Violation("", location(contentPointer), "content-type",
                    operationId + " takes no request body of type '" + contentType + "'")));
        }
        String schemaPointer = contentPointer + "/" + escape(mediaKey) + "/schema";
        return new ValidationResult(subject, at(schemaPointer).isMissingNode() ? List.of() : validateAgainst(schemaPointer, body));
    }

    /**
     * Checks a response body, given as text, against the operation's response schema. A body that is not
     * exactly one JSON document is a violation that says why (empty, a byte-order mark, trailing text, several
     * documents, a key twice in one object, {@code NaN}, nesting deeper than 1000 levels), unless the documented
     * response has no body schema.
     */
    public ValidationResult validateResponse(String operationId, String status, String contentType, String body) {
        return validateResponse(operationId, status, contentType, JsonBody.parse(body));
    }

    /**
     * Checks a response body, given as the bytes a server sent, as {@link #validateResponse(String, String,
     * String, String)} does; bytes that are not UTF-8 are a violation too.
     */
    public ValidationResult validateResponse(String operationId, String status, String contentType, byte[] body) {
        return validateResponse(operationId, status, contentType, JsonBody.parse(body));
    }

    private ValidationResult validateResponse(String operationId, String status, String contentType, JsonBody.Parsed parsed) {
        String subject = subject(operationId, status, contentType);
        ResponseSchema target = responseSchema(operationId, status, contentType);
        if (!target.problems().isEmpty() || target.pointer().isEmpty()) {
            return new ValidationResult(subject, target.problems());
        }
        if (parsed.problem().isPresent()) {
            return new ValidationResult(subject, List.of(parsed.problem().get()));
        }
        // Parsed text is within the nesting limit already (the parser enforces it): no second walk to measure it.
        return new ValidationResult(subject, validateKnownDepth(target.pointer().get(), parsed.node().orElseThrow()));
    }

    /**
     * Checks a response to {@code method} on a concrete {@code path}: finds the operation by its template,
     * then checks the body as {@link #validateResponse(String, String, String, String)} does. A path or
     * method the spec does not document is a violation.
     */
    public ValidationResult validateResponseTo(String method, String path, String status, String contentType, String body) {
        return validateResponseTo(method, path, status, contentType, JsonBody.parse(body));
    }

    /** As {@link #validateResponseTo(String, String, String, String, String)}, for the bytes a server sent. */
    public ValidationResult validateResponseTo(String method, String path, String status, String contentType, byte[] body) {
        return validateResponseTo(method, path, status, contentType, JsonBody.parse(body));
    }

    private ValidationResult validateResponseTo(String method, String path, String status, String contentType, JsonBody.Parsed body) {
        Optional<Operation> operation = operation(method, path);
        if (operation.isEmpty()) {
            return new ValidationResult(name + " " + method.toUpperCase(Locale.ROOT) + " " + path + " " + status,
                    List.of(unknownOperation(method, path)));
        }
        return validateResponse(operation.get().operationId(), status, contentType, body);
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
        ResponseSchema target = responseSchema(operationId, status, contentType);
        List<Violation> violations = target.pointer().isPresent() && target.problems().isEmpty()
                ? validateAgainst(target.pointer().get(), body) : target.problems();
        return new ValidationResult(subject(operationId, status, contentType), violations);
    }

    private String subject(String operationId, String status, String contentType) {
        return name + " " + operationId + " " + status + " " + contentType;
    }

    /** Where a response's body schema is, or why the response is not documented at all. */
    private record ResponseSchema(Optional<String> pointer, List<Violation> problems) {
        static ResponseSchema problem(Violation violation) {
            return new ResponseSchema(Optional.empty(), List.of(violation));
        }
    }

    private ResponseSchema responseSchema(String operationId, String status, String contentType) {
        Optional<Operation> operation = operation(operationId);
        if (operation.isEmpty()) {
            return ResponseSchema.problem(new Violation("", location("/paths"), "operation",
                    "the spec has no operation with operationId '" + operationId + "'"));
        }
        String responsesPointer = operation.get().pointer() + "/responses";
        JsonNode responses = at(responsesPointer);
        String statusKey = responses.has(status) ? status
                : !status.isEmpty() && responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (statusKey == null) {
            return ResponseSchema.problem(new Violation("", location(responsesPointer), "status",
                    "status " + status + " is not documented for " + operationId
                    + " (documented: " + String.join(", ", fieldNames(responses)) + ")"));
        }
        String contentPointer = resolvePointer(responsesPointer + "/" + escape(statusKey)) + "/content";
        JsonNode content = at(contentPointer);
        if (content.isMissingNode() || content.isEmpty()) {
            return new ResponseSchema(Optional.empty(), List.of());
        }
        String mediaKey = findMediaType(content, contentType == null ? "" : contentType);
        if (mediaKey == null) {
            return ResponseSchema.problem(new Violation("", location(contentPointer), "content-type",
                    "content type '" + contentType + "' is not documented for " + operationId + " " + status
                    + " (documented: " + String.join(", ", fieldNames(content)) + ")"));
        }
        String schemaPointer = contentPointer + "/" + escape(mediaKey) + "/schema";
        return new ResponseSchema(at(schemaPointer).isMissingNode() ? Optional.empty() : Optional.of(schemaPointer), List.of());
    }

    /**
     * Checks a request line: the operation must exist for the method and path, and each path and query
     * parameter must satisfy its documented schema. Required parameters must be present and query parameters
     * the operation does not document are reported. Violations point at {@code /path/NAME} or
     * {@code /query/NAME}.
     *
     * @param method      the HTTP method
     * @param pathAndQuery the request target, for example {@code /v1/abc/dev-servers/jobs?visible=true}
     */
    public ValidationResult validateRequest(String method, String pathAndQuery) {
        String subject = name + " " + method.toUpperCase(Locale.ROOT) + " " + pathAndQuery;
        String path = stripQuery(pathAndQuery);
        Optional<Operation> found = operation(method, path);
        if (found.isEmpty()) {
            return new ValidationResult(subject, List.of(unknownOperation(method, path)));
        }
        Operation op = found.get();
        Map<String, String> pathValues = op.match(path).orElseThrow();
        Map<String, List<String>> queryValues = parseQuery(pathAndQuery);
        List<Violation> violations = new ArrayList<>();
        List<String> documentedQuery = new ArrayList<>();
        for (String parameterPointer : parameterPointers(op)) {
            JsonNode parameter = at(parameterPointer);
            String in = parameter.path("in").asText();
            String parameterName = parameter.path("name").asText();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            if (in.equals("query")) {
                documentedQuery.add(parameterName);
            }
            List<String> values = in.equals("path")
                    ? Optional.ofNullable(pathValues.get(parameterName)).map(List::of).orElse(List.of())
                    : queryValues.getOrDefault(parameterName, List.of());
            String pointer = "/" + in + "/" + escape(parameterName);
            if (values.isEmpty()) {
                if (parameter.path("required").asBoolean(false)) {
                    violations.add(new Violation(pointer, location(parameterPointer + "/required"), "required",
                            "required " + in + " parameter '" + parameterName + "' is missing"));
                }
                continue;
            }
            String schemaPointer = parameterPointer + "/schema";
            for (String value : values) {
                for (Violation v : validateAgainst(schemaPointer, parameterValue(at(schemaPointer), value))) {
                    violations.add(new Violation(pointer, v.schemaLocation(), v.keyword(),
                            v.message() + " (value '" + value + "')"));
                }
            }
        }
        for (String query : queryValues.keySet()) {
            if (!documentedQuery.contains(query)) {
                violations.add(new Violation("/query/" + escape(query), location(op.pointer() + "/parameters"),
                        "parameter", "query parameter '" + query + "' is not documented for " + op.operationId()));
            }
        }
        return new ValidationResult(subject, violations);
    }

    /**
     * Checks a JSON value against any schema of the spec, named by its JSON pointer, for example
     * {@code /components/schemas/JobDetails}.
     */
    public List<Violation> validateAgainst(String schemaPointer, JsonNode instance) {
        if (schemaPointer == null || !schemaPointer.startsWith("/") || at(schemaPointer).isMissingNode()) {
            return List.of(new Violation("", location(String.valueOf(schemaPointer)), "schema",
                    "the spec has no schema at '" + schemaPointer + "'"));
        }
        if (JsonBody.depth(instance) > JsonBody.MAX_NESTING_DEPTH) {
            return List.of(new Violation("", "(body)", "json",
                    "the body nests deeper than " + JsonBody.MAX_NESTING_DEPTH + " levels, beyond what the checker reads"));
        }
        return validateKnownDepth(schemaPointer, instance);
    }

    /** {@link #validateAgainst} for a value known to nest no deeper than the limit (the pointer is checked). */
    private List<Violation> validateKnownDepth(String schemaPointer, JsonNode instance) {
        JsonNode value = instance == null ? NODES.missingNode() : instance;
        try {
            Schema schema = schemas.computeIfAbsent(schemaPointer,
                    pointer -> registry.getSchema(SchemaLocation.of(documentIri + "#" + pointer)));
            List<Violation> violations = new ArrayList<>();
            for (Error error : schema.validate(value)) {
                violations.add(toViolation(error));
            }
            return violations;
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(new Violation("", location(schemaPointer), "checker",
                    "the checker could not evaluate this value against the schema: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))));
        }
    }

    private Violation toViolation(Error error) {
        String pointer = error.getInstanceLocation().toString();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            pointer = pointer + "/" + escape(error.getProperty());
        }
        String message = error.getMessage();
        String prefix = error.getInstanceLocation() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        return new Violation(pointer, location(error.getSchemaLocation().getFragment().toString()), error.getKeyword(), message);
    }

    private Violation unknownOperation(String method, String path) {
        boolean pathKnown = operations.stream().anyMatch(op -> op.match(stripQuery(path)).isPresent());
        return pathKnown
                ? new Violation("", location("/paths"), "method", "method " + method.toUpperCase(Locale.ROOT)
                        + " is not documented for " + path)
                : new Violation("", location("/paths"), "path", "no path of the spec matches " + path);
    }

    /** A parameter value as the JSON its schema expects: booleans and numbers typed, anything else a string. */
    private static JsonNode parameterValue(JsonNode schema, String value) {
        String type = schema.path("type").asText();
        if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        if (type.equals("integer") && value.matches("-?\\d{1,18}")) {
            return NODES.numberNode(Long.parseLong(value));
        }
        if (type.equals("number") && value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return NODES.numberNode(new java.math.BigDecimal(value));
        }
        return NODES.textNode(value);
    }

    /**
     * The parameters of an operation, with {@code $ref}s resolved: those of its path item, then its own (an
     * operation's parameter replaces the path item's of the same name and location).
     */
    public List<JsonNode> parameters(Operation op) {
        return parameterPointers(op).stream().map(this::at).toList();
    }

    private List<String> parameterPointers(Operation op) {
        Map<String, String> byKey = new LinkedHashMap<>();
        String pathItem = op.pointer().substring(0, op.pointer().lastIndexOf('/'));
        for (String owner : List.of(pathItem, op.pointer())) {
            JsonNode parameters = at(owner + "/parameters");
            for (int i = 0; i < parameters.size(); i++) {
                String pointer = resolvePointer(owner + "/parameters/" + i);
                JsonNode parameter = at(pointer);
                byKey.put(parameter.path("in").asText() + ":" + parameter.path("name").asText(), pointer);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static Map<String, List<String>> parseQuery(String pathAndQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int q = pathAndQuery.indexOf('?');
        if (q < 0 || q == pathAndQuery.length() - 1) {
            return values;
        }
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    /** Percent-decodes a query part; a malformed escape is kept as it was sent (and then checked as such). */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    private static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private String location(String pointer) {
        return name + ".yaml#" + pointer;
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

    private static List<Operation> readOperations(JsonNode document) {
        List<Operation> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : entries(document.path("paths"))) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    String upper = method.toUpperCase(Locale.ROOT);
                    found.add(new Operation(operation.path("operationId").asText(upper + " " + path.getKey()), upper,
                            path.getKey(), "/paths/" + escape(path.getKey()) + "/" + method));
                }
            }
        }
        return List.copyOf(found);
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
