package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.DocumentedExample;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** probe sends a documented write with a new submission id or job name, each still valid for the spec. */
class ProbeWritesAFreshBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSubmissionIdAndTheJobNameAreNewAndStillConform() throws Exception {
        for (String[] write : new String[][] {{"openyuanrong-jobs", "submitJob", "/components/schemas/JobSubmitRequest"},
                {"modelarts-devserver-jobs", "createDevServerJob", "/components/schemas/DevServerJobCreateRequest"}}) {
            ApiContract contract = ApiContract.bundled(BundledSpec.valueOf(write[0].toUpperCase().replace('-', '_')));
            JsonNode documented = contract.example(write[1], DocumentedExample.REQUEST).orElseThrow().value();
            JsonNode first = LiveProbe.fresh(documented);
            JsonNode second = LiveProbe.fresh(documented);
            assertNotEquals(first, second, "each call is new");
            assertEquals(java.util.List.of(), contract.validateAgainst(write[2], Body.of(first)).violations(), first::toString);
            String field = documented.has("submission_id") ? "submission_id" : "name";
            assertNotEquals(documented.get(field), first.get(field));
            assertTrue(first.get(field).asText().contains("probe-"), first::toString);
        }
        JsonNode plain = JSON.readTree("{\"job_ids\":[\"a\"]}");
        assertEquals(plain, LiveProbe.fresh(plain), "a body that names nothing new is sent as documented");
        String longName = "n".repeat(64);
        assertEquals(64, LiveProbe.fresh(JSON.readTree("{\"name\":\"" + longName + "\"}")).get("name").asText().length());
    }
}
