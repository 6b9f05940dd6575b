package dev.jobsopenapi.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.modelarts.server.model.DevServerJobDetails;
import dev.jobsopenapi.openyuanrong.server.model.JobDetails;
import dev.jobsopenapi.specs.BundledSpec;
import dev.jobsopenapi.types.Timestamp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The generated server models hold times as the shared {@link Timestamp} and write them back as they came. */
class ServerModelsUseTheSharedTimestampTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static JsonNode example(BundledSpec spec, String operationId) {
        return ApiContract.bundled(spec).example(operationId, "200").orElseThrow().value();
    }

    @Test
    void openYuanrongJobTimesAreDigitStringsAndRoundTrip() throws Exception {
        JsonNode example = example(BundledSpec.OPENYUANRONG_JOBS, "listJobs");
        List<JobDetails> jobs = MAPPER.convertValue(example, new TypeReference<List<JobDetails>>() { });
        assertEquals(Timestamp.ofString(example.at("/0/start_time").asText()), jobs.get(0).getStartTime());
        assertEquals(example, MAPPER.readTree(MAPPER.writeValueAsString(jobs)));
    }

    @Test
    void modelArtsJobTimesAreNumbersAndRoundTrip() throws Exception {
        JsonNode example = example(BundledSpec.MODELARTS_DEVSERVER_JOBS, "showDevServerJob");
        DevServerJobDetails job = MAPPER.convertValue(example, DevServerJobDetails.class);
        assertEquals(Timestamp.ofNumber(example.get("create_at").longValue()), job.getCreateAt());
        assertEquals(Timestamp.ofNumber(example.at("/tasks/0/update_at").longValue()), job.getTasks().get(0).getUpdateAt());
        assertEquals(MAPPER.readTree(example.toString()), MAPPER.readTree(MAPPER.writeValueAsString(job)));
    }
}
