package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    /** {@code toTheEnd}: a body in memory is read to its end after a problem, a stream (which may never end) is not. */
    private List<Violation> stream(String schemaPointer, Reader body, boolean toTheEnd) throws IOException {
        Plan plan = plans.computeIfAbsent(schemaPointer, this::plan);
        List<Violation> found = new ArrayList<>();
        Optional<Violation> problem = JsonBody.read(body, toTheEnd, parser -> readValue(parser, schemaPointer, plan, found));
        return problem.map(List::of).orElse(found);
    }

    private void readValue(JsonParser parser, String schemaPointer, Plan plan, List<Violation> into) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_ARRAY && plan.rootItems() != null) {
            readElements(parser, plan.rootItems(), "", into);
        } else if (token == JsonToken.START_OBJECT && !plan.propertyItems().isEmpty()) {
            ObjectNode envelope = JsonBody.TREES.createObjectNode();
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
                    readElements(parser, itemsPointer, "/" + SpecDocument.escape(name), into);
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

    private void readElements(JsonParser parser, String itemsPointer, String at, List<Violation> into) throws IOException {
        int position = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            schemas.check(itemsPointer, JsonBody.readValue(parser), at + "/" + position, into);
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
