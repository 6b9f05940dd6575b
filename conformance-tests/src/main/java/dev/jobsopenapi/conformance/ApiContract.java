package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.BundledSpec;
import dev.jobsopenapi.specs.RequestTarget;
import dev.jobsopenapi.specs.Resolution;
import dev.jobsopenapi.specs.RouteTable;
import dev.jobsopenapi.specs.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One OpenAPI 3.0 document, loaded once, against which responses and requests are checked.
 *
 * <p>The document is parsed once; the JSON Schema of each response or parameter is compiled on first use
 * and reused, so one {@code ApiContract} serves any number of checks, from any number of threads. Nothing
 * the caller sends makes a check throw: a body that is not JSON, an undocumented path, method, status or
 * content type are all violations in the result.
 *
 * <p>Four methods check everything: {@link #validateRequest} and {@link #validateResponse} take a {@link Target}
 * (an operation id, or a method and concrete path) and a {@link Body} (text, bytes, stream or tree);
 * {@link #validate(DocumentedExample)} checks an example of the spec and {@link #validateAgainst} a value against
 * any schema of it. Bodies given as text, bytes or a stream are read as a stream: the elements of a list (a
 * top-level array, or a page's {@code data}) are checked one at a time, so memory holds one element rather than
 * the body. A body given whole (text or bytes) first gets one pass over its tokens that builds no tree, which
 * clears a body with nothing to report in about the time of parsing it. The violations are exactly those of
 * checking the whole parsed document.
 *
 * <pre>{@code
 * ApiContract contract = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
 * ValidationResult result = contract.validateResponse(Target.operation("listJobs"), "200", "application/json",
 *         Body.of(bodyText));
 * }</pre>
 */
public final class ApiContract {

    private final SpecDocument spec;
    private final OperationIndex index;
    private final SchemaShapes shapes;
    private final SchemaChecker schemas;
    private final BodyChecker bodies;
    private final RequestChecker requests;
    private final SecuritySchemes security;

    private ApiContract(SpecDocument spec) {
        this.spec = spec;
        this.index = new OperationIndex(spec);
        this.shapes = new SchemaShapes(spec, new QuickCheck(SchemaChecker.CONFIG.getRegularExpressionFactory()));
        this.schemas = new SchemaChecker(spec, shapes);
        this.bodies = new BodyChecker(shapes, schemas);
        this.security = SecuritySchemes.of(spec.root());
        this.requests = new RequestChecker(spec, index, schemas, shapes, security);
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
     * The contract of an OpenAPI 3.0 document given as a tree (copied: later changes to it change nothing here).
     *
     * @param name how reports name the spec, for example {@code my-api}
     * @throws IllegalArgumentException when it is not an OpenAPI 3.0 document
     */
    public static ApiContract of(String name, JsonNode document) {
        return new ApiContract(SpecDocument.of(name, document.deepCopy()));
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

    /** A copy of the parsed document: changing it changes nothing in this contract. */
    public JsonNode document() {
        return spec.root().deepCopy();
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
     * (a query string is ignored). A literal segment wins over a templated one; a path that does not normalise
     * cleanly ({@link RequestTarget}) is served by none.
     */
    public Optional<Operation> operation(String method, String pathAndQuery) {
        return index.find(method, pathAndQuery);
    }

    /**
     * How this spec's routes decide a method on a concrete path with an optional query: the operation and its decoded
     * path parameters, or why none serves it (including a path that does not normalise cleanly, which is never routed).
     */
    public Resolution resolve(String method, String pathAndQuery) {
        return index.resolve(method, pathAndQuery);
    }

    /** Where this spec's security schemes carry credentials, read once. */
    public SecuritySchemes securitySchemes() {
        return security;
    }

    /** This spec's compiled routes, to build a {@link Router} over several contracts. */
    public RouteTable routes() {
        return index.routes();
    }

    /**
     * Which of several contracts a request is for, decided by one {@link Router} over their routes: the contract
     * whose operation serves it, else the one its path is meant for ({@link Resolution#api()}), else none.
     *
     * @return the contract (if any) and the router's decision
     */
    public static Routed route(List<ApiContract> contracts, String method, String pathAndQuery) {
        Resolution resolution = Router.of(contracts.stream().map(ApiContract::routes).toList()).resolve(method, pathAndQuery);
        Optional<ApiContract> contract = resolution.api().flatMap(api -> contracts.stream()
                .filter(c -> c.name().equals(api)).findFirst());
        return new Routed(contract, resolution);
    }

    /**
     * A request routed among several contracts.
     *
     * @param contract   the contract it is for, if any
     * @param resolution how the router decided
     */
    public record Routed(Optional<ApiContract> contract, Resolution resolution) {
    }

    /**
     * The parameters of an operation, {@code $ref}s resolved: those of its path item, then its own (an
     * operation's parameter replaces the path item's of the same name and location).
     */
    public List<Parameter> parameters(Operation op) {
        return index.parameters(op);
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
                ? validateRequest(Target.operation(example.operationId()), example.mediaType(), Body.of(example.value()))
                : validateResponse(Target.operation(example.operationId()), example.status(), example.mediaType(),
                        Body.of(example.value()));
        return new ValidationResult(example.toString(), result.violations());
    }

    /**
     * Checks a response: the status and content type must be documented for the operation, and the body must
     * satisfy their schema. A body that is not exactly one JSON document is a violation that says why (empty, not
     * UTF-8, a byte-order mark, trailing text, several documents, a key twice in one object, {@code NaN}, nesting
     * deeper than 1000 levels), unless the documented response has no body schema. Violations point into the body.
     *
     * @param target      the operation, or the method and path the request was sent to
     * @param status      the HTTP status, for example {@code 200}
     * @param contentType the response's content type; parameters such as {@code charset} are ignored
     * @param body        the body in any form
     * @throws java.io.UncheckedIOException when a stream body cannot be read
     */
    public ValidationResult validateResponse(Target target, String status, String contentType, Body body) {
        Optional<Operation> operation = find(target);
        if (operation.isEmpty()) {
            return unknown(target, status);
        }
        String operationId = operation.get().operationId();
        String subject = spec.name() + " " + operationId + " " + status + " " + contentType;
        OperationIndex.SchemaTarget schema = index.responseSchema(operationId, status, contentType);
        return new ValidationResult(subject, checkBody(schema, body, ""));
    }

    /**
     * Where the spec documents the operation's answer with this status, as a JSON pointer into {@link #document()}
     * ({@code $ref} resolved): the exact code, else its {@code NXX} range, else {@code default}. Empty when the
     * status is not documented, or there is no such operation.
     */
    public Optional<String> responsePointer(String operationId, String status) {
        return index.byId(operationId).flatMap(op -> index.responsePointer(op, status));
    }

    /**
     * Where the schema of the operation's request body of this content type is, as a JSON pointer into
     * {@link #document()}; empty when the operation takes no such body.
     */
    public Optional<String> requestBodySchemaPointer(String operationId, String contentType) {
        OperationIndex.SchemaTarget target = index.requestBodySchema(operationId, contentType);
        return target.problems().isEmpty() ? target.pointer() : Optional.empty();
    }

    /**
     * Checks a request. For a {@link Target#route route}, the request line first: each path and query parameter
     * against its schema, required ones present, no undocumented query parameter; violations point at
     * {@code /path/NAME} or {@code /query/NAME}. Then the body, unless it is {@link Body#none()} (which checks the
     * request line alone): the operation must take the content type, and the body must satisfy its schema;
     * violations point into the body under {@code /body}.
     *
     * @param contentType the request's content type (ignored with {@link Body#none()})
     * @throws java.io.UncheckedIOException when a stream body cannot be read
     */
    public ValidationResult validateRequest(Target target, String contentType, Body body) {
        Optional<Operation> operation = find(target);
        if (operation.isEmpty()) {
            return unknown(target, "request");
        }
        String operationId = operation.get().operationId();
        List<Violation> violations = new ArrayList<>();
        if (target.isRoute()) {
            violations.addAll(requests.checkLine(operation.get(), target.pathAndQuery()));
        }
        if (!body.isNone()) {
            violations.addAll(checkBody(index.requestBodySchema(operationId, contentType), body, "/body"));
        }
        String subject = target.isRoute() ? spec.name() + " " + target
                : spec.name() + " " + operationId + " request" + (body.isNone() ? "" : " " + contentType);
        return new ValidationResult(subject, violations);
    }

    /**
     * Checks a value against any schema of the spec, named by its JSON pointer, for example
     * {@code /components/schemas/JobDetails}.
     *
     * @throws java.io.UncheckedIOException when a stream body cannot be read
     */
    public ValidationResult validateAgainst(String schemaPointer, Body body) {
        String subject = spec.location(String.valueOf(schemaPointer));
        if (schemaPointer == null || !schemaPointer.startsWith("/") || spec.at(schemaPointer).isMissingNode()) {
            return new ValidationResult(subject, List.of(new Violation("", subject, "schema",
                    "the spec has no schema at '" + schemaPointer + "'")));
        }
        return new ValidationResult(subject, bodies.check(schemaPointer, body));
    }

    /** The reference check of a response: parsed whole, the whole tree given to the full validator. */
    ValidationResult validateResponseWhole(String operationId, String status, String contentType, String body) {
        OperationIndex.SchemaTarget schema = index.responseSchema(operationId, status, contentType);
        String subject = spec.name() + " " + operationId + " " + status + " " + contentType;
        if (!schema.problems().isEmpty() || schema.pointer().isEmpty()) {
            return new ValidationResult(subject, schema.problems());
        }
        return new ValidationResult(subject, bodies.checkWhole(schema.pointer().get(), body));
    }

    private List<Violation> checkBody(OperationIndex.SchemaTarget schema, Body body, String at) {
        if (!schema.problems().isEmpty() || schema.pointer().isEmpty()) {
            return schema.problems();
        }
        return bodies.check(schema.pointer().get(), body).stream().map(v -> v.under(at)).toList();
    }

    private Optional<Operation> find(Target target) {
        return target.isRoute() ? index.find(target.method(), target.pathAndQuery())
                : index.byId(target.operationId().orElseThrow());
    }

    private ValidationResult unknown(Target target, String what) {
        Violation violation = target.isRoute()
                ? index.unknownOperation(target.method(), target.pathAndQuery())
                : index.unknownOperationId(target.operationId().orElseThrow());
        return new ValidationResult(spec.name() + " " + target + " " + what, List.of(violation));
    }
}
