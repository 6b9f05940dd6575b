package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Proves a conforming body conforms in one pass over its tokens, building no tree: objects and arrays of plain
 * schemas ({@code type}, {@code properties}, {@code required}, {@code additionalProperties}, {@code items}, reached
 * through {@code $ref} or a one-schema {@code allOf}) are followed token by token, keys twice in one object are
 * looked for as the keys go by, and every other value (scalars, and values of any other schema) is read on its
 * own and judged by the {@link QuickCheck}.
 *
 * <p>It answers only "clean" or "cannot tell": a body it calls clean is one the full check finds nothing wrong
 * with (a single strict JSON document, no key twice in one object, every value valid). On anything else — a
 * parse problem, a duplicate key, a value the quick check does not clear — it stops, and the caller checks the
 * body the full way, which finds and reports the problem. So it decides no report; it only saves the time of
 * building trees for bodies that have nothing to report.
 */
final class TokenCheck {

    /** Reads one value (the parser stands on its first token) to its last token; false: cannot tell, stop. */
    @FunctionalInterface
    private interface Reader {
        boolean read(JsonParser parser) throws IOException;
    }

    /** Keywords an object or array schema may have to be followed token by token. */
    private static final Set<String> OBJECT_KEYWORDS = Set.of("type", "nullable", "properties", "required",
            "additionalProperties");
    private static final Set<String> ARRAY_KEYWORDS = Set.of("type", "nullable", "items");
    /** Bodies shorter than this are not worth a first pass. */
    private static final int SHORTEST = 64;

    private final SpecDocument spec;
    private final QuickCheck quick;
    private final Map<String, Reader> bySchemaPointer = new ConcurrentHashMap<>();

    TokenCheck(SpecDocument spec, QuickCheck quick) {
        this.spec = spec;
        this.quick = quick;
    }

    /** True only when the text is a body the full check of the schema at the pointer finds nothing wrong with. */
    boolean clean(String schemaPointer, String text) {
        if (text.length() < SHORTEST || text.charAt(0) == '\uFEFF') {
            return false;
        }
        try (JsonParser parser = JsonBody.TREES.createParser(text)) {
            return readDocument(schemaPointer, parser);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    /**
     * As {@link #clean(String, String)}, for the bytes of a body: true only when they are UTF-8 throughout (checked
     * first, without decoding them into memory) and the text they hold is clean.
     */
    boolean clean(String schemaPointer, byte[] bytes) {
        // The parser guesses UTF-16 and UTF-32 from zero bytes at the start, and skips a byte-order mark; the
        // full check reads UTF-8 only and reports a mark: leave such bodies to it.
        if (bytes.length < SHORTEST || bytes[0] == 0 || bytes[1] == 0 || bytes[2] == 0 || bytes[3] == 0
                || (bytes[0] & 0xFF) == 0xEF || !utf8(bytes)) {
            return false;
        }
        try (JsonParser parser = JsonBody.TREES.createParser(bytes)) {
            return readDocument(schemaPointer, parser);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    private boolean readDocument(String schemaPointer, JsonParser parser) throws IOException {
        return parser.nextToken() != null && reader(schemaPointer).read(parser) && parser.nextToken() == null;
    }

    private static boolean utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            out.clear();
            if (result.isUnderflow()) {
                result = decoder.flush(out);
                return !result.isError();
            }
        }
    }

    private Reader reader(String schemaPointer) {
        Reader reader = bySchemaPointer.get(schemaPointer);
        if (reader == null) {
            reader = compile(schemaPointer);
            Reader earlier = bySchemaPointer.putIfAbsent(schemaPointer, reader);
            reader = earlier == null ? reader : earlier;
        }
        return reader;
    }

    private Reader compile(String pointer) {
        JsonNode schema = spec.at(pointer);
        Set<String> keywords = keywords(schema);
        JsonNode ref = schema.get("$ref");
        if (keywords.equals(Set.of("$ref")) && ref.isTextual() && ref.textValue().startsWith("#/")) {
            String target = ref.textValue().substring(1);
            Reader[] resolved = new Reader[1]; // resolved on first use: schemas may refer to themselves
            return parser -> {
                if (resolved[0] == null) {
                    resolved[0] = reader(target);
                }
                return resolved[0].read(parser);
            };
        }
        if (keywords.equals(Set.of("allOf")) && schema.get("allOf").isArray() && schema.get("allOf").size() == 1) {
            return reader(pointer + "/allOf/0"); // one schema, with a description of its own beside it
        }
        boolean nullable = schema.path("nullable").booleanValue();
        String type = schema.has("nullable") && !schema.get("nullable").isBoolean() ? "" : schema.path("type").asText("");
        if (type.equals("object") && OBJECT_KEYWORDS.containsAll(keywords) && plainObject(schema)) {
            return container(JsonToken.START_OBJECT, nullable, object(pointer, schema));
        }
        if (type.equals("array") && ARRAY_KEYWORDS.containsAll(keywords) && schema.path("items").isObject()) {
            Reader items = reader(pointer + "/items");
            return container(JsonToken.START_ARRAY, nullable, parser -> {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (!items.read(parser)) {
                        return false;
                    }
                }
                return true;
            });
        }
        QuickCheck.Rule rule = quick.rule(pointer);
        return parser -> rule.test(value(parser)) == QuickCheck.Verdict.VALID;
    }

    /** A null where the schema is nullable, or the container whose contents {@code contents} reads. */
    private static Reader container(JsonToken start, boolean nullable, Reader contents) {
        return parser -> {
            JsonToken token = parser.currentToken();
            return token == JsonToken.VALUE_NULL ? nullable : token == start && contents.read(parser);
        };
    }

    /** The contents of an object (the parser stands on its start), read key by key. */
    private Reader object(String pointer, JsonNode schema) {
        List<String> names = schema.has("properties") ? SpecDocument.fieldNames(schema.get("properties")) : List.of();
        Map<String, Integer> indexes = new HashMap<>();
        Reader[] properties = new Reader[names.size()];
        for (int i = 0; i < names.size(); i++) {
            indexes.put(names.get(i), i);
            properties[i] = reader(pointer + "/properties/" + SpecDocument.escape(names.get(i)));
        }
        boolean[] requiredDeclared = new boolean[names.size()];
        Set<String> requiredOthers = new HashSet<>();
        for (JsonNode name : schema.path("required")) {
            Integer index = indexes.get(name.asText());
            if (index == null) {
                requiredOthers.add(name.asText());
            } else {
                requiredDeclared[index] = true;
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        boolean othersAllowed = additional == null || !additional.isBoolean() || additional.booleanValue();
        Reader others = additional != null && additional.isObject() ? reader(pointer + "/additionalProperties") : null;
        String[] declared = names.toArray(new String[0]);
        return parser -> {
            boolean[] seen = new boolean[properties.length];
            Set<String> seenOthers = null;
            int next = 0; // servers write an object's keys in one order, mostly the spec's: try the next one first
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                parser.nextToken();
                Integer index = next < declared.length && declared[next].equals(name) ? Integer.valueOf(next) : indexes.get(name);
                if (index != null) {
                    if (seen[index] || !properties[index].read(parser)) {
                        return false;
                    }
                    seen[index] = true;
                    next = index + 1;
                    continue;
                }
                if (!othersAllowed) {
                    return false;
                }
                if (seenOthers == null) {
                    seenOthers = new HashSet<>();
                }
                if (!seenOthers.add(name) || !(others == null ? value(parser) != null : others.read(parser))) {
                    return false;
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                return false;
            }
            for (int i = 0; i < requiredDeclared.length; i++) {
                if (requiredDeclared[i] && !seen[i]) {
                    return false;
                }
            }
            return requiredOthers.isEmpty() || (seenOthers != null && seenOthers.containsAll(requiredOthers));
        };
    }

    /** Properties an object, required names all text, additional properties a boolean or a schema (where present). */
    private static boolean plainObject(JsonNode schema) {
        JsonNode properties = schema.get("properties");
        JsonNode required = schema.get("required");
        JsonNode additional = schema.get("additionalProperties");
        if ((properties != null && !properties.isObject()) || (required != null && !required.isArray())
                || (additional != null && !additional.isBoolean() && !additional.isObject())) {
            return false;
        }
        if (required != null) {
            for (JsonNode name : required) {
                if (!name.isTextual()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The value the parser stands on, read as the full check's tree builder reads it (keys twice fail there). */
    private static JsonNode value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> IntNode.valueOf(parser.getIntValue());
                case LONG -> LongNode.valueOf(parser.getLongValue());
                default -> JsonBody.readValue(parser);
            };
            default -> JsonBody.readValue(parser);
        };
    }

    private static Set<String> keywords(JsonNode schema) {
        Set<String> keywords = new HashSet<>();
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.startsWith("x-") && !QuickCheck.ANNOTATIONS.contains(key)) {
                keywords.add(key);
            }
        }
        return keywords;
    }
}
