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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Proves a conforming body conforms in one pass over its tokens, building no tree: a walker over the
 * {@link SchemaShapes} of the body's schema. Plain objects and arrays are followed token by token, keys twice in
 * one object are looked for as the keys go by, and every other value is read on its own and judged by its shape's
 * quick rule.
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

    /** Bodies shorter than this are not worth a first pass. */
    private static final int SHORTEST = 64;

    private final SchemaShapes shapes;
    private final Map<String, Reader> bySchemaPointer = new ConcurrentHashMap<>();

    TokenCheck(SchemaShapes shapes) {
        this.shapes = shapes;
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
                || (bytes[0] & 0xFF) == 0xEF || !Utf8Input.isUtf8(bytes)) {
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

    private Reader reader(String schemaPointer) {
        Reader reader = bySchemaPointer.get(schemaPointer);
        if (reader == null) {
            reader = compile(shapes.shape(schemaPointer));
            Reader earlier = bySchemaPointer.putIfAbsent(schemaPointer, reader);
            reader = earlier == null ? reader : earlier;
        }
        return reader;
    }

    /** A reader that compiles the schema at the pointer when first used: schemas may refer to themselves. */
    private Reader lazy(String schemaPointer) {
        Reader[] resolved = new Reader[1];
        return parser -> {
            if (resolved[0] == null) {
                resolved[0] = reader(schemaPointer);
            }
            return resolved[0].read(parser);
        };
    }

    private Reader compile(SchemaShapes.Shape shape) {
        if (shape instanceof SchemaShapes.PlainObject object) {
            return container(JsonToken.START_OBJECT, object.nullable(), object(object));
        }
        if (shape instanceof SchemaShapes.PlainArray array) {
            return container(JsonToken.START_ARRAY, array.nullable(), elements(lazy(array.items())));
        }
        if (shape instanceof SchemaShapes.Leaf leaf) {
            return parser -> leaf.rule().test(value(parser)) == QuickRule.Verdict.VALID;
        }
        return parser -> false; // opaque: only the full check can tell

    }

    private static Reader elements(Reader items) {
        return parser -> {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (!items.read(parser)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** A null where the schema is nullable, or the container whose contents {@code contents} reads. */
    private static Reader container(JsonToken start, boolean nullable, Reader contents) {
        return parser -> {
            JsonToken token = parser.currentToken();
            return token == JsonToken.VALUE_NULL ? nullable : token == start && contents.read(parser);
        };
    }

    /** The contents of an object (the parser stands on its start), read key by key. */
    private Reader object(SchemaShapes.PlainObject shape) {
        List<String> names = shape.names();
        Map<String, Integer> indexes = new HashMap<>();
        Reader[] properties = new Reader[names.size()];
        boolean[] requiredDeclared = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) {
            indexes.put(names.get(i), i);
            properties[i] = lazy(shape.properties().get(i));
            requiredDeclared[i] = shape.required().contains(names.get(i));
        }
        Set<String> requiredOthers = new HashSet<>(shape.required());
        requiredOthers.removeAll(names);
        boolean othersAllowed = shape.othersAllowed();
        Reader others = shape.others() == null ? null : lazy(shape.others());
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
}
