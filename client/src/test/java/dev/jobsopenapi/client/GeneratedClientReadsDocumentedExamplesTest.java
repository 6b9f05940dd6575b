package dev.jobsopenapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.modelarts.client.api.DevServerJobsApi;
import dev.jobsopenapi.modelarts.client.model.DevServerJobDetails;
import dev.jobsopenapi.modelarts.client.model.DevServerJobListResponse;
import dev.jobsopenapi.modelarts.client.model.DevServerJobPage;
import dev.jobsopenapi.modelarts.client.model.DevServerTaskResponse;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.openyuanrong.client.model.JobDetails;
import dev.jobsopenapi.specs.BundledSpec;
import dev.jobsopenapi.types.EpochUnit;
import dev.jobsopenapi.types.Timestamp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each documented example, served over HTTP from 127.0.0.1, is read back through the generated client and
 * every value arrives intact. The expected values are read from the spec's examples, not copied here.
 */
class GeneratedClientReadsDocumentedExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode example(BundledSpec spec, String operationId, String name) {
        return ApiContract.bundled(spec).examples().stream()
                .filter(e -> e.operationId().equals(operationId) && e.name().equals(name))
                .map(DocumentedExample::value)
                .findFirst().orElseThrow();
    }

    private static dev.jobsopenapi.modelarts.client.ApiClient modelArtsClient(CannedResponseServer server) {
        dev.jobsopenapi.modelarts.client.ApiClient client = server.modelArtsClient();
        client.setRequestInterceptor(request -> request.header("X-Auth-Token", "test-token"));
        return client;
    }

    private static JobsApi openYuanrongJobs(CannedResponseServer server) {
        return server.openYuanrongJobs();
    }

    @Test
    void modelArtsJobListIsReadWithItsEnvelopeJobsAndMillisecondNumbers() throws Exception {
        JsonNode example = example(BundledSpec.MODELARTS_DEVSERVER_JOBS, "listDevServerJobs", "ok");
        try (CannedResponseServer server = new CannedResponseServer(example.toString())) {
            DevServerJobPage page = new DevServerJobsApi(modelArtsClient(server))
                    .listDevServerJobs("proj-1", "job-1", "diagnosis", "ASCEND_DIAGNOSIS", "FINISHED", true);

            assertEquals("GET", server.lastRequest().method());
            assertEquals("/v1/proj-1/dev-servers/jobs", server.lastRequest().uri().getPath());
            assertEquals("id=job-1&name=diagnosis&type=ASCEND_DIAGNOSIS&status=FINISHED&visible=true",
                    server.lastRequest().uri().getQuery());
            assertEquals("test-token", server.lastRequest().authToken());

            assertEquals(example.get("current").intValue(), page.getCurrent());
            assertEquals(example.get("pages").intValue(), page.getPages());
            assertEquals(example.get("size").intValue(), page.getSize());
            assertEquals(example.get("total").longValue(), page.getTotal());
            assertEquals(example.get("data").size(), page.getData().size());
            for (int i = 0; i < page.getData().size(); i++) {
                JsonNode expected = example.get("data").get(i);
                DevServerJobListResponse job = page.getData().get(i);
                assertEquals(expected.get("id").asText(), job.getId());
                assertEquals(expected.get("name").asText(), job.getName());
                assertEquals(expected.get("user_name").asText(), job.getUserName());
                assertEquals(expected.path("description").textValue(), job.getDescription());
                assertEquals(expected.get("type").asText(), job.getType());
                assertEquals(expected.get("status").asText(), job.getStatus());
                assertEquals(expected.get("abnormal_count").intValue(), job.getAbnormalCount());
                assertNumberTimestamp(expected.get("create_at"), job.getCreateAt());
                assertNumberTimestamp(expected.get("update_at"), job.getUpdateAt());
            }
        }
    }

    @Test
    void modelArtsJobDetailsAreReadWithItemsTasksAndCloudServerMap() throws Exception {
        JsonNode example = example(BundledSpec.MODELARTS_DEVSERVER_JOBS, "showDevServerJob", "ok");
        try (CannedResponseServer server = new CannedResponseServer(example.toString())) {
            String jobId = example.get("id").asText();
            DevServerJobDetails job = new DevServerJobsApi(modelArtsClient(server)).showDevServerJob("proj-1", jobId);

            assertEquals("/v1/proj-1/dev-servers/jobs/" + jobId, server.lastRequest().uri().getPath());
            assertEquals(jobId, job.getId());
            assertEquals(example.get("name").asText(), job.getName());
            assertEquals(example.get("description").asText(), job.getDescription());
            assertEquals(example.get("type").asText(), job.getType());
            assertEquals(example.get("status").asText(), job.getStatus());
            assertEquals(example.get("template_id").asText(), job.getTemplateId());
            assertEquals(example.get("user_name").asText(), job.getUserName());
            assertEquals(example.get("abnormal_count").intValue(), job.getAbnormalCount());
            assertNumberTimestamp(example.get("create_at"), job.getCreateAt());
            assertNumberTimestamp(example.get("update_at"), job.getUpdateAt());
            assertEquals(example.at("/items/0/type").asText(), job.getItems().get(0).getType());

            DevServerTaskResponse task = job.getTasks().get(0);
            JsonNode expectedTask = example.at("/tasks/0");
            assertEquals(expectedTask.get("id").asText(), task.getId());
            assertEquals(expectedTask.get("server_id").asText(), task.getServerId());
            assertEquals(expectedTask.get("server_name").asText(), task.getServerName());
            assertEquals(expectedTask.get("status").asText(), task.getStatus());
            assertEquals(expectedTask.get("message").asText(), task.getMessage());
            assertEquals(JSON.convertValue(expectedTask.get("cloud_server"), Map.class), task.getCloudServer());
            assertNumberTimestamp(expectedTask.get("create_at"), task.getCreateAt());
            assertNumberTimestamp(expectedTask.get("update_at"), task.getUpdateAt());
        }
    }

    @Test
    void openYuanrongJobListIsReadWithDriverInfoMapsAndSecondStrings() throws Exception {
        JsonNode example = example(BundledSpec.OPENYUANRONG_JOBS, "listJobs", "querySuccessful");
        try (CannedResponseServer server = new CannedResponseServer(example.toString())) {
            List<JobDetails> jobs = openYuanrongJobs(server).listJobs();

            assertEquals("/api/jobs", server.lastRequest().uri().getPath());
            assertEquals(example.size(), jobs.size());
            JsonNode expected = example.get(0);
            JobDetails job = jobs.get(0);
            assertEquals(expected.get("type").asText(), job.getType());
            assertEquals(expected.get("entrypoint").asText(), job.getEntrypoint());
            assertEquals(expected.get("submission_id").asText(), job.getSubmissionId());
            assertEquals(expected.at("/driver_info/id").asText(), job.getDriverInfo().getId());
            assertEquals(expected.at("/driver_info/node_ip_address").asText(), job.getDriverInfo().getNodeIpAddress());
            assertEquals(expected.at("/driver_info/pid").asText(), job.getDriverInfo().getPid());
            assertEquals(expected.get("status").asText(), job.getStatus());
            assertEquals(JSON.convertValue(expected.get("metadata"), Map.class), job.getMetadata());
            assertEquals(expected.at("/runtime_env/pip").asText(), job.getRuntimeEnv().getPip());
            assertEquals(expected.at("/runtime_env/working_dir").asText(), job.getRuntimeEnv().getWorkingDir());
            assertEquals(expected.at("/runtime_env/envVars").asText(), job.getRuntimeEnv().getEnvVars());
            assertEquals(expected.get("driver_agent_http_address").asText(), job.getDriverAgentHttpAddress());
            assertEquals(expected.get("driver_node_id").asText(), job.getDriverNodeId());
            assertEquals(expected.get("driver_exit_code").intValue(), job.getDriverExitCode());
            assertEquals(expected.get("error_type").asText(), job.getErrorType());

            for (String field : List.of("start_time", "end_time")) {
                Timestamp time = "start_time".equals(field) ? job.getStartTime() : job.getEndTime();
                String digits = expected.get(field).textValue();
                assertEquals(Timestamp.Form.STRING, time.form());
                assertEquals(digits, time.text());
                assertEquals(Instant.ofEpochSecond(Long.parseLong(digits)), time.toInstant().orElseThrow());
                assertEquals(Instant.ofEpochSecond(Long.parseLong(digits)), time.toInstant(EpochUnit.SECONDS).orElseThrow());
            }
        }
    }

    @Test
    void openYuanrongEmptyListIsReadAsAnEmptyList() throws Exception {
        JsonNode example = example(BundledSpec.OPENYUANRONG_JOBS, "listJobs", "queryEmpty");
        try (CannedResponseServer server = new CannedResponseServer(example.toString())) {
            assertEquals(List.of(), openYuanrongJobs(server).listJobs());
        }
    }

    @Test
    void fieldsTheSpecDoesNotKnowDoNotBreakParsing() throws Exception {
        JsonNode example = example(BundledSpec.OPENYUANRONG_JOBS, "listJobs", "querySuccessful").deepCopy();
        ObjectNode job = (ObjectNode) example.get(0);
        job.put("key", "a-field-added-by-a-newer-server");
        ((ObjectNode) job.get("driver_info")).putObject("resources").put("CPU", 1.0);
        try (CannedResponseServer server = new CannedResponseServer(example.toString())) {
            List<JobDetails> jobs = openYuanrongJobs(server).listJobs();
            assertEquals(example.at("/0/submission_id").asText(), jobs.get(0).getSubmissionId());
        }
    }

    private static void assertNumberTimestamp(JsonNode expected, Timestamp actual) {
        assertTrue(expected.isIntegralNumber(), () -> "the example sends " + expected);
        assertEquals(Timestamp.Form.NUMBER, actual.form());
        assertEquals(expected.longValue(), actual.epochValue());
        assertEquals(Instant.ofEpochMilli(expected.longValue()), actual.toInstant().orElseThrow());
    }
}
