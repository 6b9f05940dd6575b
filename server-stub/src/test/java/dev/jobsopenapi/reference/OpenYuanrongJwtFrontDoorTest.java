package dev.jobsopenapi.reference;

import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.http.ValidatingResponseInterceptor;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.openyuanrong.client.ApiClient;
import dev.jobsopenapi.openyuanrong.client.ApiException;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference server with a JWT secret guards the openYuanrong jobs as the frontend does in IAM mode: a
 * developer token in {@code X-Auth}, the {@code token} query parameter or the {@code iam_token} cookie is let
 * through; no token, a token that is not a JWT, another role, another secret or an expired token get a 401 with
 * {@code {"error": ...}} (conforming to the spec), or an HTML page for a browser.
 */
class OpenYuanrongJwtFrontDoorTest {

    private static final ApiContract SPEC = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "mock-jwt-secret-0123456789abcdef";
    private static final Instant IN_AN_HOUR = Instant.now().plus(Duration.ofHours(1));

    private ReferenceServer server;

    @BeforeEach
    void start() {
        server = ReferenceServer.start("127.0.0.1", 0, FrontDoor.open().withJwtSecret(SECRET));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theClientSendsTheTokenInOneLineAndCallsEveryOperation() throws Exception {
        String token = FrontendJwt.mint(SECRET, "tenant-1", "developer", IN_AN_HOUR);
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.baseUri().toString());
        client.setRequestInterceptor(request -> request.header("X-Auth", token));
        client.setResponseInterceptor(ValidatingResponseInterceptor.failing(SPEC));
        JobsApi jobs = new JobsApi(client);
        assertFalse(jobs.listJobs().isEmpty());
        String id = jobs.submitJob(new dev.jobsopenapi.openyuanrong.client.model.JobSubmitRequest()
                .entrypoint("python a.py").submissionId("jwt-demo")
                .runtimeEnv(new dev.jobsopenapi.openyuanrong.client.model.SubmitRuntimeEnv().workingDir("file:///w")), null, null).getSubmissionId();
        assertEquals("RUNNING", jobs.getJob(id).getStatus());
        assertTrue(jobs.stopJob(id));
        assertTrue(jobs.deleteJob(id));
    }

    private JsonNode refused(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode(), response.body());
        ValidationResult conforms = SPEC.validateResponse(Target.route("GET", "/api/jobs"), "401", response.headers().firstValue("Content-Type").orElse(""), Body.of(response.body()));
        assertTrue(conforms.isValid(), conforms::toString);
        return JSON.readTree(response.body()).get("error");
    }

    private HttpRequest.Builder list(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/jobs"));
        return token == null ? request : request.header("X-Auth", token);
    }

    @Test
    void eachRefusalIsTheFrontendsMessageInAnObject() throws Exception {
        assertEquals("Authentication failed: no token provided. Please enter a valid JWT token.", refused(list(null)).asText());
        assertEquals("Authentication failed: invalid or malformed token (invalid JWT format: expected Header.Payload.Signature, got 1 parts)",
                refused(list("not-a-jwt")).asText());
        assertEquals("Authentication failed: role user is not authorized to access this resource",
                refused(list(FrontendJwt.mint(SECRET, "tenant-1", "user", IN_AN_HOUR))).asText());
        assertEquals("Authentication failed: IAM server validation failed (the token's signature does not verify)",
                refused(list(FrontendJwt.mint("another-secret", "tenant-1", "developer", IN_AN_HOUR))).asText());
        assertTrue(refused(list(FrontendJwt.mint(SECRET, "tenant-1", "developer", Instant.now().minusSeconds(60)))).asText()
                .startsWith("Authentication failed: IAM server validation failed (the token expired at "));
    }

    @Test
    void theTokenIsAlsoReadFromTheQueryAndTheCookie() throws Exception {
        String token = FrontendJwt.mint(SECRET, "tenant-1", "developer", IN_AN_HOUR);
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/jobs?token=" + token)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, HTTP.send(list(null).header("Cookie", "iam_token=" + token).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void aBrowserGetsAnHtmlPage() throws Exception {
        HttpResponse<String> page = HTTP.send(list(null).header("Accept", "text/html,application/xhtml+xml").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("Authentication failed: no token provided."), page.body());
    }

    @Test
    void theGeneratedClientWithoutATokenSeesTheObjectBody() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.baseUri().toString());
        ApiException refused = assertThrows(ApiException.class, () -> new JobsApi(client).listJobs());
        assertEquals(401, refused.getCode());
        assertTrue(refused.getResponseBody().contains("\"error\":\"Authentication failed: no token provided."), refused.getResponseBody());
    }
}
