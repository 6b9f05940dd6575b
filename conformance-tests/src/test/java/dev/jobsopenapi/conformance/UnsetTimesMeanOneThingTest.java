package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.specs.BundledSpec;
import dev.jobsopenapi.types.Timestamp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Unset" means one thing in the specs and in the {@link Timestamp} type that client and server models share:
 * every value a time schema lists in {@code x-unset-values} is valid for that schema and is an unset
 * {@code Timestamp} (no instant), and a real time of the same schema is not.
 */
class UnsetTimesMeanOneThingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyListedUnsetValueIsValidForItsSchemaAndUnsetForTimestamp() throws Exception {
        List<String> checked = new ArrayList<>();
        for (BundledSpec spec : BundledSpec.values()) {
            ApiContract contract = ApiContract.bundled(spec);
            var schemas = contract.document().at("/components/schemas").fields();
            while (schemas.hasNext()) {
                var schema = schemas.next();
                JsonNode unset = schema.getValue().path("x-unset-values");
                if (unset.isMissingNode()) {
                    continue;
                }
                String pointer = "/components/schemas/" + schema.getKey();
                assertTrue(unset.isArray() && !unset.isEmpty(), pointer);
                for (JsonNode value : unset) {
                    assertEquals(List.of(), contract.validateAgainst(pointer, Body.of(value)).violations(), pointer + " " + value);
                    Timestamp time = JSON.treeToValue(value, Timestamp.class);
                    assertTrue(time.isUnset() && time.toInstant().isEmpty(), pointer + " " + value);
                    checked.add(contract.name() + " " + schema.getKey() + " " + value);
                }
            }
        }
        assertEquals(List.of(
                "modelarts-devserver-jobs ModelArtsTime 0",
                "openyuanrong-jobs JobTime \"\"",
                "openyuanrong-jobs JobTime \"0\""), checked);
    }

    @Test
    void anEmptyJobTimeIsValidAndUnsetWhileARealOneHasAnInstant() throws Exception {
        ApiContract contract = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
        JsonNode real = JSON.readTree("\"1755484077\"");
        assertEquals(List.of(), contract.validateAgainst("/components/schemas/JobTime", Body.of(real)).violations());
        assertFalse(JSON.treeToValue(real, Timestamp.class).isUnset());
        assertEquals("2025-08-18T02:27:57Z", JSON.treeToValue(real, Timestamp.class).toInstant().orElseThrow().toString());
        assertFalse(contract.validateAgainst("/components/schemas/JobTime", Body.of(JSON.readTree("1755484077"))).violations().isEmpty(),
                "a JSON number is not a job time: the frontend writes Go strings");
    }
}
