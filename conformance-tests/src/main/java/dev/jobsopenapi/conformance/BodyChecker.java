package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a body, request or response, against one schema, in any of its {@link Body} forms.
 *
 * <p>A body held whole (text, bytes) first gets the {@link TokenCheck}, which clears a body with nothing to report
 * without building trees. Otherwise the body is read as a stream: the elements of the arrays its schema's
 * {@link SchemaShapes shape} says can be read one by one (a top-level array, or an array property of a top-level
 * object such as a page's {@code data}) are checked one at a time, so memory holds one element, not the body. The
 * violations and their pointers are exactly those of checking the whole document at once.
 */
final class BodyChecker {

    /** Which arrays of a body are read element by element, and the pointers of their item schemas. */
    private record Plan(String rootItems, Map<String, String> propertyItems) {
    }

    private static final com.fasterxml.jackson.databind.node.JsonNodeFactory NODES = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

    private final SchemaShapes shapes;
    private final SchemaChecker schemas;
    private final TokenCheck tokens;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    BodyChecker(SchemaShapes shapes, SchemaChecker schemas) {
        this.shapes = shapes;
        this.schemas = schemas;
        this.tokens = new TokenCheck(shapes);
    }

    /**
     * The violations of the body against the schema at the pointer; a body that is not one strict JSON document is
     * one violation that says why, and {@link Body#none()} is an empty body.
     *
     * @throws UncheckedIOException when a stream body cannot be read (bytes that are not UTF-8 are a violation)
     */
    List<Violation> check(String schemaPointer, Body body) {
        try {
            return switch (body.form()) {
                case NONE -> stream(schemaPointer, new StringReader(""), true);
                case TEXT -> tokens.clean(schemaPointer, body.text()) ? List.of()
                        : stream(schemaPointer, new StringReader(body.text()), true);
                case BYTES -> tokens.clean(schemaPointer, body.bytes()) ? List.of()
                        : stream(schemaPointer, new Utf8Input(new ByteArrayInputStream(body.bytes())), true);
                case STREAM -> stream(schemaPointer, new Utf8Input(body.stream()), false);
                case TREE -> schemas.checkTree(schemaPointer, body.tree());
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the body: " + e.getMessage(), e);
        }
    }

    /**
     * The reference: the text parsed whole and the whole tree given to the full validator, no quick rule and no
     * streaming. Its results must equal {@link #check(String, Body)}'s.
     */
    List<Violation> checkWhole(String schemaPointer, String text) {
        JsonBody.Parsed parsed = JsonBody.parse(text);
        return parsed.problem().map(List::of).orElseGet(() -> schemas.report(schemaPointer, parsed.node().orElseThrow()));
    }

    /**
     * {@code toTheEnd}: a body in memory is read to its end and every violation reported; a stream (which may never
     * end) is read only up to its first proven violation: a top-level value of the wrong type at its first token, or
     * the first complete element of a list that does not conform.
     */
    private List<Violation> stream(String schemaPointer, Reader body, boolean toTheEnd) throws IOException {
        Plan plan = plans.computeIfAbsent(schemaPointer, this::plan);
        List<Violation> found = new ArrayList<>();
        try {
            Optional<Violation> problem = JsonBody.read(body, toTheEnd,
                    parser -> readValue(parser, schemaPointer, plan, found, !toTheEnd));
            return problem.map(List::of).orElse(found);
        } catch (JsonBody.StopReading stop) {
            return found;
        }
    }

    /**
     * Adds the violation of a top-level value's JSON type, known at its first token, and stops; else does nothing. Only
     * for a plain object or array schema, whose type is judged by the JSON type alone (no combinator could accept a
     * value the placeholder of the same type fails).
     */
    private void stopOnWrongType(JsonToken first, String schemaPointer, List<Violation> into) {
        SchemaShapes.Shape shape = shapes.shape(schemaPointer);
        if (!(shape instanceof SchemaShapes.PlainObject) && !(shape instanceof SchemaShapes.PlainArray)) {
            return;
        }
        JsonNode placeholder = switch (first) {
            case START_OBJECT -> NODES.objectNode();
            case START_ARRAY -> NODES.arrayNode();
            case VALUE_STRING -> NODES.textNode("");
            case VALUE_NUMBER_INT -> NODES.numberNode(0);
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(0.5);
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(true);
            default -> NODES.nullNode();
        };
        List<Violation> seen = new ArrayList<>();
        schemas.check(schemaPointer, placeholder, "", seen);
        List<Violation> typeOnly = seen.stream().filter(v -> v.pointer().isEmpty() && v.keyword().equals("type")).toList();
        if (!typeOnly.isEmpty()) {
            into.addAll(typeOnly);
            throw new JsonBody.StopReading();
        }
    }

    private void readValue(JsonParser parser, String schemaPointer, Plan plan, List<Violation> into, boolean firstOnly)
            throws IOException {
        JsonToken token = parser.currentToken();
        if (firstOnly) {
            stopOnWrongType(token, schemaPointer, into);
        }
        if (token == JsonToken.START_ARRAY && plan.rootItems() != null) {
            readElements(parser, plan.rootItems(), "", into, firstOnly);
        } else if (token == JsonToken.START_OBJECT && !plan.propertyItems().isEmpty()) {
            ObjectNode envelope = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                boolean seen = envelope.has(name);
                JsonToken valueToken = parser.nextToken();
                if (seen && valueToken.isStructStart()) {
                    throw JsonBody.duplicateKey(parser, name); // the tree builder finds it as the container starts
                }
                String itemsPointer = plan.propertyItems().get(name);
                if (itemsPointer != null && valueToken == JsonToken.START_ARRAY) {
                    // The array's own schema is plain (type and items only): an empty one stands in for it.
                    envelope.set(name, envelope.arrayNode());
                    readElements(parser, itemsPointer, "/" + SpecDocument.escape(name), into, firstOnly);
                } else {
                    envelope.set(name, JsonBody.readValue(parser));
                }
                if (seen) {
                    throw JsonBody.duplicateKey(parser, name); // and a scalar's once it is read
                }
            }
            schemas.check(schemaPointer, envelope, "", into);
        } else {
            schemas.check(schemaPointer, JsonBody.readValue(parser), "", into);
        }
    }

    private void readElements(JsonParser parser, String itemsPointer, String at, List<Violation> into, boolean firstOnly)
            throws IOException {
        int position = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int before = into.size();
            schemas.check(itemsPointer, JsonBody.readValue(parser), at + "/" + position, into);
            if (firstOnly && into.size() > before) {
                throw new JsonBody.StopReading();
            }
            position++;
        }
    }

    /** Which arrays of bodies of this schema can be read element by element without changing any result. */
    private Plan plan(String schemaPointer) {
        SchemaShapes.Shape shape = shapes.shape(schemaPointer);
        if (shape instanceof SchemaShapes.PlainArray array) {
            return new Plan(array.items(), Map.of());
        }
        Map<String, String> propertyItems = new HashMap<>();
        if (shape instanceof SchemaShapes.PlainObject object) {
            for (int i = 0; i < object.names().size(); i++) {
                if (shapes.shape(object.properties().get(i)) instanceof SchemaShapes.PlainArray array) {
                    propertyItems.put(object.names().get(i), array.items());
                }
            }
        }
        return new Plan(null, Map.copyOf(propertyItems));
    }
}
