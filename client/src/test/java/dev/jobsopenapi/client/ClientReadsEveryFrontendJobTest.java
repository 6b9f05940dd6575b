package dev.jobsopenapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.jobsopenapi.conformance.FrontendJobs;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.openyuanrong.client.model.JobDetails;
import dev.jobsopenapi.types.Timestamp;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated client reads every job the openYuanrong frontend can write (every state, every unset field;
 * see {@code FrontendJobs}), over HTTP and from text, and gives an unset time as a {@link Timestamp} with no
 * instant, never 1970; with Jackson's Blackbird module registered on the client's mapper it reads the same models.
 */
class ClientReadsEveryFrontendJobTest {

    private static final ObjectMapper CLIENT_JSON = new dev.jobsopenapi.openyuanrong.client.ApiClient().getObjectMapper();
    private static final ObjectMapper CLIENT_JSON_WITH_BLACKBIRD = CLIENT_JSON.copy().registerModule(new BlackbirdModule());

    @Test
    void everyShapeInOneListIsReadOverHttp() throws Exception {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        List<FrontendJobs.Shape> shapes = FrontendJobs.shapes();
        shapes.forEach(shape -> list.add(FrontendJobs.job(shape, FrontendJobs.plainValues())));
        try (CannedResponseServer server = new CannedResponseServer(list.toString())) {
            List<JobDetails> jobs = server.openYuanrongJobs().listJobs();
            assertEquals(shapes.size(), jobs.size());
            for (int i = 0; i < jobs.size(); i++) {
                assertReadAsSent((ObjectNode) list.get(i), jobs.get(i));
            }
        }
    }

    @Test
    void everyShapeIsReadOverHttpAlikeWithBlackbirdRegisteredAsTheReadmeShows() throws Exception {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        FrontendJobs.shapes().forEach(shape -> list.add(FrontendJobs.job(shape, FrontendJobs.plainValues())));
        try (CannedResponseServer server = new CannedResponseServer(list.toString())) {
            dev.jobsopenapi.openyuanrong.client.ApiClient client = new dev.jobsopenapi.openyuanrong.client.ApiClient();
            client.updateBaseUri(server.baseUri());
            client.setObjectMapper(client.getObjectMapper().registerModule(new BlackbirdModule()));
            List<JobDetails> jobs = new JobsApi(client).listJobs();
            assertEquals(server.openYuanrongJobs().listJobs(), jobs);
            assertEquals(list.size(), jobs.size());
        }
    }

    @Property(tries = 500)
    void anyContentsInAnyShapeAreReadAsSent(@ForAll(supplier = FrontendJobs.AnyShape.class) FrontendJobs.Shape shape,
                                            @ForAll(supplier = FrontendJobs.AnyValues.class) FrontendJobs.Values values) throws Exception {
        ObjectNode job = FrontendJobs.job(shape, values);
        JobDetails read = CLIENT_JSON.readValue(job.toString(), JobDetails.class);
        assertReadAsSent(job, read);
        assertEquals(read, CLIENT_JSON_WITH_BLACKBIRD.readValue(job.toString(), JobDetails.class), "read with Blackbird registered");
    }

    private static void assertReadAsSent(ObjectNode sent, JobDetails read) {
        assertEquals(sent.get("submission_id").asText(), read.getSubmissionId());
        assertEquals(sent.get("status").asText(), read.getStatus());
        assertEquals(sent.path("key").textValue(), read.getKey());
        assertEquals(sent.at("/driver_info/pid").asText(), read.getDriverInfo().getPid());
        assertEquals(sent.get("driver_exit_code").intValue(), read.getDriverExitCode());
        assertEquals(sent.get("error_type").asText(), read.getErrorType());
        assertTime(sent.get("start_time"), read.getStartTime());
        assertTime(sent.get("end_time"), read.getEndTime());
        JsonNode metadata = sent.get("metadata");
        if (metadata.isNull()) {
            assertNull(read.getMetadata());
        } else {
            assertEquals(CLIENT_JSON.convertValue(metadata, Map.class), read.getMetadata());
        }
        JsonNode runtimeEnv = sent.get("runtime_env");
        if (runtimeEnv.isNull()) {
            assertNull(read.getRuntimeEnv());
        } else {
            assertEquals(runtimeEnv.get("pip").asText(), read.getRuntimeEnv().getPip());
            assertEquals(runtimeEnv.get("envVars").asText(), read.getRuntimeEnv().getEnvVars());
        }
    }

    private static void assertTime(JsonNode sent, Timestamp read) {
        assertEquals(sent.asText(), read.text());
        if (sent.asText().isEmpty() || Long.parseLong(sent.asText()) == 0) {
            assertTrue(read.isUnset(), read::toString);
            assertTrue(read.toInstant().isEmpty(), read::toString);
        } else {
            long value = Long.parseLong(sent.asText());
            Instant expected = value < 100_000_000_000L ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
            assertEquals(expected, read.toInstant().orElseThrow());
        }
    }
}
