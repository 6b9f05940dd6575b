package dev.jobsopenapi.reference;

import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.conformance.http.ValidatingResponseInterceptor;
import dev.jobsopenapi.openyuanrong.client.ApiClient;
import dev.jobsopenapi.openyuanrong.client.ApiException;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.openyuanrong.client.model.JobDetails;
import dev.jobsopenapi.openyuanrong.client.model.JobSubmitRequest;
import dev.jobsopenapi.openyuanrong.client.model.SubmitRuntimeEnv;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole openYuanrong job API on the reference server, through the generated client: submit, get, stop,
 * delete, with the state transitions and the frontend's error answers; every live response conforms.
 */
class OpenYuanrongLifecycleTest {

    private static final ApiContract SPEC = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ReferenceServer server;
    private JobsApi jobs;
    private ObjectMapper clientMapper;

    @BeforeEach
    void start() {
        server = ReferenceServer.start("127.0.0.1", 0);
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.baseUri().toString());
        // Every answer the client gets is checked against the spec; one that does not conform fails the call.
        client.setResponseInterceptor(ValidatingResponseInterceptor.failing(SPEC));
        clientMapper = client.getObjectMapper();
        jobs = new JobsApi(client);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JobSubmitRequest documentedSubmitRequest() throws Exception {
        JsonNode example = SPEC.example("submitJob", DocumentedExample.REQUEST).orElseThrow().value();
        return clientMapper.treeToValue(example, JobSubmitRequest.class);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        var result = SPEC.validateResponse(Target.route(method, path), Integer.toString(response.statusCode()), response.headers().firstValue("Content-Type").orElse(""), Body.of(response.body()));
        assertTrue(result.isValid(), result::toString);
        return response;
    }

    @Test
    void aSubmittedJobRunsCanBeStoppedOnceAndThenDeleted() throws Exception {
        JobSubmitRequest request = documentedSubmitRequest().submissionId("lifecycle-1");
        assertEquals("app-lifecycle-1", jobs.submitJob(request, "tenant-a", null).getSubmissionId());

        JobDetails running = jobs.getJob("app-lifecycle-1");
        assertEquals("RUNNING", running.getStatus());
        assertEquals(request.getEntrypoint(), running.getEntrypoint());
        assertTrue(running.getStartTime().toInstant().isPresent());
        assertTrue(jobs.listJobs().stream().anyMatch(j -> j.getSubmissionId().equals("app-lifecycle-1")));

        assertFalse(jobs.deleteJob("app-lifecycle-1"), "a running job cannot be deleted");
        assertTrue(jobs.stopJob("app-lifecycle-1"));
        assertEquals("STOPPED", jobs.getJob("app-lifecycle-1").getStatus());
        assertTrue(jobs.getJob("app-lifecycle-1").getEndTime().toInstant().isPresent());
        assertFalse(jobs.stopJob("app-lifecycle-1"), "a stopped job cannot be stopped again");
        assertTrue(jobs.deleteJob("app-lifecycle-1"));

        ApiException gone = assertThrows(ApiException.class, () -> jobs.getJob("app-lifecycle-1"));
        assertEquals(404, gone.getCode());
        assertEquals(Optional.of("not found app, submissionId: app-lifecycle-1, err: failed to get appjobInfo, submissionID: app-lifecycle-1"),
                gone.getVendorError());
    }

    @Test
    void listedJobsCarryTheRuntimeEnvInTheListingShape() throws Exception {
        JobSubmitRequest request = documentedSubmitRequest().submissionId("shape-1");
        jobs.submitJob(request, null, null);
        var runtimeEnv = jobs.getJob("app-shape-1").getRuntimeEnv();
        assertEquals("pip3.9 install " + String.join(" ", request.getRuntimeEnv().getPip()) + " && pip3.9 check", runtimeEnv.getPip());
        assertEquals(request.getRuntimeEnv().getEnvVars(), JSON.readValue(runtimeEnv.getEnvVars(), java.util.Map.class));
    }

    @Test
    void aRunningJobIsWrittenWithEveryFieldAndZeroValuesWhileUnset() throws Exception {
        String body = "{\"entrypoint\":\"python a.py\",\"submission_id\":\"bare-1\",\"runtime_env\":{\"working_dir\":\"file:///w.zip\"}}";
        assertEquals(200, send("POST", "/api/jobs", body).statusCode());
        JsonNode job = JSON.readTree(send("GET", "/api/jobs/app-bare-1", null).body());
        assertEquals(14, job.size(), job::toString);
        assertEquals("RUNNING", job.get("status").asText());
        assertEquals("", job.get("end_time").asText());
        assertEquals("", job.get("error_type").asText());
        assertTrue(job.get("metadata").isNull(), "no metadata was sent: " + job);
        assertEquals(JSON.readTree("{\"envVars\":\"\",\"pip\":\"\",\"working_dir\":\"file:///w.zip\"}"), job.get("runtime_env"));
        assertTrue(jobs.getJob("app-bare-1").getEndTime().toInstant().isEmpty(), "an unset time has no instant");
    }

    @Test
    void aSubmissionWithoutAnIdGetsOneAndAnIdInUseIsA400() throws Exception {
        JobSubmitRequest request = documentedSubmitRequest().submissionId(null);
        String id = jobs.submitJob(request, null, null).getSubmissionId();
        assertTrue(id.startsWith("app-"), id);

        JobSubmitRequest duplicate = documentedSubmitRequest();  // the documented id, already listed
        ApiException e = assertThrows(ApiException.class, () -> jobs.submitJob(duplicate, null, null));
        assertEquals(400, e.getCode());
        assertEquals(Optional.of("submit job has already exist, submissionId: " + duplicate.getSubmissionId()), e.getVendorError());
    }

    @Test
    void onlyRunningJobsStopAndOnlyFinishedJobsAreDeleted() throws Exception {
        for (JobDetails job : jobs.listJobs()) {
            String id = job.getSubmissionId();
            boolean running = job.getStatus().equals("RUNNING");
            boolean finished = List.of("SUCCEEDED", "FAILED", "STOPPED").contains(job.getStatus());
            assertEquals(running, jobs.stopJob(id), job.getStatus());
            assertEquals(finished || running, jobs.deleteJob(id), job.getStatus() + " (a stopped job can be deleted)");
        }
        assertEquals(List.of("PENDING"), jobs.listJobs().stream().map(JobDetails::getStatus).toList());
    }

    @Test
    void invalidSubmissionsAre400WithAJsonStringNamingTheField() throws Exception {
        for (String[] bodyAndField : new String[][] {
                {"{\"entrypoint\":\"\",\"runtime_env\":{\"working_dir\":\"file:///x\"}}", "entrypoint"},
                {"{\"entrypoint\":\"python a.py\"}", "runtime_env"},
                {"{\"entrypoint\":\"python a.py\",\"runtime_env\":{}}", "runtime_env.working_dir"},
                {"{\"entrypoint\":\"python a.py\",\"runtime_env\":{\"working_dir\":\"\"}}", "runtime_env.working_dir"},
                {"{\"entrypoint\":\"python a.py\",\"submission_id\":\"my-driver-1\",\"runtime_env\":{\"working_dir\":\"w\"}}", "submission_id"},
                {"{\"entrypoint\":\"python a.py\",\"entrypoint_num_cpus\":-1,\"runtime_env\":{\"working_dir\":\"w\"}}", "entrypoint_num_cpus"}}) {
            HttpResponse<String> response = send("POST", "/api/jobs", bodyAndField[0]);
            assertEquals(400, response.statusCode(), bodyAndField[0] + " -> " + response.body());
            JsonNode body = JSON.readTree(response.body());
            assertTrue(body.isTextual() && body.asText().contains(bodyAndField[1]), bodyAndField[0] + " -> " + response.body());
        }
        HttpResponse<String> tooLong = send("POST", "/api/jobs",
                "{\"entrypoint\":\"python a.py\",\"submission_id\":\"" + "a".repeat(62) + "\",\"runtime_env\":{\"working_dir\":\"w\"}}");
        assertEquals(400, tooLong.statusCode(), "61 characters + app- is over 64: " + tooLong.body());
    }

    @Test
    void unknownJobsAre404ForEveryOperationWithTheFrontendsMessages() throws Exception {
        for (String[] call : new String[][] {
                {"GET", "/api/jobs/app-none", "not found app, submissionId: app-none, err: failed to get appjobInfo, submissionID: app-none"},
                {"DELETE", "/api/jobs/app-none", "the app does not exist, submissionId:[app-none]"},
                {"POST", "/api/jobs/app-none/stop", "the app does not exist, submissionId:[app-none]"}}) {
            HttpResponse<String> response = send(call[0], call[1], null);
            assertEquals(404, response.statusCode(), call[1]);
            assertEquals(call[2], JSON.readTree(response.body()).asText());
        }
    }
}
