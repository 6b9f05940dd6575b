package dev.jobsopenapi.mock.junit;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.Violation;
import dev.jobsopenapi.reference.Fault;
import dev.jobsopenapi.reference.Faults;
import dev.jobsopenapi.signing.AkSkCredentials;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** The extension starts a fresh mock per test, injects its address, applies faults, and demands credentials when told. */
class MockServerExtensionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);

    @RegisterExtension
    static MockServerExtension mock = MockServerExtension.create();

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static ValidationResult listJobs(URI baseUri) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(baseUri.resolve("/api/jobs")));
        return OPENYUANRONG.validateResponse(Target.operation("listJobs"), Integer.toString(answer.statusCode()),
                answer.headers().firstValue("Content-Type").orElse(""), Body.of(answer.body()));
    }

    @Test
    void theBaseUriIsInjectedAndTheAnswersConform(URI baseUri) throws Exception {
        assertEquals(mock.baseUri(), baseUri);
        assertTrue(baseUri.toString().startsWith("http://127.0.0.1:"), baseUri::toString);
        ValidationResult result = listJobs(baseUri);
        assertTrue(result.isValid(), result::toString);
    }

    @Test
    void aDroppedRequiredFieldIsAViolationNamingIt(Faults faults) throws Exception {
        faults.inject("listJobs", Fault.drop("/0/status"));
        List<Violation> violations = listJobs(mock.baseUri()).violations();
        assertEquals(1, violations.size(), violations::toString);
        assertEquals("/0/status", violations.get(0).pointer());
    }

    @Test
    void withAkSkUnsignedModelArtsRequestsAreRefused() {
        var result = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SignedMock.class)).execute();
        result.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void eachTestHasAFreshServerWithoutTheFaultsOrChangesOfTheOneBefore() {
        var result = EngineTestKit.engine("junit-jupiter").selectors(selectClass(TwoTestsInOrder.class)).execute();
        result.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    /** Run by the test kit only. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class TwoTestsInOrder {

        @RegisterExtension
        MockServerExtension server = MockServerExtension.create();

        @Test
        @Order(1)
        void breaksAndDeletes(URI baseUri) throws Exception {
            server.inject("listJobs", Fault.status(503));
            String id = "app-fe4ee1e5-d24f-4236-be15-7654e3c2229b";
            assertEquals(200, send(HttpRequest.newBuilder(baseUri.resolve("/api/jobs/" + id)).DELETE()).statusCode());
            assertEquals(503, send(HttpRequest.newBuilder(baseUri.resolve("/api/jobs"))).statusCode());
        }

        @Test
        @Order(2)
        void seesTheDocumentedJobsAgain(URI baseUri) throws Exception {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(baseUri.resolve("/api/jobs")));
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("app-fe4ee1e5-d24f-4236-be15-7654e3c2229b"), answer.body());
        }
    }

    @Test
    void theAnnotationAloneGivesEachTestAnOpenServer() {
        var result = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Annotated.class)).execute();
        result.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    /** Run by the test kit only. */
    @MockServerTest
    static class Annotated {

        @Test
        void listsTheDocumentedJobs(URI baseUri) throws Exception {
            assertTrue(listJobs(baseUri).isValid());
            assertEquals(200, send(HttpRequest.newBuilder(baseUri.resolve("/v1/p/dev-servers/jobs"))).statusCode());
        }
    }

    /** Run by the test kit only. */
    static class SignedMock {

        @RegisterExtension
        MockServerExtension signed = MockServerExtension.create().withAkSk(AkSkCredentials.of("AK", "SK-secret"));

        @Test
        void unsignedIsRefused() throws Exception {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(signed.baseUri().resolve("/v1/p/dev-servers/jobs")));
            assertEquals(401, answer.statusCode(), answer.body());
        }
    }
}
