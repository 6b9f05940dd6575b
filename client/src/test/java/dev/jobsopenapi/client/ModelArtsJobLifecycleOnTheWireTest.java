package dev.jobsopenapi.client;

import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.modelarts.client.api.DevServerJobsApi;
import dev.jobsopenapi.modelarts.client.model.DevServerJobCreateRequest;
import dev.jobsopenapi.modelarts.client.model.DevServerJobDetails;
import dev.jobsopenapi.modelarts.client.model.DevServerJobPage;
import dev.jobsopenapi.modelarts.client.model.DevServerJobTemplatePage;
import dev.jobsopenapi.modelarts.client.model.ServerJobDeleteRequest;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the generated ModelArts client puts on the wire for the job lifecycle: the create body, the batch
 * delete's JSON body on a DELETE (which some HTTP stacks drop), and the template filters; and that it reads
 * each documented answer.
 */
class ModelArtsJobLifecycleOnTheWireTest {

    private static final ApiContract SPEC = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode example(String operationId, String status) {
        return SPEC.example(operationId, status).map(DocumentedExample::value).orElseThrow();
    }

    @Test
    void batchDeleteSendsItsJsonBodyOnTheDelete() throws Exception {
        JsonNode body = example("deleteDevServerJobs", DocumentedExample.REQUEST);
        try (CannedResponseServer server = new CannedResponseServer(example("deleteDevServerJobs", "200").toString())) {
            DevServerJobsApi api = new DevServerJobsApi(server.modelArtsClient());
            ServerJobDeleteRequest request = JSON.treeToValue(body, ServerJobDeleteRequest.class);
            DevServerJobPage deleted = api.deleteDevServerJobs("proj-1", request);

            CannedResponseServer.SeenRequest seen = server.lastRequest();
            assertEquals("DELETE", seen.method());
            assertEquals("/v1/proj-1/dev-servers/jobs", seen.uri().getPath());
            assertTrue(seen.contentType().startsWith("application/json"), seen.contentType());
            assertEquals(body, JSON.readTree(seen.body()));
            assertTrue(SPEC.validateRequest(Target.operation("deleteDevServerJobs"), seen.contentType(), Body.of(JSON.readTree(seen.body()))).isValid());
            assertEquals(example("deleteDevServerJobs", "200").at("/data/0/id").asText(), deleted.getData().get(0).getId());
        }
    }

    @Test
    void createSendsTheDocumentedBodyAndReadsTheNewJob() throws Exception {
        JsonNode body = example("createDevServerJob", DocumentedExample.REQUEST);
        JsonNode created = example("createDevServerJob", "200");
        try (CannedResponseServer server = new CannedResponseServer(created.toString())) {
            DevServerJobDetails job = new DevServerJobsApi(server.modelArtsClient())
                    .createDevServerJob("proj-1", JSON.treeToValue(body, DevServerJobCreateRequest.class));

            CannedResponseServer.SeenRequest seen = server.lastRequest();
            assertEquals("POST", seen.method());
            assertEquals("/v1/proj-1/dev-servers/jobs", seen.uri().getPath());
            assertEquals(body, JSON.readTree(seen.body()));
            assertEquals("PROCESSING", job.getStatus());
            assertEquals(created.at("/tasks/0/server_id").asText(), job.getTasks().get(0).getServerId());
        }
    }

    @Test
    void templateFiltersGoInTheQueryAndTheTemplatesAreRead() throws Exception {
        JsonNode templates = example("listDevServerJobTemplates", "200");
        try (CannedResponseServer server = new CannedResponseServer(templates.toString())) {
            DevServerJobTemplatePage page = new DevServerJobsApi(server.modelArtsClient())
                    .listDevServerJobTemplates("proj-1", null, null, "LOG_COLLECT");
            assertEquals("/v1/proj-1/dev-servers/jobs/templates", server.lastRequest().uri().getPath());
            assertEquals("type=LOG_COLLECT", server.lastRequest().uri().getQuery());
            assertEquals(templates.at("/data/1/params/0/visible").asText(), page.getData().get(1).getParams().get(0).getVisible());
        }
    }
}
