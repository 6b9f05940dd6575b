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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Checks response bodies against the schema the spec documents for their operation, status and content type.
 *
 * <p>A body is read as a stream: a list's elements (a top-level array, or an array property of the top-level
 * object such as a page's {@code data}) are read and checked one at a time against the compiled item schema,
 * so memory holds one element, not the body. The violations and their pointers are exactly those of checking
 * the whole document at once.
 */
final class ResponseChecker {

    /** Keywords beside which an array or an envelope object can still be read element by element. */
    private static final Set<String> ARRAY_KEYWORDS = Set.of("type", "items", "nullable");
    private static final Set<String> OBJECT_KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
            "nullable");

    /** Which arrays of a body are read element by element, and the pointers of their item schemas. */
    private record Plan(String rootItems, Map<String, String> propertyItems) {
    }

    private final SpecDocument spec;
    private final OperationIndex index;
    private final SchemaChecker schemas;
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();

    ResponseChecker(SpecDocument spec, OperationIndex index, SchemaChecker schemas) {
        this.spec = spec;
        this.index = index;
        this.schemas = schemas;
    }

    String subject(String operationId, String status, String contentType) {
        return spec.name() + " " + operationId + " " + status + " " + contentType;
    }

    /**
     * Checks a body read from the characters; a body that is not one strict JSON document is one violation that
     * says why.
     *
     * @throws IOException when the source cannot be read (a body that is not UTF-8 is a violation instead)
     */
    ValidationResult check(String operationId, String status, String contentType, Reader body) throws IOException {
        return check(subject(operationId, status, contentType), index.responseSchema(operationId, status, contentType), body);
    }

    private ValidationResult check(String subject, OperationIndex.SchemaTarget target, Reader body) throws IOException {
        if (!target.problems().isEmpty() || target.pointer().isEmpty()) {
            return new ValidationResult(subject, target.problems());
        }
        String schemaPointer = target.pointer().get();
        Plan plan = plans.computeIfAbsent(schemaPointer, this::plan);
        List<Violation> found = new ArrayList<>();
        Optional<Violation> problem = JsonBody.read(body, parser -> readValue(parser, schemaPointer, plan, found));
        return new ValidationResult(subject, problem.map(List::of).orElse(found));
    }

    /**
     * Checks a body given whole as text: a first pass over its tokens clears a body with nothing to report; any
     * other body is checked as {@link #check(String, String, String, Reader)} checks it.
     */
    ValidationResult check(String operationId, String status, String contentType, String body) {
        return checkGivenWhole(operationId, status, contentType, schema -> schemas.tokens().clean(schema, body),
                new StringReader(body));
    }

    /** As {@link #check(String, String, String, String)}, for the bytes of a body (UTF-8). */
    ValidationResult check(String operationId, String status, String contentType, byte[] body) {
        return checkGivenWhole(operationId, status, contentType, schema -> schemas.tokens().clean(schema, body),
                new Utf8Input(new ByteArrayInputStream(body)));
    }

    /** A body held in memory: cleared by the first pass (given the schema's pointer), or read from {@code body}. */
    private ValidationResult checkGivenWhole(String operationId, String status, String contentType,
                                             Predicate<String> firstPass, Reader body) {
        String subject = subject(operationId, status, contentType);
        OperationIndex.SchemaTarget target = index.responseSchema(operationId, status, contentType);
        if (target.problems().isEmpty() && target.pointer().isPresent() && firstPass.test(target.pointer().get())) {
            return new ValidationResult(subject, List.of());
        }
        try {
            return check(subject, target, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // text and bytes in memory are read without failing
        }
    }

    /** Checks a parsed body. */
    ValidationResult check(String operationId, String status, String contentType, JsonNode body) {
        return new ValidationResult(subject(operationId, status, contentType),
                schemas.checkTree(index.responseSchema(operationId, status, contentType), body));
    }

    /**
     * The reference: the body parsed whole and the whole tree given to the full validator, no quick check and
     * no streaming. Results must equal {@link #check(String, String, String, Reader)}'s.
     */
    ValidationResult checkWhole(String operationId, String status, String contentType, String body) {
        String subject = subject(operationId, status, contentType);
        OperationIndex.SchemaTarget target = index.responseSchema(operationId, status, contentType);
        if (!target.problems().isEmpty() || target.pointer().isEmpty()) {
            return new ValidationResult(subject, target.problems());
        }
        JsonBody.Parsed parsed = JsonBody.parse(body);
        if (parsed.problem().isPresent()) {
            return new ValidationResult(subject, List.of(parsed.problem().get()));
        }
        return new ValidationResult(subject, schemas.report(target.pointer().get(), parsed.node().orElseThrow()));
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
        String resolved = spec.resolve(schemaPointer);
        JsonNode schema = spec.at(resolved);
        if (plain(schema, "array", ARRAY_KEYWORDS) && schema.path("items").isObject()) {
            return new Plan(resolved + "/items", Map.of());
        }
        Map<String, String> propertyItems = new HashMap<>();
        if (plain(schema, "object", OBJECT_KEYWORDS) && schema.path("properties").isObject()) {
            for (Map.Entry<String, JsonNode> property : SpecDocument.entries(schema.get("properties"))) {
                String propertyPointer = spec.resolve(resolved + "/properties/" + SpecDocument.escape(property.getKey()));
                JsonNode propertySchema = spec.at(propertyPointer);
                if (plain(propertySchema, "array", ARRAY_KEYWORDS) && propertySchema.path("items").isObject()) {
                    propertyItems.put(property.getKey(), propertyPointer + "/items");
                }
            }
        }
        return new Plan(null, Map.copyOf(propertyItems));
    }

    private static boolean plain(JsonNode schema, String type, Set<String> keywords) {
        if (!schema.isObject() || !type.equals(schema.path("type").asText())) {
            return false;
        }
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!keywords.contains(key) && !QuickCheck.ANNOTATIONS.contains(key) && !key.startsWith("x-")) {
                return false;
            }
        }
        return true;
    }
}
