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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one JSON value against one schema of a spec, named by its JSON pointer. The networknt validator (OpenAPI
 * 3.0 dialect, format assertions on) is the judge and writes every report; a {@link QuickCheck} compiled from the
 * same schema first clears the values it can tell are valid, so conforming values cost little more than reading
 * them. Schemas are compiled on first use and shared by all threads.
 */
final class SchemaChecker {

    /** Violations in document order: by pointer (array indices as numbers), then by rule. */
    static final Comparator<Violation> DOCUMENT_ORDER = SchemaChecker::comparePointers;

    private final SpecDocument spec;
    private final String documentIri;
    private final SchemaRegistry registry;
    private final QuickCheck quick;
    private final TokenCheck tokens;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    SchemaChecker(SpecDocument spec) {
        this.spec = spec;
        this.documentIri = "urn:jobs-openapi:spec:" + spec.name();
        String documentJson;
        try {
            documentJson = JsonMapper.builder().build().writeValueAsString(spec.root());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot re-encode the spec " + spec.name(), e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), builder -> builder
                .schemaRegistryConfig(config)
                .schemas(Map.of(documentIri, documentJson)));
        this.quick = new QuickCheck(spec, config.getRegularExpressionFactory());
        this.tokens = new TokenCheck(spec, quick);
    }

    /** The first pass over a body's text that proves a conforming body conforms without building trees. */
    TokenCheck tokens() {
        return tokens;
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
        if (quick.test(schemaPointer, value) == QuickCheck.Verdict.VALID) {
            return;
        }
        for (Violation violation : report(schemaPointer, value)) {
            into.add(at.isEmpty() ? violation : new Violation(at + violation.pointer(), violation.schemaLocation(),
                    violation.keyword(), violation.message()));
        }
    }

    /**
     * The violations of a tree built in memory against the body schema of a target, or why the target is not
     * documented: a tree nesting deeper than {@link JsonBody#MAX_NESTING_DEPTH} is one violation (text read by
     * {@link JsonBody} is within the limit already).
     */
    List<Violation> checkTree(OperationIndex.SchemaTarget target, JsonNode tree) {
        if (!target.problems().isEmpty() || target.pointer().isEmpty()) {
            return target.problems();
        }
        if (JsonBody.depth(tree) > JsonBody.MAX_NESTING_DEPTH) {
            return List.of(JsonBody.tooDeep());
        }
        List<Violation> found = new ArrayList<>();
        check(target.pointer().get(), tree, "", found);
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
        return new Violation(pointer, spec.location(error.getSchemaLocation().getFragment().toString()),
                error.getKeyword(), message);
    }

    private static int comparePointers(Violation a, Violation b) {
        String[] left = a.pointer().split("/", -1);
        String[] right = b.pointer().split("/", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int compare = compareSegments(left[i], right[i]);
            if (compare != 0) {
                return compare;
            }
        }
        int compare = Integer.compare(left.length, right.length);
        if (compare == 0) {
            compare = a.schemaLocation().compareTo(b.schemaLocation());
        }
        if (compare == 0) {
            compare = a.keyword().compareTo(b.keyword());
        }
        return compare == 0 ? a.message().compareTo(b.message()) : compare;
    }

    private static int compareSegments(String a, String b) {
        boolean numbers = !a.isEmpty() && !b.isEmpty() && a.length() <= 18 && b.length() <= 18
                && a.chars().allMatch(c -> c >= '0' && c <= '9') && b.chars().allMatch(c -> c >= '0' && c <= '9');
        return numbers ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    }
}
