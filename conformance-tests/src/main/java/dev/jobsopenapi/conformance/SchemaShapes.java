package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that reads the specs' schemas: each schema, named by its JSON pointer, is compiled once into a
 * {@link Shape}. Only here is it known which keys are annotations, that {@code x-} keys assert nothing, what
 * {@code nullable} does, and that a local {@code $ref} or a one-schema {@code allOf} with nothing but annotations
 * beside it stands for its target. The fast paths ask for shapes; none of them looks at a schema's keys.
 *
 * <p>A schema whose keywords {@link QuickCheck} has no rule for is {@link Opaque}: every value of it goes to the
 * full validator, so adding an unknown keyword to a spec costs speed, never correctness.
 */
final class SchemaShapes {

    /** Keywords that assert nothing in the OpenAPI 3.0 dialect. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "example", "default", "deprecated",
            "externalDocs");
    /** Keywords beside which an object can be read key by key, and an envelope checked without its arrays. */
    private static final Set<String> OBJECT_KEYWORDS = Set.of("type", "nullable", "properties", "required",
            "additionalProperties");
    /** Keywords beside which an array can be read element by element. */
    private static final Set<String> ARRAY_KEYWORDS = Set.of("type", "nullable", "items");
    /** How many {@code $ref}s and one-schema {@code allOf}s are followed before a chain is taken for a cycle. */
    private static final int MAX_HOPS = 64;

    /** What the fast paths may do with values of one schema. */
    sealed interface Shape permits PlainObject, PlainArray, Leaf, Opaque {
        /** The pointer of the schema itself, once references are followed. */
        String pointer();

        /** The quick verdict on a whole value of this schema. */
        QuickRule rule();
    }

    /**
     * An object with only {@code type: object}, {@code nullable}, {@code properties}, {@code required} and
     * {@code additionalProperties}: readable key by key.
     *
     * @param names       the declared properties, in document order
     * @param properties  the schema pointer of each declared property, in the same order
     * @param required    the required names
     * @param othersAllowed whether keys not declared are allowed
     * @param others      the schema pointer of keys not declared, or {@code null} when any value goes
     */
    record PlainObject(String pointer, boolean nullable, List<String> names, List<String> properties, Set<String> required,
                       boolean othersAllowed, String others, QuickRule rule) implements Shape {
    }

    /** An array with only {@code type: array}, {@code nullable} and an {@code items} schema: readable element by element. */
    record PlainArray(String pointer, boolean nullable, String items, QuickRule rule) implements Shape {
    }

    /** Any other schema whose every keyword has a quick rule: a value is judged whole. */
    record Leaf(String pointer, QuickRule rule) implements Shape {
    }

    /** A schema with a keyword the quick rules do not know: only the full validator judges it. */
    record Opaque(String pointer) implements Shape {
        @Override
        public QuickRule rule() {
            return QuickRule.UNSURE;
        }
    }

    private final SpecDocument spec;
    private final QuickCheck quick;
    private final Map<String, Shape> byPointer = new ConcurrentHashMap<>();

    SchemaShapes(SpecDocument spec, QuickCheck quick) {
        this.spec = spec;
        this.quick = quick;
    }

    /** The shape of the schema at the pointer, compiled on first use. */
    Shape shape(String pointer) {
        Shape shape = byPointer.get(pointer);
        if (shape == null) {
            shape = compile(pointer);
            Shape earlier = byPointer.putIfAbsent(pointer, shape);
            shape = earlier == null ? shape : earlier;
        }
        return shape;
    }

    /** The quick verdict on the value against the schema at the pointer. */
    QuickRule.Verdict test(String pointer, JsonNode value) {
        return value == null || value.isMissingNode() ? QuickRule.Verdict.UNSURE : shape(pointer).rule().test(value);
    }

    /** The {@code type} of the schema at the pointer, references followed; empty when it names none. */
    String type(String pointer) {
        return spec.at(target(pointer)).path("type").asText("");
    }

    /** A rule that compiles the schema at the pointer when first asked: schemas may refer to themselves. */
    QuickRule lazyRule(String pointer) {
        QuickRule[] resolved = new QuickRule[1];
        return value -> {
            QuickRule rule = resolved[0];
            if (rule == null) {
                rule = shape(pointer).rule();
                resolved[0] = rule;
            }
            return rule.test(value);
        };
    }

    private Shape compile(String pointer) {
        String at = target(pointer);
        if (at == null) {
            return new Opaque(pointer); // a cycle of references, left to the full validator
        }
        if (!at.equals(pointer)) {
            return shape(at);
        }
        JsonNode schema = spec.at(at);
        Set<String> keywords = assertions(schema);
        JsonNode nullable = schema.get("nullable");
        if (!schema.isObject() || (nullable != null && !nullable.isBoolean()) || keywords.contains("$ref")) {
            return new Opaque(at);
        }
        List<QuickRule> rules = new ArrayList<>();
        for (String keyword : keywords) {
            QuickRule rule = quick.compile(keyword, schema, at, this::lazyRule);
            if (rule == null) {
                return new Opaque(at);
            }
            rules.add(rule);
        }
        QuickRule rule = QuickRule.all(rules);
        boolean isNullable = nullable != null && nullable.booleanValue();
        String type = schema.path("type").asText("");
        if (type.equals("object") && OBJECT_KEYWORDS.containsAll(keywords)) {
            return plainObject(at, schema, isNullable, rule);
        }
        if (type.equals("array") && ARRAY_KEYWORDS.containsAll(keywords) && schema.path("items").isObject()) {
            return new PlainArray(at, isNullable, at + "/items", rule);
        }
        return new Leaf(at, rule);
    }

    /** {@code rule} is known to be compiled, so the keywords' arguments are well formed. */
    private static PlainObject plainObject(String at, JsonNode schema, boolean nullable, QuickRule rule) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            properties.put(name, at + "/properties/" + SpecDocument.escape(name));
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.textValue()));
        JsonNode additional = schema.get("additionalProperties");
        boolean othersAllowed = additional == null || !additional.isBoolean() || additional.booleanValue();
        String others = additional != null && additional.isObject() ? at + "/additionalProperties" : null;
        return new PlainObject(at, nullable, List.copyOf(properties.keySet()), List.copyOf(properties.values()),
                Set.copyOf(required), othersAllowed, others, rule);
    }

    /**
     * The pointer of the schema that the one at {@code pointer} stands for: a local {@code $ref}, or a one-schema
     * {@code allOf}, with only annotations beside it, is followed; {@code null} for a cycle.
     */
    private String target(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < MAX_HOPS; hops++) {
            JsonNode schema = spec.at(current);
            Set<String> keywords = assertions(schema);
            JsonNode ref = schema.get("$ref");
            JsonNode allOf = schema.get("allOf");
            if (keywords.equals(Set.of("$ref")) && ref.isTextual() && ref.textValue().startsWith("#/")) {
                current = ref.textValue().substring(1);
            } else if (keywords.equals(Set.of("allOf")) && allOf.isArray() && allOf.size() == 1) {
                current = current + "/allOf/0";
            } else {
                return current;
            }
        }
        return null;
    }

    /** The keys of a schema that may assert something: not annotations, not extensions. */
    private static Set<String> assertions(JsonNode schema) {
        Set<String> keywords = new LinkedHashSet<>();
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.startsWith("x-") && !ANNOTATIONS.contains(key)) {
                keywords.add(key);
            }
        }
        return keywords;
    }
}
