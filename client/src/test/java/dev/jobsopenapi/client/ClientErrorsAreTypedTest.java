package dev.jobsopenapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.modelarts.client.api.DevServerJobsApi;
import dev.jobsopenapi.modelarts.client.model.ModelArtsError;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every error surfaces as the API's own exception type with the HTTP status, the decoded vendor error and the
 * raw body; a body that is not the documented shape still gives the exception, with the raw text.
 */
class ClientErrorsAreTypedTest {

    private static DevServerJobsApi modelArts(CannedResponseServer server) {
        return new DevServerJobsApi(server.modelArtsClient());
    }

    private static JobsApi openYuanrong(CannedResponseServer server) {
        return server.openYuanrongJobs();
    }

    @Test
    void aModelArtsErrorBodyIsDecoded() throws Exception {
        String body = "{\"error_code\":\"ModelArts.0001\",\"error_msg\":\"job not found\",\"request_id\":\"r-1\"}";
        try (CannedResponseServer server = new CannedResponseServer(404, "application/json", body)) {
            dev.jobsopenapi.modelarts.client.ApiException e = assertThrows(dev.jobsopenapi.modelarts.client.ApiException.class,
                    () -> modelArts(server).showDevServerJob("proj-1", "job-1"));
            assertEquals(404, e.getCode());
            ModelArtsError error = e.getVendorError().orElseThrow();
            assertEquals("ModelArts.0001", error.getErrorCode());
            assertEquals("job not found", error.getErrorMsg());
            assertEquals(body, e.getResponseBody());
        }
    }

    @Test
    void anOpenYuanrongErrorStringIsDecoded() throws Exception {
        JsonNode notFound = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS).example("getJob", "404").orElseThrow().value();
        try (CannedResponseServer server = new CannedResponseServer(404, "application/json", notFound.toString())) {
            dev.jobsopenapi.openyuanrong.client.ApiException e = assertThrows(dev.jobsopenapi.openyuanrong.client.ApiException.class,
                    () -> openYuanrong(server).getJob("app-1"));
            assertEquals(404, e.getCode());
            assertEquals(Optional.of(notFound.asText()), e.getVendorError());
            assertEquals(notFound.toString(), e.getResponseBody());
        }
    }

    @Test
    void aBodyOfAnotherShapeStillGivesTheTypedExceptionWithTheRawText() throws Exception {
        String html = "<html><body>502 Bad Gateway</body></html>";
        try (CannedResponseServer server = new CannedResponseServer(502, "text/html", html)) {
            dev.jobsopenapi.modelarts.client.ApiException e = assertThrows(dev.jobsopenapi.modelarts.client.ApiException.class,
                    () -> modelArts(server).listDevServerJobs("proj-1", null, null, null, null, null));
            assertEquals(502, e.getCode());
            assertEquals(Optional.empty(), e.getVendorError());
            assertEquals(html, e.getResponseBody());
        }
        for (String body : new String[] {"{\"error_code\":\"X\"}", "\"a string\"", "{\"message\":\"other\"}", ""}) {
            try (CannedResponseServer server = new CannedResponseServer(500, "application/json", body)) {
                dev.jobsopenapi.modelarts.client.ApiException e = assertThrows(dev.jobsopenapi.modelarts.client.ApiException.class,
                        () -> modelArts(server).showDevServerJob("p", "j"));
                assertEquals(Optional.empty(), e.getVendorError(), body);
            }
        }
        try (CannedResponseServer server = new CannedResponseServer(500, "application/json", "{\"error_code\":\"X\",\"error_msg\":\"Y\"}")) {
            dev.jobsopenapi.openyuanrong.client.ApiException e = assertThrows(dev.jobsopenapi.openyuanrong.client.ApiException.class,
                    () -> openYuanrong(server).stopJob("app-1"));
            assertEquals(Optional.empty(), e.getVendorError());
            assertEquals(500, e.getCode());
        }
    }
}
