package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.specs.BundledSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every single-field mutation of every documented example that the spec forbids is reported at the mutated
 * field: a value of another JSON type, a string that breaks its {@code pattern}, a value outside an
 * {@code enum} or a {@code minimum}/{@code maximum}, a required field dropped, a wrong value added to a map.
 * The mutations are derived from the schemas (nothing here lists fields), all of them are run, and the
 * mutation score is printed; it must be 100%.
 */
class SchemaMutationsAreReportedPropertyTest {

    private static final List<ApiContract> CONTRACTS = List.of(
            ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS), ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> OTHER_TYPES = List.of(NODES.textNode("mutant"), NODES.numberNode(7), NODES.numberNode(1.5),
            NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode());
    private static final List<String> PATTERN_BREAKERS = List.of("x", "", " ", "UPPER CASE!", "💥", "a/b", "x".repeat(70), "driver-1");
    static final List<Mutation> MUTATIONS = mutations();
    private static final AtomicInteger REPORTED = new AtomicInteger();

    /** One mutated example and the pointer its violation must name. */
    record Mutation(ApiContract contract, DocumentedExample example, String kind, String expectedPointer) {
        @Override
        public String toString() {
            return contract.name() + " " + example.operationId() + " " + example.status() + " " + example.name() + ": " + kind
                    + " at " + expectedPointer;
        }
    }

    @Provide
    Arbitrary<Mutation> everyMutation() {
        return Arbitraries.of(MUTATIONS);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void theMutationIsReportedAtItsPointer(@ForAll("everyMutation") Mutation mutation) {
        ValidationResult result = mutation.contract().validate(mutation.example());
        // A request's violations point into its body under /body (its parameters are under /path and /query).
        String expected = (mutation.example().isRequest() ? "/body" : "") + mutation.expectedPointer();
        assertTrue(result.violations().stream().anyMatch(v -> v.pointer().equals(expected)),
                () -> mutation + " -> " + result);
        REPORTED.incrementAndGet();
    }

    @AfterContainer
    static void printTheScore() {
        System.out.printf("schema mutations of the documented examples: %d of %d reported at their field (%.1f%%)%n",
                REPORTED.get(), MUTATIONS.size(), 100.0 * REPORTED.get() / MUTATIONS.size());
        assertEquals(MUTATIONS.size(), REPORTED.get(), "mutation score below 100%");
        assertTrue(MUTATIONS.size() > 1000, MUTATIONS.size() + " mutations");
    }

    private static List<Mutation> mutations() {
        List<Mutation> all = new ArrayList<>();
        for (ApiContract contract : CONTRACTS) {
            for (DocumentedExample example : contract.examples()) {
                JsonNode schema = contract.document().at(schemaPointer(contract, example));
                walk(contract, example, schema, example.value(), "", all);
            }
        }
        return all;
    }

    /** The schema the example documents: its operation's response (or request body) for its media type. */
    static String schemaPointer(ApiContract contract, DocumentedExample example) {
        String operation = contract.operation(example.operationId()).orElseThrow().pointer();
        String owner = example.isRequest() ? operation + "/requestBody" : operation + "/responses/" + example.status();
        JsonNode node = contract.document().at(owner);
        while (node.has("$ref")) {
            owner = node.get("$ref").asText().substring(1);
            node = contract.document().at(owner);
        }
        return owner + "/content/" + SpecDocument.escape(example.mediaType()) + "/schema";
    }

    /** The schema behind {@code $ref}s and single-entry {@code allOf} wrappers. */
    private static JsonNode resolve(ApiContract contract, JsonNode schema) {
        for (int hops = 0; hops < 16; hops++) {
            if (schema.has("$ref")) {
                schema = contract.document().at(schema.get("$ref").asText().substring(1));
            } else if (schema.has("allOf") && schema.get("allOf").size() == 1) {
                schema = schema.get("allOf").get(0);
            } else {
                return schema;
            }
        }
        throw new IllegalStateException("$ref cycle");
    }

    /** The JSON types a schema admits (integer counts as number too), or empty when it admits any. */
    private static Set<String> types(ApiContract contract, JsonNode schema) {
        Set<String> types = new HashSet<>();
        if (schema.has("oneOf") || schema.has("anyOf")) {
            for (JsonNode branch : schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")) {
                Set<String> branchTypes = types(contract, resolve(contract, branch));
                if (branchTypes.isEmpty()) {
                    return Set.of();
                }
                types.addAll(branchTypes);
            }
        } else if (schema.has("type")) {
            types.add(schema.get("type").asText());
        } else {
            return Set.of();
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return types;
    }

    private static boolean admits(Set<String> types, JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> types.contains("string");
            case NUMBER -> value.isIntegralNumber() ? types.contains("integer") || types.contains("number") : types.contains("number");
            case BOOLEAN -> types.contains("boolean");
            case NULL -> types.contains("null");
            case ARRAY -> types.contains("array");
            case OBJECT -> types.contains("object");
            default -> true;
        };
    }

    private static void walk(ApiContract contract, DocumentedExample example, JsonNode declared, JsonNode instance, String pointer,
                             List<Mutation> into) {
        JsonNode schema = resolve(contract, declared);
        Set<String> types = types(contract, schema);
        if (!types.isEmpty()) {
            for (JsonNode other : OTHER_TYPES) {
                if (!admits(types, other)) {
                    into.add(mutate(contract, example, pointer, other, "type " + other.getNodeType(), pointer));
                }
            }
        }
        if (schema.has("pattern") && instance.isTextual()) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            PATTERN_BREAKERS.stream().filter(s -> !pattern.matcher(s).find()).findFirst().ifPresent(breaker ->
                    into.add(mutate(contract, example, pointer, NODES.textNode(breaker), "pattern", pointer)));
        }
        if (schema.has("enum")) {
            into.add(mutate(contract, example, pointer, NODES.textNode("not-in-the-enum"), "enum", pointer));
        }
        if (schema.has("maximum") && instance.isNumber()) {
            BigDecimal above = schema.get("maximum").decimalValue().add(BigDecimal.ONE);
            into.add(mutate(contract, example, pointer, NODES.numberNode(above.toBigInteger()), "maximum", pointer));
        }
        if (schema.has("minimum") && instance.isNumber()) {
            BigDecimal below = schema.get("minimum").decimalValue().subtract(BigDecimal.ONE);
            into.add(mutate(contract, example, pointer, NODES.numberNode(below.toBigInteger()), "minimum", pointer));
        }
        if (instance.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (instance.has(required.asText())) {
                    into.add(mutate(contract, example, pointer + "/" + required.asText(), null, "required dropped",
                            pointer + "/" + required.asText()));
                }
            }
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isObject() && !types(contract, resolve(contract, additional)).isEmpty()) {
                Set<String> mapTypes = types(contract, resolve(contract, additional));
                JsonNode wrong = OTHER_TYPES.stream().filter(v -> !admits(mapTypes, v)).findFirst().orElseThrow();
                into.add(mutate(contract, example, pointer + "/mutant-key", wrong, "wrong map value", pointer + "/mutant-key"));
            }
            for (Map.Entry<String, JsonNode> field : iterable(instance)) {
                JsonNode property = schema.path("properties").get(field.getKey());
                JsonNode child = property != null ? property : additional.isObject() ? additional : null;
                if (child != null) {
                    walk(contract, example, child, field.getValue(), pointer + "/" + SpecDocument.escape(field.getKey()), into);
                }
            }
        } else if (instance.isArray() && schema.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                walk(contract, example, schema.get("items"), instance.get(i), pointer + "/" + i, into);
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        return fields;
    }

    /** The example with the value at the pointer replaced (or removed, for {@code null} replacement). */
    private static Mutation mutate(ApiContract contract, DocumentedExample example, String pointer, JsonNode replacement,
                                   String kind, String expected) {
        JsonNode copy = example.value().deepCopy();
        if (pointer.isEmpty()) {
            copy = replacement;
        } else {
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = copy.at(pointer.substring(0, slash));
            String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
            if (parent instanceof ObjectNode object) {
                if (replacement == null) {
                    object.remove(last);
                } else {
                    object.set(last, replacement);
                }
            } else if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(last), replacement);
            }
        }
        DocumentedExample mutated = new DocumentedExample(example.spec(), example.operationId(), example.method(), example.path(),
                example.status(), example.mediaType(), example.name(), example.pointer(), example.source(), copy);
        return new Mutation(contract, mutated, kind, expected);
    }

    @net.jqwik.api.Example
    void theMutationsCoverEveryKind() {
        Set<String> kinds = new LinkedHashSet<>();
        MUTATIONS.forEach(m -> kinds.add(m.kind().split(" ")[0]));
        assertEquals(Set.of("type", "pattern", "maximum", "minimum", "required", "wrong"), kinds);
    }
}
