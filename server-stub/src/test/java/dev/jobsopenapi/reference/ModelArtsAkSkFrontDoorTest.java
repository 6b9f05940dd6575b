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
import dev.jobsopenapi.modelarts.client.model.ModelArtsError;
import dev.jobsopenapi.modelarts.client.model.ServerJobDeleteRequest;
import dev.jobsopenapi.signing.AkSkCredentials;
import dev.jobsopenapi.signing.AkSkSigner;
import dev.jobsopenapi.signing.AkSkSigningInterceptor;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference server with AK/SK credentials verifies every ModelArts request as Huawei Cloud's gateway does:
 * the generated client signing through its request hook calls every operation (the DELETE with a body
 * included); an unsigned request, a wrong SK, a tampered body, path or query, a missing signed header and a
 * date more than 15 minutes off are each refused with a 401 in the vendor's shape, which conforms to the spec.
 */
class ModelArtsAkSkFrontDoorTest {

    private static final ApiContract SPEC = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AkSkCredentials KEYS = AkSkCredentials.of("HPUAMOCKACCESSKEY", "mock-secret-key-0123456789").withProjectId("proj-1");

    private ReferenceServer server;

    @BeforeEach
    void start() {
        server = ReferenceServer.start("127.0.0.1", 0, FrontDoor.open().withAkSk(KEYS));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DevServerJobsApi client(java.util.function.Consumer<HttpRequest.Builder> signing) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.baseUri().toString());
        client.setRequestInterceptor(signing);
        client.setResponseInterceptor(ValidatingResponseInterceptor.failing(SPEC));
        return new DevServerJobsApi(client);
    }

    @Test
    void theSigningClientCallsEveryOperationIncludingTheDeleteWithABody() throws Exception {
        DevServerJobsApi jobs = client(AkSkSigningInterceptor.with(KEYS));
        assertEquals(2, jobs.listDevServerJobs("proj-1", null, null, null, "FINISHED", true).getData().size());
        assertFalse(jobs.listDevServerJobTemplates("proj-1", null, null, null).getData().isEmpty());
        DevServerJobCreateRequest request = JSON.treeToValue(
                SPEC.example("createDevServerJob", DocumentedExample.REQUEST).orElseThrow().value(), DevServerJobCreateRequest.class);
        DevServerJobDetails created = jobs.createDevServerJob("proj-1", request.name("signed-job").description("Signed request, with non-ASCII: é"));
        assertEquals(created.getId(), jobs.showDevServerJob("proj-1", created.getId()).getId());
        assertEquals(0, jobs.deleteDevServerJobs("proj-1", new ServerJobDeleteRequest().jobIds(List.of(created.getId(), "x y/é")))
                .getData().size(), "a job still processing is not deleted");
    }

    @Test
    void anUnsignedClientGetsTheGatewaysRefusal() {
        ApiException refused = assertThrows(ApiException.class,
                () -> client(request -> { }).listDevServerJobs("proj-1", null, null, null, null, null));
        assertEquals(401, refused.getCode());
        ModelArtsError error = refused.getVendorError().orElseThrow();
        assertEquals("APIGW.0301", error.getErrorCode());
        assertTrue(error.getErrorMsg().startsWith("Incorrect IAM authentication information: verify aksk signature fail, "), error.getErrorMsg());
        assertTrue(error.getRequestId().matches("[0-9a-f]{32}"), error.getRequestId());
    }

    @Test
    void aWrongSecretKeyAndAnUnknownAccessKeyAreRefused() {
        ApiException wrongSk = assertThrows(ApiException.class, () -> client(AkSkSigningInterceptor.with(
                AkSkCredentials.of(KEYS.accessKey(), "not-the-secret"))).listDevServerJobs("proj-1", null, null, null, null, null));
        assertEquals(401, wrongSk.getCode());
        assertTrue(wrongSk.getVendorError().orElseThrow().getErrorMsg().contains("the signature does not match"));
        ApiException unknown = assertThrows(ApiException.class, () -> client(AkSkSigningInterceptor.with(
                AkSkCredentials.of("OTHERKEY", "x"))).listDevServerJobs("proj-1", null, null, null, null, null));
        assertEquals("Incorrect IAM authentication information: Get secretKey failed,ak:******,err:ak not exist",
                unknown.getVendorError().orElseThrow().getErrorMsg());
    }

    @Test
    void aDateMoreThanFifteenMinutesOffIsRefused() {
        Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-16));
        ApiException refused = assertThrows(ApiException.class, () -> client(AkSkSigningInterceptor.with(AkSkSigner.of(KEYS).withClock(late)))
                .listDevServerJobs("proj-1", null, null, null, null, null));
        assertEquals(401, refused.getCode());
        assertTrue(refused.getVendorError().orElseThrow().getErrorMsg().contains("is more than 15 minutes from the server's time"));
    }

    /** Sends what was signed for one request with something changed, and returns the checked answer. */
    private JsonNode sendTampered(String method, String signedPathAndQuery, String sentPathAndQuery, String signedBody, String sentBody,
                                  Map<String, String> signedExtraHeaders) throws Exception {
        URI signedUri = URI.create(server.baseUri() + signedPathAndQuery);
        Map<String, List<String>> headers = new HashMap<>(Map.of("Content-Type", List.of("application/json")));
        signedExtraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        Map<String, String> signature = AkSkSigner.of(KEYS).sign(method, signedUri, headers, signedBody.getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + sentPathAndQuery))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(sentBody));
        signature.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode(), response.body());
        ValidationResult conforms = SPEC.validateResponse(Target.route(method, sentPathAndQuery), "401", response.headers().firstValue("Content-Type").orElse(""), Body.of(response.body()));
        assertTrue(conforms.isValid(), conforms::toString);
        return JSON.readTree(response.body());
    }

    @Test
    void aTamperedBodyPathOrQueryOrAMissingSignedHeaderIsRefusedInTheSpecsShape() throws Exception {
        String path = "/v1/proj-1/dev-servers/jobs";
        String body = "{\"job_ids\":[\"03af7361-5cba-44d4-b29b-4dcc5d9dff51\"]}";
        String other = "{\"job_ids\":[\"62c89f77-fc81-45a8-9647-d6e457e73954\"]}";
        assertTrue(sendTampered("DELETE", path, path, body, other, Map.of()).get("error_msg").asText().contains("the signature does not match"));
        assertTrue(sendTampered("DELETE", path, "/v1/proj-2/dev-servers/jobs", body, body, Map.of()).get("error_msg").asText()
                .contains("the signature does not match"));
        assertTrue(sendTampered("GET", path + "?status=FINISHED", path + "?status=FAILED", "", "", Map.of()).get("error_msg").asText()
                .contains("the signature does not match"));
        assertTrue(sendTampered("GET", path, path, "", "", Map.of("X-Request-Id", "r-1")).get("error_msg").asText()
                .contains("the signed header 'x-request-id' is not in the request"));
    }

    @Test
    void openYuanrongStaysOpenWhenOnlyModelArtsIsGuarded() throws Exception {
        HttpResponse<String> jobs = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/jobs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, jobs.statusCode());
    }
}
