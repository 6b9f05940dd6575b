package dev.jobsopenapi.reference;

import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.modelarts.client.ApiException;
import dev.jobsopenapi.modelarts.client.api.DevServerJobsApi;
import dev.jobsopenapi.modelarts.client.model.DevServerJobPage;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated interfaces, implemented by the reference resources, served by Jersey on the JDK HTTP server
 * and called through the generated clients; every successful live response is also checked against the spec.
 */
class ReferenceServerTest {

    private static final ApiContract MODELARTS = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ReferenceServer server;
    private static DevServerJobsApi modelArts;
    private static JobsApi openYuanrong;

    @BeforeAll
    static void start() {
        server = ReferenceServer.start("127.0.0.1", 0);
        dev.jobsopenapi.modelarts.client.ApiClient modelArtsClient = new dev.jobsopenapi.modelarts.client.ApiClient();
        modelArtsClient.updateBaseUri(server.baseUri().toString());
        modelArts = new DevServerJobsApi(modelArtsClient);
        dev.jobsopenapi.openyuanrong.client.ApiClient openYuanrongClient = new dev.jobsopenapi.openyuanrong.client.ApiClient();
        openYuanrongClient.updateBaseUri(server.baseUri().toString());
        openYuanrong = new JobsApi(openYuanrongClient);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode example(ApiContract contract, String operationId) {
        return contract.example(operationId, "200").orElseThrow().value();
    }

    /**
     * The jobs of every documented openYuanrong list example, as the frontend writes them: every field present,
     * a field the example leaves out (the seed's job has no {@code key}) holding Go's zero value.
     */
    static JsonNode documentedJobsAsTheFrontendWritesThem() {
        com.fasterxml.jackson.databind.node.ArrayNode jobs = JSON.createArrayNode();
        OPENYUANRONG.examples().stream()
                .filter(e -> e.operationId().equals("listJobs") && e.status().equals("200"))
                .forEach(e -> e.value().forEach(job -> {
                    com.fasterxml.jackson.databind.node.ObjectNode copy = job.deepCopy();
                    if (!copy.has("key")) {
                        copy.put("key", "");
                    }
                    jobs.add(copy);
                }));
        return jobs;
    }

    /** The same JSON without its {@code null} fields, as a client that writes no nulls gives it back. */
    static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).properties().removeIf(f -> f.getValue().isNull());
        }
        node.forEach(ReferenceServerTest::strip);
    }

    /** The model, written by the client's own mapper, as a JSON tree. */
    static JsonNode json(ObjectMapper clientMapper, Object model) throws Exception {
        return JSON.readTree(clientMapper.writeValueAsString(model));
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertConforms(HttpResponse<String> response) {
        ValidationResult result = (response.uri().getPath().startsWith("/api/") ? OPENYUANRONG : MODELARTS)
                .validateResponse(Target.route("GET", response.uri().getRawPath()), Integer.toString(response.statusCode()), response.headers().firstValue("Content-Type").orElse(""), Body.of(response.body()));
        assertTrue(result.isValid(), result::toString);
    }

    @Test
    void theClientReadsTheDocumentedListFromTheServer() throws Exception {
        DevServerJobPage page = modelArts.listDevServerJobs("proj-1", null, null, null, null, null);
        ObjectMapper mapper = new dev.jobsopenapi.modelarts.client.ApiClient().getObjectMapper();
        assertEquals(JSON.readTree(example(MODELARTS, "listDevServerJobs").toString()), json(mapper, page));
    }

    @Test
    void theClientReadsTheDocumentedDetailsFromTheServer() throws Exception {
        JsonNode expected = example(MODELARTS, "showDevServerJob");
        ObjectMapper mapper = new dev.jobsopenapi.modelarts.client.ApiClient().getObjectMapper();
        assertEquals(JSON.readTree(expected.toString()),
                json(mapper, modelArts.showDevServerJob("proj-1", expected.get("id").asText())));
    }

    @Test
    void theClientReadsTheDocumentedOpenYuanrongJobsFromTheServer() throws Exception {
        ObjectMapper mapper = new dev.jobsopenapi.openyuanrong.client.ApiClient().getObjectMapper();
        assertEquals(withoutNulls(documentedJobsAsTheFrontendWritesThem()), json(mapper, openYuanrong.listJobs()));
    }

    @Test
    void theServerWritesEveryFieldOfEveryJobNullsAndEmptyTimesIncludedAsTheFrontendDoes() throws Exception {
        HttpResponse<String> response = get("/api/jobs");
        assertConforms(response);
        JsonNode body = JSON.readTree(response.body());
        assertEquals(documentedJobsAsTheFrontendWritesThem(), body);
        List<String> specOrder = new java.util.ArrayList<>();
        OPENYUANRONG.document().at("/components/schemas/JobDetails/properties").fieldNames().forEachRemaining(specOrder::add);
        for (JsonNode job : body) {
            List<String> written = new java.util.ArrayList<>();
            job.fieldNames().forEachRemaining(written::add);
            assertEquals(specOrder, written, "every field, in the frontend's (and the spec's) order");
        }
        assertTrue(response.body().contains("\"metadata\":null"), response::body);
        assertTrue(response.body().contains("\"end_time\":\"\""), response::body);
    }

    @Test
    void everyListedJobHasDetails() throws Exception {
        for (var job : modelArts.listDevServerJobs("proj-1", null, null, null, null, null).getData()) {
            var details = modelArts.showDevServerJob("proj-1", job.getId());
            assertEquals(job.getName(), details.getName());
            assertEquals(job.getCreateAt(), details.getCreateAt());
        }
    }

    @Test
    void theListHonoursEveryFilter() throws Exception {
        JsonNode second = example(MODELARTS, "listDevServerJobs").at("/data/1");
        String id = second.get("id").asText();
        assertEquals(List.of(id), ids(modelArts.listDevServerJobs("p", id, null, null, null, null)));
        assertEquals(List.of(id), ids(modelArts.listDevServerJobs("p", null, second.get("name").asText(), null, null, null)));
        assertEquals(List.of(id), ids(modelArts.listDevServerJobs("p", null, null, second.get("type").asText(), null, null)));
        assertEquals(2, modelArts.listDevServerJobs("p", null, null, null, "FINISHED", true).getTotal());
        DevServerJobPage none = modelArts.listDevServerJobs("p", null, null, null, "RUNNING", null);
        assertEquals(List.of(), none.getData());
        assertEquals(0L, none.getTotal());
        assertEquals(0, none.getPages());
        assertEquals(List.of(), ids(modelArts.listDevServerJobs("p", null, null, null, null, false)));
        DevServerJobPage filtered = modelArts.listDevServerJobs("p", id, null, null, null, null);
        assertEquals(1, filtered.getSize());
        assertEquals(1L, filtered.getTotal());
        assertEquals(1, filtered.getCurrent());
    }

    private static List<String> ids(DevServerJobPage page) {
        return page.getData().stream().map(j -> j.getId()).toList();
    }

    @Test
    void everySuccessfulLiveResponseConformsToTheSpec() throws Exception {
        JsonNode details = example(MODELARTS, "showDevServerJob");
        for (String path : List.of("/v1/proj-1/dev-servers/jobs", "/v1/proj-1/dev-servers/jobs?status=FINISHED&visible=true",
                "/v1/proj-1/dev-servers/jobs?visible=false", "/v1/proj-1/dev-servers/jobs/" + details.get("id").asText(),
                "/v1/proj-1/dev-servers/jobs/" + example(MODELARTS, "listDevServerJobs").at("/data/0/id").asText(),
                "/api/jobs")) {
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode(), path);
            assertConforms(response);
        }
    }

    @Test
    void anUnknownJobIs404WithTheVendorErrorBody() throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> modelArts.showDevServerJob("proj-1", "no-such-job"));
        assertEquals(404, e.getCode());
        var error = e.getVendorError().orElseThrow();
        assertEquals("REFERENCE.NOT_FOUND", error.getErrorCode());
        assertTrue(error.getErrorMsg().contains("no-such-job"), error.toString());
        assertConforms(get("/v1/proj-1/dev-servers/jobs/no-such-job"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1/PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP/dev-servers/jobs|project_id",
            "/v1/bad%2Fid/dev-servers/jobs|project_id",
            "/v1//dev-servers/jobs|project_id",
            "/v1//dev-servers/jobs/job-1|project_id",
            "/v1/proj-1/dev-servers/jobs/IIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIIII|id",
            "/v1/proj-1/dev-servers/jobs?visible=maybe|visible",
            "/v1/proj-1/dev-servers/jobs?id=|id"})
    void invalidParametersAre400WithTheVendorErrorBodyNamingTheParameter(String pathAndParameter) throws Exception {
        String path = pathAndParameter.substring(0, pathAndParameter.indexOf('|'));
        String parameter = pathAndParameter.substring(pathAndParameter.indexOf('|') + 1);
        HttpResponse<String> response = get(path);
        assertEquals(400, response.statusCode(), () -> path + " -> " + response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals("REFERENCE.INVALID_PARAMETER", body.get("error_code").asText(), response.body());
        assertTrue(body.get("error_msg").asText().contains(parameter), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
        // By operation: a path with an empty segment matches no template of the spec.
        String operationId = path.contains("/jobs/") ? "showDevServerJob" : "listDevServerJobs";
        ValidationResult result = MODELARTS.validateResponse(Target.operation(operationId), "400", response.headers().firstValue("Content-Type").orElse(""), Body.of(response.body()));
        assertTrue(result.isValid(), result::toString);
    }

    @Test
    void theSixtyFiveCharacterParametersAreReallySixtyFive() {
        assertEquals(65, "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP".length());
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheVendorShapeOfTheirApi() throws Exception {
        HttpResponse<String> modelArtsMissing = get("/v1/proj-1/nothing");
        assertEquals(404, modelArtsMissing.statusCode());
        assertTrue(JSON.readTree(modelArtsMissing.body()).has("error_code"), modelArtsMissing.body());
        HttpResponse<String> openYuanrongMissing = get("/api/nothing");
        assertEquals(404, openYuanrongMissing.statusCode());
        assertTrue(JSON.readTree(openYuanrongMissing.body()).isTextual(), openYuanrongMissing.body());
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/p/dev-servers/jobs"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode());
        assertTrue(JSON.readTree(put.body()).has("error_code"), put.body());
        HttpResponse<String> deleteWithoutBody = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/p/dev-servers/jobs"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, deleteWithoutBody.statusCode(), deleteWithoutBody.body());
    }
}
