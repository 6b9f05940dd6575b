package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one JSON value against one schema of a spec, named by its JSON pointer. The networknt validator (OpenAPI
 * 3.0 dialect, format assertions on) is the judge and writes every report; the quick rule of the schema's
 * {@link SchemaShapes shape} first clears the values it can tell are valid, so conforming values cost little more than reading
 * them. Schemas are compiled on first use and shared by all threads.
 */
final class SchemaChecker {

    /** How the full validator is set up; the quick rules use its regular expressions. */
    static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();

    private final SpecDocument spec;
    private final String documentIri;
    private final SchemaRegistry registry;
    private final SchemaShapes shapes;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    SchemaChecker(SpecDocument spec, SchemaShapes shapes) {
        this.shapes = shapes;
        this.spec = spec;
        this.documentIri = "urn:jobs-openapi:spec:" + spec.name();
        String documentJson;
        try {
            documentJson = JsonMapper.builder().build().writeValueAsString(spec.root());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot re-encode the spec " + spec.name(), e);
        }
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), builder -> builder
                .schemaRegistryConfig(CONFIG)
                .schemas(Map.of(documentIri, documentJson)));
    }

    /** True when the spec has a schema at the pointer. */
    boolean hasSchema(String schemaPointer) {
        return schemaPointer != null && schemaPointer.startsWith("/") && !spec.at(schemaPointer).isMissingNode();
    }

    /**
     * Adds the violations of the value against the schema to {@code into}, each pointer prefixed with
     * {@code at} (the value's own pointer in the checked document). The pointer must name a schema.
     */
    void check(String schemaPointer, JsonNode value, String at, List<Violation> into) {
        if (shapes.test(schemaPointer, value) == QuickRule.Verdict.VALID) {
            return;
        }
        for (Violation violation : report(schemaPointer, value)) {
            into.add(violation.under(at));
        }
    }

    /**
     * The violations of a tree built in memory against the schema at the pointer: a tree nesting deeper than {@link JsonBody#MAX_NESTING_DEPTH} is one violation (text read by
     * {@link JsonBody} is within the limit already).
     */
    List<Violation> checkTree(String schemaPointer, JsonNode tree) {
        if (JsonBody.depth(tree) > JsonBody.MAX_NESTING_DEPTH) {
            return List.of(JsonBody.tooDeep());
        }
        List<Violation> found = new ArrayList<>();
        check(schemaPointer, tree, "", found);
        return found;
    }

    /** The violations the full validator reports, with no quick check before it (the reference). */
    List<Violation> report(String schemaPointer, JsonNode instance) {
        JsonNode value = instance == null ? MissingNode.getInstance() : instance;
        try {
            Schema schema = schemas.computeIfAbsent(schemaPointer,
                    pointer -> registry.getSchema(SchemaLocation.of(documentIri + "#" + pointer)));
            List<Violation> violations = new ArrayList<>();
            for (Error error : schema.validate(value)) {
                violations.add(toViolation(error));
            }
            return violations;
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(new Violation("", spec.location(schemaPointer), "checker",
                    "the checker could not evaluate this value against the schema: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))));
        }
    }

    private Violation toViolation(Error error) {
        String pointer = error.getInstanceLocation().toString();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            pointer = pointer + "/" + SpecDocument.escape(error.getProperty());
        }
        String message = error.getMessage();
        String prefix = error.getInstanceLocation() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        String rule = error.getSchemaLocation().getFragment().toString();
        return new Violation(pointer, spec.location(rule), error.getKeyword(), message + quirksOf(rule));
    }

    /**
     * Names the vendor quirks of the schema whose keyword failed, so that a value the vendor's prose allows but
     * the spec does not (a ModelArts time sent as a digit string) points at the quirk that explains why.
     */
    private String quirksOf(String rulePointer) {
        int slash = rulePointer.lastIndexOf('/');
        if (slash <= 0) {
            return "";
        }
        List<String> ids = new ArrayList<>();
        spec.at(rulePointer.substring(0, slash)).path(VendorQuirkCatalogue.EXTENSION)
                .forEach(quirk -> ids.add(quirk.path("id").asText()));
        ids.removeIf(String::isEmpty);
        return ids.isEmpty() ? "" : " (the vendor documents otherwise: see vendor quirk" + (ids.size() > 1 ? "s " : " ")
                + String.join(", ", ids) + " in " + spec.name() + ".yaml)";
    }
}
