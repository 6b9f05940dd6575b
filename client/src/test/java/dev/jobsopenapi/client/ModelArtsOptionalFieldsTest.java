package dev.jobsopenapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.modelarts.client.model.DevServerJobDetails;
import dev.jobsopenapi.modelarts.client.model.DevServerJobPage;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No source says what ModelArts sends for an optional field it has no value for, so the generated client
 * accepts both forms: for every optional property of every model, in every place the documented examples
 * use that model, the body with the field left out and the body with the field {@code null} are read, and
 * the field comes back empty. The spec says which properties are optional; nothing here lists them.
 */
class ModelArtsOptionalFieldsTest {

    private static final ApiContract CONTRACT = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ObjectMapper CLIENT_JSON = new dev.jobsopenapi.modelarts.client.ApiClient().getObjectMapper();
    private static final Map<String, Class<?>> MODEL_OF_OPERATION = Map.of(
            "listDevServerJobs", DevServerJobPage.class,
            "showDevServerJob", DevServerJobDetails.class);

    /** An optional property of a model, at one place in one example. */
    private record Place(DocumentedExample example, String objectPointer, String schema, String property) {
        @Override
        public String toString() {
            return schema + "." + property + " at " + example.operationId() + " " + objectPointer;
        }
    }

    private static List<Place> places() {
        List<Place> places = new ArrayList<>();
        for (DocumentedExample example : CONTRACT.examples()) {
            if (example.status().equals("200") && MODEL_OF_OPERATION.containsKey(example.operationId())) {
                String schemaPointer = CONTRACT.operation(example.operationId()).orElseThrow().pointer()
                        + "/responses/200/content/application~1json/schema";
                walk(example, CONTRACT.document().at(schemaPointer), example.value(), "", places);
            }
        }
        return places;
    }

    /** Follows the schema through {@code $ref}, single-{@code allOf} wrappers, objects and arrays. */
    private static void walk(DocumentedExample example, JsonNode schema, JsonNode instance, String pointer, List<Place> into) {
        String name = null;
        while (true) {
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asText();
                name = ref.substring(ref.lastIndexOf('/') + 1);
                schema = CONTRACT.document().at(ref.substring(1));
            } else if (schema.has("allOf") && schema.get("allOf").size() == 1) {
                schema = schema.get("allOf").get(0);
            } else {
                break;
            }
        }
        if (instance.isArray() && schema.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                walk(example, schema.get("items"), instance.get(i), pointer + "/" + i, into);
            }
        } else if (instance.isObject() && schema.has("properties")) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            String schemaName = name;
            schema.get("properties").fields().forEachRemaining(property -> {
                if (!required.contains(property.getKey())) {
                    into.add(new Place(example, pointer, schemaName, property.getKey()));
                }
                if (instance.has(property.getKey())) {
                    walk(example, property.getValue(), instance.get(property.getKey()), pointer + "/" + property.getKey(), into);
                }
            });
        }
    }

    @Test
    void everyModelWithOptionalFieldsIsCovered() {
        Set<String> covered = new HashSet<>();
        places().forEach(place -> covered.add(place.schema()));
        assertEquals(Set.of("DevServerJobPage", "DevServerJobListResponse", "DevServerJobDetails", "DevServerJobItem", "DevServerTaskResponse"), covered);
        assertTrue(places().size() >= 30, () -> places().size() + " places");
    }

    @TestFactory
    Stream<DynamicTest> everyOptionalFieldMayBeAbsentOrNull() {
        return places().stream().flatMap(place -> Stream.of(
                DynamicTest.dynamicTest(place + " absent", () -> readWith(place, false)),
                DynamicTest.dynamicTest(place + " null", () -> readWith(place, true))));
    }

    private static void readWith(Place place, boolean asNull) throws Exception {
        JsonNode body = place.example().value().deepCopy();
        ObjectNode owner = (ObjectNode) body.at(place.objectPointer());
        if (asNull) {
            owner.putNull(place.property());
        } else {
            owner.remove(place.property());
        }
        Object model = CLIENT_JSON.readValue(body.toString(), MODEL_OF_OPERATION.get(place.example().operationId()));
        JsonNode written = CLIENT_JSON.readTree(CLIENT_JSON.writeValueAsString(model));
        assertTrue(written.at(place.objectPointer() + "/" + place.property()).isMissingNode(), written::toString);
        JsonNode untouched = body.deepCopy();
        ((ObjectNode) untouched.at(place.objectPointer())).remove(place.property());
        assertEquals(untouched, written, "every other field is read as sent");
    }
}
