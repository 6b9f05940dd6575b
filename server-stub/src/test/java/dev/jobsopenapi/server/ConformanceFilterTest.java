package dev.jobsopenapi.server;

import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.http.ConformanceFilter;
import com.sun.net.httpserver.HttpServer;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ConformanceLog;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.conformance.http.ValidatingResponseInterceptor;
import dev.jobsopenapi.openyuanrong.client.ApiClient;
import dev.jobsopenapi.openyuanrong.client.ApiException;
import dev.jobsopenapi.openyuanrong.server.api.JobsApi;
import dev.jobsopenapi.openyuanrong.server.model.JobDetails;
import dev.jobsopenapi.openyuanrong.server.model.JobSubmitRequest;
import dev.jobsopenapi.openyuanrong.server.model.JobSubmitResponse;
import dev.jobsopenapi.reference.ReferenceServer;
import dev.jobsopenapi.specs.BundledSpec;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server-side {@link ConformanceFilter} on the reference server (everything conforms) and on a deliberately
 * wrong implementation of the generated interface (each break is reported at its field), next to the
 * client-side {@link ValidatingResponseInterceptor}.
 */
class ConformanceFilterTest {

    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final ApiContract MODELARTS = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);

    /** Breaks the contract on purpose: a job without its required status, a time as a number, a 200 string. */
    public static final class WrongJobs implements JobsApi {
        @Override
        public List<JobDetails> listJobs() {
            return List.of(new JobDetails().submissionId("app-1").driverExitCode(0));
        }

        @Override
        public JobSubmitResponse submitJob(JobSubmitRequest request, String tenantId, String poolLabel) {
            return new JobSubmitResponse();
        }

        @Override
        public JobDetails getJob(String submissionId) {
            return new JobDetails().submissionId(submissionId).status("RUNNING")
                    .startTime(dev.jobsopenapi.types.Timestamp.ofNumber(1755484077));
        }

        @Override
        public Boolean stopJob(String submissionId) {
            return true;
        }

        @Override
        public Boolean deleteJob(String submissionId) {
            return true;
        }
    }

    private static ApiClient client(URI base, java.util.function.UnaryOperator<HttpResponse<java.io.InputStream>> interceptor) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString());
        client.setResponseInterceptor(interceptor);
        return client;
    }

    @Test
    void theReferenceServerPassesTheServerAndTheClientChecks() throws Exception {
        ConformanceLog serverLog = new ConformanceLog();
        ConformanceLog clientLog = new ConformanceLog();
        ResourceConfig application = ReferenceServer.application().register(new ConformanceFilter(serverLog, MODELARTS, OPENYUANRONG));
        HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), application);
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            var jobs = new dev.jobsopenapi.openyuanrong.client.api.JobsApi(client(base,
                    ValidatingResponseInterceptor.collecting(OPENYUANRONG, clientLog)));
            jobs.listJobs();
            String id = jobs.submitJob(new dev.jobsopenapi.openyuanrong.client.model.JobSubmitRequest().entrypoint("python a.py")
                    .runtimeEnv(new dev.jobsopenapi.openyuanrong.client.model.SubmitRuntimeEnv().workingDir("w")), null, null)
                    .getSubmissionId();
            jobs.stopJob(id);
            jobs.deleteJob(id);
            assertEquals(404, assertThrows(ApiException.class, () -> jobs.getJob(id)).getCode());

            serverLog.assertAllConform();
            clientLog.assertAllConform();
            assertEquals(5, clientLog.results().size(), clientLog.results()::toString);
            assertEquals(10, serverLog.results().size(), "5 requests (line and body), 5 answers: " + serverLog.results());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWrongImplementationIsReportedAtEachBrokenField() throws Exception {
        ConformanceLog serverLog = new ConformanceLog();
        ResourceConfig application = new ResourceConfig().register(new WrongJobs()).register(JacksonFeature.withoutExceptionMappers())
                .register(new ConformanceFilter(serverLog, OPENYUANRONG));
        HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), application);
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/api/jobs", "/api/jobs/app-1")) {
                http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            }
            List<String> pointers = serverLog.failures().stream().flatMap(r -> r.violations().stream())
                    .map(v -> v.pointer()).toList();
            assertTrue(pointers.contains("/0/status"), pointers::toString);
            assertTrue(pointers.contains("/start_time"), pointers::toString);
            AssertionFailedError failure = assertThrows(AssertionFailedError.class, serverLog::assertAllConform);
            assertTrue(failure.getMessage().contains("2 of 4 checked messages do not conform"), failure.getMessage());

            var failing = new dev.jobsopenapi.openyuanrong.client.api.JobsApi(client(base, ValidatingResponseInterceptor.failing(OPENYUANRONG)));
            AssertionFailedError clientSide = assertThrows(AssertionFailedError.class, failing::listJobs);
            assertTrue(clientSide.getMessage().contains("/0/status"), clientSide.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void everyRecordedCheckIsKeptInOrder() {
        ConformanceLog log = new ConformanceLog();
        log.record(new ValidationResult("a", List.of()));
        log.record(OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of("{}")));
        assertEquals(2, log.results().size());
        assertEquals(1, log.failures().size());
        log.clear();
        log.assertAllConform();
    }
}
