package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.BundledSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One OpenAPI 3.0 document, loaded once, against which responses and requests are checked.
 *
 * <p>The document is parsed once; the JSON Schema of each response or parameter is compiled on first use
 * and reused, so one {@code ApiContract} serves any number of checks, from any number of threads. Nothing
 * the caller sends makes a check throw: a body that is not JSON, an undocumented path, method, status or
 * content type are all violations in the result.
 *
 * <p>Response bodies given as text, bytes or a stream are read as a stream: the elements of a list (a
 * top-level array, or a page's {@code data}) are checked one at a time, so memory holds one element rather
 * than the body, and a conforming element costs little more than reading it. A body given whole (text or
 * bytes) first gets one pass over its tokens that builds no tree, which clears a body with nothing to report
 * in about the time of parsing it; a body it does not clear is checked as a stream. The violations are
 * exactly those of checking the whole parsed document.
 *
 * <pre>{@code
 * ApiContract contract = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
 * ValidationResult result = contract.validateResponse("listJobs", "200", "application/json", bodyText);
 * }</pre>
 */
public final class ApiContract {

    private final SpecDocument spec;
    private final OperationIndex index;
    private final SchemaChecker schemas;
    private final RequestChecker requests;
    private final ResponseChecker responses;

    private ApiContract(SpecDocument spec) {
        this.spec = spec;
        this.index = new OperationIndex(spec);
        this.schemas = new SchemaChecker(spec);
        this.requests = new RequestChecker(spec, index, schemas);
        this.responses = new ResponseChecker(spec, index, schemas);
    }

    /** The contract of a spec bundled with this library. */
    public static ApiContract bundled(BundledSpec spec) {
        try (InputStream in = spec.open()) {
            return new ApiContract(SpecDocument.read(spec.specName(), in, spec.resourcePath()));
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
        if (!Files.exists(Path.of(nameOrPath))) {
            throw new NoSuchFileException(nameOrPath, null, "neither a bundled spec ("
                    + String.join(", ", java.util.Arrays.stream(BundledSpec.values()).map(BundledSpec::specName).toList())
                    + ") nor a spec file");
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
            return new ApiContract(SpecDocument.read(specName, in, file.toString()));
        }
    }

    /**
     * A copy of this contract in which the schema node at the pointer is replaced by the given schema (its
     * {@code description} is kept). Used to check examples against what a vendor's prose claims.
     */
    public ApiContract withSchemaAt(String pointer, JsonNode schema) {
        return new ApiContract(spec.withSchemaAt(pointer, schema));
    }

    /** The spec's short name, for example {@code modelarts-devserver-jobs}. */
    public String name() {
        return spec.name();
    }

    /** The parsed document (shared: do not change it). */
    public JsonNode document() {
        return spec.root();
    }

    /** Every operation of the spec, in document order. */
    public List<Operation> operations() {
        return index.operations();
    }

    /** The operation with this {@code operationId}. */
    public Optional<Operation> operation(String operationId) {
        return index.byId(operationId);
    }

    /**
     * The operation that serves a method on a concrete path such as {@code /v1/abc/dev-servers/jobs/xyz}
     * (a query string is ignored). A path without template variables wins over a templated one.
     */
    public Optional<Operation> operation(String method, String path) {
        return index.find(method, path);
    }

    /** Every example the spec documents, request bodies and responses, in document order. */
    public List<DocumentedExample> examples() {
        return index.examples();
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
        return requests.checkBody(operationId, contentType, body);
    }

    /**
     * Checks a request body against the schema the spec gives the operation's request body. An operation
     * without a request body, or a content type it does not take, is a violation.
     */
    public ValidationResult validateRequestBody(String operationId, String contentType, JsonNode body) {
        return requests.checkBody(operationId, contentType, body);
    }

    /**
     * Checks a response body, given as text, against the operation's response schema. A body that is not
     * exactly one JSON document is a violation that says why (empty, a byte-order mark, trailing text, several
     * documents, a key twice in one object, {@code NaN}, nesting deeper than 1000 levels), unless the documented
     * response has no body schema.
     */
    public ValidationResult validateResponse(String operationId, String status, String contentType, String body) {
        return responses.check(operationId, status, contentType, body == null ? "" : body);
    }

    /**
     * Checks a response body, given as the bytes a server sent, as {@link #validateResponse(String, String,
     * String, String)} does; bytes that are not UTF-8 are a violation too.
     */
    public ValidationResult validateResponse(String operationId, String status, String contentType, byte[] body) {
        return responses.check(operationId, status, contentType, body == null ? new byte[0] : body);
    }

    /**
     * Checks a response body read from a stream (a captured file, a socket), as {@link #validateResponse(String,
     * String, String, byte[])} does, in memory bounded by the largest element of a list rather than by the body:
     * a 100 MB list is checked as it is read. The stream is read to its end, not closed.
     *
     * @throws IOException when reading the stream fails (bytes that are not UTF-8 are a violation instead)
     */
    public ValidationResult validateResponse(String operationId, String status, String contentType, InputStream body)
            throws IOException {
        return responses.check(operationId, status, contentType, new Utf8Input(body));
    }

    /**
     * Checks a response to {@code method} on a concrete {@code path}: finds the operation by its template,
     * then checks the body as {@link #validateResponse(String, String, String, String)} does. A path or
     * method the spec does not document is a violation.
     */
    public ValidationResult validateResponseTo(String method, String path, String status, String contentType, String body) {
        Optional<Operation> operation = operation(method, path);
        return operation.isEmpty() ? unknownOperation(method, path, status)
                : validateResponse(operation.get().operationId(), status, contentType, body);
    }

    /** As {@link #validateResponseTo(String, String, String, String, String)}, for the bytes a server sent. */
    public ValidationResult validateResponseTo(String method, String path, String status, String contentType, byte[] body) {
        Optional<Operation> operation = operation(method, path);
        return operation.isEmpty() ? unknownOperation(method, path, status)
                : validateResponse(operation.get().operationId(), status, contentType, body);
    }

    private ValidationResult unknownOperation(String method, String path, String status) {
        return new ValidationResult(name() + " " + method.toUpperCase(Locale.ROOT) + " " + path + " " + status,
                List.of(index.unknownOperation(method, path)));
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
        return responses.check(operationId, status, contentType, body);
    }

    /** The reference check of a response: parsed whole, the whole tree given to the full validator. */
    ValidationResult validateResponseWhole(String operationId, String status, String contentType, String body) {
        return responses.checkWhole(operationId, status, contentType, body);
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
        return requests.checkLine(method, pathAndQuery);
    }

    /**
     * Checks a JSON value against any schema of the spec, named by its JSON pointer, for example
     * {@code /components/schemas/JobDetails}. The violations come in document order.
     */
    public List<Violation> validateAgainst(String schemaPointer, JsonNode instance) {
        if (!schemas.hasSchema(schemaPointer)) {
            return List.of(new Violation("", spec.location(String.valueOf(schemaPointer)), "schema",
                    "the spec has no schema at '" + schemaPointer + "'"));
        }
        return schemas.checkTree(new OperationIndex.SchemaTarget(Optional.of(schemaPointer), List.of()), instance).stream()
                .sorted(SchemaChecker.DOCUMENT_ORDER).toList();
    }

    /**
     * The parameters of an operation, with {@code $ref}s resolved: those of its path item, then its own (an
     * operation's parameter replaces the path item's of the same name and location).
     */
    public List<JsonNode> parameters(Operation op) {
        return index.parameterPointers(op).stream().map(spec::at).toList();
    }
}
