package dev.jobsopenapi.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Values from a spec's schemas: conforming ones (smallest, largest or random within every keyword these specs use —
 * types, formats, patterns, enums and extensible enums, ranges, lengths, required and optional properties,
 * {@code additionalProperties}, {@code oneOf}, {@code nullable}), and for a conforming value, the ways to break
 * exactly one of its rules. Whether a value really conforms is not decided here: the fuzzer asks the contract.
 */
final class Values {

    /** Which conforming value: the boundary at either end, or one drawn at random. */
    enum Size { SMALLEST, LARGEST, RANDOM }

    /** Where a text value goes, which bounds the characters a conforming one is drawn from. */
    enum Place { BODY, PATH, QUERY, HEADER }

    /** One rule broken: the value at {@code pointer} replaced (or, with a null replacement, removed). */
    record Mutation(String pointer, String rule, JsonNode replacement) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The extension that marks a value a server keeps unique (a value in use is refused). */
    static final String UNIQUE = "x-unique";
    private static final int UNBOUNDED_LENGTH = 48;
    private static final int UNBOUNDED_ITEMS = 4;
    private static final String SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
    private static final String[] ODD = {" ", "\"", "\\", "/", "%", "&", "?", "#", "+", "=", "é", "中", "😀", "\t", "'", "<", "."};

    private final JsonNode document;
    private final Random random;
    private final Map<String, PatternStrings> patterns = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private long counter;

    Values(JsonNode document, Random random) {
        this.document = document;
        this.random = random;
    }

    /** The schema itself, or what its {@code $ref} (local, chained) names. */
    JsonNode resolve(JsonNode schema) {
        return resolve(document, schema);
    }

    /** The node itself, or what its {@code $ref} (local to the document, chained) names. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 32; hops++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** A value of the schema, for the body. */
    JsonNode conforming(JsonNode schema, Size size) {
        return conforming(schema, size, Place.BODY);
    }

    /** A value of the schema at a place, of the size asked. */
    JsonNode conforming(JsonNode schema, Size size, Place place) {
        JsonNode s = resolve(schema);
        if (s.has("oneOf") || s.has("anyOf")) {
            JsonNode branches = s.has("oneOf") ? s.get("oneOf") : s.get("anyOf");
            int pick = size == Size.SMALLEST ? 0 : size == Size.LARGEST ? branches.size() - 1 : random.nextInt(branches.size());
            return conforming(branches.get(pick), size, place);
        }
        if (s.path("nullable").asBoolean() && size == Size.RANDOM && random.nextInt(10) == 0) {
            return NODES.nullNode();
        }
        if (s.has("enum")) {
            JsonNode values = s.get("enum");
            return values.get(size == Size.SMALLEST ? 0 : size == Size.LARGEST ? values.size() - 1 : random.nextInt(values.size()));
        }
        switch (type(s)) {
            case "object":
                return object(s, size);
            case "array":
                return array(s, size, place);
            case "integer":
                return integer(s, size);
            case "number":
                return number(s, size);
            case "boolean":
                return NODES.booleanNode(size == Size.LARGEST || size == Size.RANDOM && random.nextBoolean());
            default:
                return NODES.textNode(string(s, size, place));
        }
    }

    /** The JSON type the schema names (or implies by its keywords). */
    static String type(JsonNode s) {
        if (s.has("type")) {
            return s.get("type").asText();
        }
        if (s.has("properties") || s.has("additionalProperties")) {
            return "object";
        }
        return s.has("items") ? "array" : "string";
    }

    private ObjectNode object(JsonNode s, Size size) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = new HashSet<>();
        s.path("required").forEach(name -> required.add(name.asText()));
        s.path("properties").fields().forEachRemaining(property -> {
            boolean include = required.contains(property.getKey()) || size == Size.LARGEST
                    || size == Size.RANDOM && random.nextBoolean();
            JsonNode p = resolve(property.getValue());
            if (include && !p.path("readOnly").asBoolean()) {
                object.set(property.getKey(), conforming(p, size));
            }
        });
        JsonNode additional = s.get("additionalProperties");
        if (additional != null && !additional.isBoolean() || additional != null && additional.asBoolean()) {
            int entries = size == Size.SMALLEST ? 0 : size == Size.LARGEST ? 3 : random.nextInt(4);
            JsonNode valueSchema = additional.isObject() ? additional : NODES.objectNode().put("type", "string");
            for (int i = 0; i < entries; i++) {
                object.set("k" + i + "_" + word(1 + random.nextInt(6)), conforming(valueSchema, size));
            }
        }
        return object;
    }

    private ArrayNode array(JsonNode s, Size size, Place place) {
        int min = s.path("minItems").asInt(0);
        int max = s.has("maxItems") ? s.get("maxItems").asInt() : min + UNBOUNDED_ITEMS;
        int count = size == Size.SMALLEST ? min : size == Size.LARGEST ? max : min + random.nextInt(Math.min(max, min + 3) - min + 1);
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add(conforming(s.path("items"), size == Size.LARGEST ? Size.RANDOM : size, place));
        }
        return array;
    }

    private JsonNode integer(JsonNode s, Size size) {
        BigInteger low = bound(s, "minimum", "exclusiveMinimum", true)
                .orElse(BigInteger.valueOf(s.path("format").asText().equals("int32") ? Integer.MIN_VALUE : -1_000_000));
        BigInteger high = bound(s, "maximum", "exclusiveMaximum", false)
                .orElse(BigInteger.valueOf(s.path("format").asText().equals("int32") ? Integer.MAX_VALUE : 1_000_000_000));
        if (size == Size.SMALLEST) {
            return NODES.numberNode(low);
        }
        if (size == Size.LARGEST) {
            return NODES.numberNode(high);
        }
        BigInteger span = high.subtract(low).add(BigInteger.ONE);
        BigInteger pick = new BigInteger(span.bitLength() + 8, random).mod(span);
        return NODES.numberNode(low.add(pick));
    }

    private Optional<BigInteger> bound(JsonNode s, String keyword, String exclusive, boolean lower) {
        if (!s.has(keyword)) {
            return Optional.empty();
        }
        BigInteger value = s.get(keyword).decimalValue().setScale(0, lower ? java.math.RoundingMode.CEILING
                : java.math.RoundingMode.FLOOR).toBigInteger();
        if (s.path(exclusive).asBoolean()) {
            value = lower ? value.add(BigInteger.ONE) : value.subtract(BigInteger.ONE);
        }
        return Optional.of(value);
    }

    private JsonNode number(JsonNode s, Size size) {
        BigDecimal low = s.has("minimum") ? s.get("minimum").decimalValue() : BigDecimal.valueOf(-1_000_000);
        BigDecimal high = s.has("maximum") ? s.get("maximum").decimalValue() : BigDecimal.valueOf(1_000_000);
        if (s.path("exclusiveMinimum").asBoolean()) {
            low = low.add(new BigDecimal("0.001"));
        }
        if (s.path("exclusiveMaximum").asBoolean()) {
            high = high.subtract(new BigDecimal("0.001"));
        }
        BigDecimal value = size == Size.SMALLEST ? low : size == Size.LARGEST ? high
                : low.add(high.subtract(low).multiply(BigDecimal.valueOf(random.nextInt(1000))).divide(BigDecimal.valueOf(1000)));
        return NODES.numberNode(value.stripTrailingZeros());
    }

    private String string(JsonNode s, Size size, Place place) {
        int min = s.path("minLength").asInt(0);
        int max = s.has("maxLength") ? s.get("maxLength").asInt() : min + UNBOUNDED_LENGTH;
        if (s.has("x-extensible-enum") && s.get("x-extensible-enum").size() > 0) {
            // Known values only: an extensible enum lets a server refuse a value it does not know.
            JsonNode known = s.get("x-extensible-enum");
            return known.get(size == Size.SMALLEST ? 0 : size == Size.LARGEST ? known.size() - 1 : random.nextInt(known.size())).asText();
        }
        boolean unique = s.path(UNIQUE).asBoolean();
        for (int attempt = 0; attempt < 32; attempt++) {
            Size drawn = attempt == 0 ? size : Size.RANDOM;
            String text = s.has("pattern") ? patterned(s.get("pattern").asText(), min, max, drawn)
                    : plain(min, max, drawn, place);
            if (text != null && (!unique || text.isEmpty() || used.add(text))) {
                return text;
            }
        }
        return unique ? uniqueFallback(min, max) : plain(min, max, size, place);
    }

    private String patterned(String pattern, int min, int max, Size size) {
        PatternStrings strings = patterns.computeIfAbsent(pattern, PatternStrings::new);
        return strings.matching(random, min, max, size == Size.SMALLEST).orElse(null);
    }

    private String uniqueFallback(int min, int max) {
        String text = "fz" + Long.toString(counter++, 36);
        return text.length() >= min && text.length() <= max ? text : null;
    }

    private String plain(int min, int max, Size size, Place place) {
        int length = size == Size.SMALLEST ? min : size == Size.LARGEST ? max : min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            boolean odd = (place == Place.BODY || place == Place.QUERY) && random.nextInt(8) == 0;
            text.append(odd ? ODD[random.nextInt(ODD.length)] : String.valueOf(SAFE.charAt(random.nextInt(SAFE.length()))));
        }
        // A code point drawn from ODD may be two chars: trim to the length in code points.
        String value = text.toString();
        int codePoints = value.codePointCount(0, value.length());
        return codePoints > length ? value.substring(0, value.offsetByCodePoints(0, length)) : value;
    }

    private String word(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /**
     * The ways to break exactly one rule of the schema in a conforming value: a required property left out, a
     * value of another type, a length, range or item count just past its bound, a pattern not matched, a value
     * outside an enum — at the value itself and, recursively, at every property and item it holds.
     */
    List<Mutation> mutations(JsonNode schema, JsonNode value, String pointer) {
        List<Mutation> out = new ArrayList<>();
        JsonNode s = resolve(schema);
        if (s.has("oneOf") || s.has("anyOf")) {
            out.add(new Mutation(pointer, "type", wrongType("oneOf")));
            return out;
        }
        String type = type(s);
        out.add(new Mutation(pointer, "type", wrongType(type)));
        if (s.has("enum")) {
            out.add(new Mutation(pointer, "enum", NODES.textNode("not-a-documented-value")));
        }
        switch (type) {
            case "object" -> {
                s.path("required").forEach(name -> {
                    if (value.has(name.asText())) {
                        out.add(new Mutation(pointer + "/" + name.asText(), "required", null));
                    }
                });
                s.path("properties").fields().forEachRemaining(property -> {
                    if (value.has(property.getKey())) {
                        out.addAll(mutations(property.getValue(), value.get(property.getKey()), pointer + "/" + property.getKey()));
                    }
                });
                JsonNode additional = s.get("additionalProperties");
                if (additional != null && additional.isObject()) {
                    value.fields().forEachRemaining(field -> {
                        if (!s.path("properties").has(field.getKey())) {
                            out.addAll(mutations(additional, field.getValue(), pointer + "/" + field.getKey()));
                        }
                    });
                }
            }
            case "array" -> {
                if (s.has("minItems") && s.get("minItems").asInt() > 0) {
                    out.add(new Mutation(pointer, "minItems", NODES.arrayNode()));
                }
                for (int i = 0; i < value.size() && i < 1; i++) {
                    out.addAll(mutations(s.path("items"), value.get(i), pointer + "/" + i));
                }
            }
            case "integer", "number" -> {
                if (s.has("minimum")) {
                    out.add(new Mutation(pointer, "minimum", NODES.numberNode(s.get("minimum").decimalValue().subtract(BigDecimal.ONE))));
                }
                if (s.has("maximum")) {
                    out.add(new Mutation(pointer, "maximum", NODES.numberNode(s.get("maximum").decimalValue().add(BigDecimal.ONE))));
                }
                if (type.equals("integer")) {
                    out.add(new Mutation(pointer, "type", NODES.numberNode(new BigDecimal("1.5"))));
                }
            }
            case "string" -> {
                int min = s.path("minLength").asInt(0);
                if (min > 0) {
                    out.add(new Mutation(pointer, "minLength", NODES.textNode("x".repeat(min - 1))));
                }
                if (s.has("maxLength")) {
                    out.add(new Mutation(pointer, "maxLength", NODES.textNode("x".repeat(s.get("maxLength").asInt() + 1))));
                }
                if (s.has("pattern")) {
                    patterns.computeIfAbsent(s.get("pattern").asText(), PatternStrings::new).notMatching(random)
                            .ifPresent(text -> out.add(new Mutation(pointer, "pattern", NODES.textNode(text))));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** A value of a type other than the one named. */
    private JsonNode wrongType(String type) {
        return switch (type) {
            case "string" -> NODES.numberNode(12345);
            case "integer", "number" -> NODES.textNode("not-a-number");
            case "boolean" -> NODES.textNode("maybe");
            case "array" -> NODES.objectNode().put("not", "an array");
            default -> NODES.arrayNode().add(1);
        };
    }
}
