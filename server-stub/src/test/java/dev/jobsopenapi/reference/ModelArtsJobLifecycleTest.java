package dev.jobsopenapi.reference;

import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.conformance.http.ValidatingResponseInterceptor;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.modelarts.client.ApiClient;
import dev.jobsopenapi.modelarts.client.ApiException;
import dev.jobsopenapi.modelarts.client.api.DevServerJobsApi;
import dev.jobsopenapi.modelarts.client.model.DevServerJobCreateRequest;
import dev.jobsopenapi.modelarts.client.model.DevServerJobDetails;
import dev.jobsopenapi.modelarts.client.model.DevServerJobListResponse;
import dev.jobsopenapi.modelarts.client.model.ServerJobDeleteRequest;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ModelArts job lifecycle on the reference server, through the generated client: create a job from the
 * documented request, see it processing in the list and the details, see its tasks finish, delete it in a
 * batch; bad bodies are 400s in the vendor's error shape. Every answer the client receives is checked against
 * the spec ({@link ValidatingResponseInterceptor}), and so is every raw request the test sends.
 */
class ModelArtsJobLifecycleTest {

    private static final ApiContract SPEC = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private ReferenceServer server;
    private DevServerJobsApi jobs;

    @BeforeEach
    void start() {
        server = ReferenceServer.start("127.0.0.1", 0, clock);
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.baseUri().toString());
        // Every answer the client gets is checked against the spec; one that does not conform fails the call.
        client.setResponseInterceptor(ValidatingResponseInterceptor.failing(SPEC));
        jobs = new DevServerJobsApi(client);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static DevServerJobCreateRequest documentedCreateRequest() throws Exception {
        return JSON.treeToValue(SPEC.example("createDevServerJob", DocumentedExample.REQUEST).orElseThrow().value(),
                DevServerJobCreateRequest.class);
    }

    /** Sends a request as it is, checks the answer against the spec, and returns it. */
    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        ValidationResult result = SPEC.validateResponse(Target.route(method, path), Integer.toString(response.statusCode()), response.headers().firstValue("Content-Type").orElse(""), Body.of(response.body()));
        assertTrue(result.isValid(), result::toString);
        return response;
    }

    @Test
    void aCreatedJobProcessesFinishesAndIsDeletedInABatch() throws Exception {
        DevServerJobCreateRequest request = documentedCreateRequest()
                .serverIds(List.of("3384bdb0-2d31-4fe9-946e-09e776701d78", "51a0c9e2-7d14-4c3b-9f60-2e8b7a1d0c45"));
        DevServerJobDetails created = jobs.createDevServerJob("proj-1", request);
        String id = created.getId();
        assertEquals("PROCESSING", created.getStatus());
        assertEquals(2, created.getTasks().size());
        assertTrue(created.getTasks().stream().allMatch(t -> t.getStatus().equals("PROCESSING")));
        assertEquals(request.getServerIds(), created.getTasks().stream().map(t -> t.getServerId()).toList());
        assertEquals(request.getItems().stream().map(item -> item.getType()).toList(),
                created.getItems().stream().map(item -> item.getType()).toList());
        assertEquals(clock.instant(), created.getCreateAt().toInstant().orElseThrow());

        send("GET", "/v1/proj-1/dev-servers/jobs/" + id, null);
        List<DevServerJobListResponse> processing = jobs.listDevServerJobs("proj-1", id, null, null, null, null).getData();
        assertEquals("PROCESSING", processing.get(0).getStatus());
        assertEquals(List.of(), jobs.deleteDevServerJobs("proj-1", new ServerJobDeleteRequest().jobIds(List.of(id))).getData(),
                "a processing job is not deleted");

        clock.advance(Duration.ofSeconds(3));
        DevServerJobDetails finished = jobs.showDevServerJob("proj-1", id);
        assertEquals("FINISHED", finished.getStatus());
        assertTrue(finished.getTasks().stream().allMatch(t -> t.getStatus().equals("SUCCESS")));
        send("GET", "/v1/proj-1/dev-servers/jobs?id=" + id, null);

        HttpResponse<String> deleted = send("DELETE", "/v1/proj-1/dev-servers/jobs",
                "{\"job_ids\":[\"" + id + "\",\"no-such-job\"]}");
        JsonNode page = JSON.readTree(deleted.body());
        assertEquals(1, page.get("total").asInt(), "the unknown id is skipped: " + page);
        assertEquals(id, page.at("/data/0/id").asText());
        ApiException gone = assertThrows(ApiException.class, () -> jobs.showDevServerJob("proj-1", id));
        assertEquals(404, gone.getCode());
        assertTrue(jobs.listDevServerJobs("proj-1", id, null, null, null, null).getData().isEmpty());
    }

    @Test
    void theDocumentedJobsAreDeletedThroughTheClientsDeleteWithABody() throws Exception {
        JsonNode body = SPEC.example("deleteDevServerJobs", DocumentedExample.REQUEST).orElseThrow().value();
        var deleted = jobs.deleteDevServerJobs("proj-1", JSON.treeToValue(body, ServerJobDeleteRequest.class));
        assertEquals(body.get("job_ids").size(), deleted.getData().size());
        assertEquals(List.of(), jobs.listDevServerJobs("proj-1", null, null, null, null, null).getData());
    }

    @Test
    void templatesAreServedAndFiltered() throws Exception {
        JsonNode documented = SPEC.example("listDevServerJobTemplates", "200").orElseThrow().value();
        JsonNode all = JSON.readTree(send("GET", "/v1/proj-1/dev-servers/jobs/templates", null).body());
        assertEquals(documented, all);
        JsonNode logCollect = JSON.readTree(send("GET", "/v1/proj-1/dev-servers/jobs/templates?type=LOG_COLLECT", null).body());
        assertEquals(1, logCollect.get("total").asInt());
        assertEquals("LOG_COLLECT", logCollect.at("/data/0/type").asText());
        assertEquals(0, jobs.listDevServerJobTemplates("proj-1", null, "no-such-template", null).getTotal());
    }

    @Test
    void whatTheSpecAllowsIsAcceptedACreateOfNoServersAndADeleteOfNoJobs() throws Exception {
        HttpResponse<String> created = send("POST", "/v1/proj-1/dev-servers/jobs",
                "{\"name\":\"ok\",\"server_ids\":[],\"type\":\"COMMON\",\"items\":[]}");
        assertEquals(200, created.statusCode(), created.body());
        assertEquals(0, JSON.readTree(created.body()).get("tasks").size(), created.body());
        for (String body : new String[] {"{}", "{\"job_ids\":[]}"}) {
            HttpResponse<String> deleted = send("DELETE", "/v1/proj-1/dev-servers/jobs", body);
            assertEquals(200, deleted.statusCode(), body + " -> " + deleted.body());
            assertEquals(0, JSON.readTree(deleted.body()).get("total").asInt(), body + " -> " + deleted.body());
        }
    }

    @Test
    void lengthsAreCountedInCodePointsAsTheSpecCountsThem() throws Exception {
        String sixtyFour = "\uD83D\uDE00".repeat(32) + "a".repeat(32); // 32 emoji (two UTF-16 units each) and 32 letters
        HttpResponse<String> allowed = send("POST", "/v1/proj-1/dev-servers/jobs", "{\"name\":\"ok\",\"description\":\""
                + sixtyFour + "\",\"server_ids\":[\"s-1\"],\"type\":\"COMMON\",\"items\":[]}");
        assertEquals(200, allowed.statusCode(), allowed.body());
        HttpResponse<String> tooLong = send("POST", "/v1/proj-1/dev-servers/jobs", "{\"name\":\"ok\",\"description\":\""
                + sixtyFour + "b\",\"server_ids\":[\"s-1\"],\"type\":\"COMMON\",\"items\":[]}");
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("description"), tooLong.body());
    }

    @Test
    void badBodiesAre400sInTheVendorShapeNamingTheField() throws Exception {
        String[][] cases = {
                {"POST", "{\"name\":\"has space\",\"server_ids\":[\"s-1\"],\"type\":\"COMMON\",\"items\":[]}", "name"},
                {"POST", "{\"name\":\"ok\",\"server_ids\":[\"s-1\"],\"type\":\"NO_SUCH_TYPE\",\"items\":[]}", "type"},
                {"POST", "{\"name\":\"ok\",\"server_ids\":[\"s-1\"],\"type\":\"COMMON\"}", "items"},
                {"POST", "{\"name\":\"ok\",\"server_ids\":\"s-1\",\"type\":\"COMMON\",\"items\":[]}", "server_ids"}};
        for (String[] c : cases) {
            HttpResponse<String> response = send(c[0], "/v1/proj-1/dev-servers/jobs", c[1]);
            assertEquals(400, response.statusCode(), c[1] + " -> " + response.body());
            JsonNode error = JSON.readTree(response.body());
            assertTrue(error.get("error_msg").asText().contains(c[2]), c[1] + " -> " + response.body());
        }
    }

    @Test
    void aTemplatesDetailsAndAJobsDeployedServiceAreServedAndUnknownIdsAre404() throws Exception {
        dev.jobsopenapi.modelarts.client.model.DevServerJobTemplateDetails documented =
                jobs.showDevServerJobTemplate("proj-1", "2b087a09-e90d-414c-9b15-ffec45e400e7");
        assertEquals("ASCEND_SOFTWARE_QUERY", documented.getType());
        assertTrue(documented.getCmd() != null && documented.getSwrPath() != null, "the details example's full template");
        String listedOnly = jobs.listDevServerJobTemplates("proj-1", null, null, "LOG_COLLECT").getData().get(0).getId();
        assertEquals("LOG_COLLECT", jobs.showDevServerJobTemplate("proj-1", listedOnly).getType(), "a listed template has details too");
        dev.jobsopenapi.modelarts.client.model.DevServerJobService service =
                jobs.showDevServerJobService("proj-1", "6a1f3c2e-8d4b-4e7a-9c15-2f0b7d9e4a31");
        assertEquals("RUNNING", service.getStatus());
        assertEquals("w8A8", service.getModel().getQuantType());
        assertEquals(404, assertThrows(ApiException.class, () -> jobs.showDevServerJobTemplate("proj-1", "no-such-template")).getCode());
        assertEquals(404, assertThrows(ApiException.class, () -> jobs.showDevServerJobService("proj-1", "no-such-service")).getCode());
        assertEquals(400, assertThrows(ApiException.class, () -> jobs.showDevServerJobTemplate("proj-1", "bad_id")).getCode());
    }

    @Test
    void aCreateItemWithoutTypeIsRefusedByTheServerAndTheChecker() throws Exception {
        String body = "{\"name\":\"no-item-type\",\"server_ids\":[\"3384bdb0-2d31-4fe9-946e-09e776701d78\"],"
                + "\"type\":\"ASCEND_SOFTWARE_QUERY\",\"items\":[{}]}";
        HttpResponse<String> refused = send("POST", "/v1/proj-1/dev-servers/jobs", body);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("type"), refused.body());
        assertTrue(SPEC.validateAgainst("/components/schemas/DevServerJobCreateRequest", Body.of(JSON.readTree(body))).violations().stream()
                .anyMatch(v -> v.toString().contains("/items/0")), "the checker names the item");
    }
}
