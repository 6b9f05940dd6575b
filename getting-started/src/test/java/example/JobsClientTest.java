package example;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ConformanceLog;
import dev.jobsopenapi.conformance.http.ValidatingResponseInterceptor;
import dev.jobsopenapi.conformance.junit.ConformanceExtension;
import dev.jobsopenapi.mock.junit.MockServerTest;
import dev.jobsopenapi.openyuanrong.client.ApiClient;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.specs.BundledSpec;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@MockServerTest   // a fresh mock server of both APIs for each test, on a free port
class JobsClientTest {

    // Fails the test if an answer does not conform, or if nothing was checked at all.
    @RegisterExtension
    static ConformanceExtension conformance = ConformanceExtension.requiringChecked(1);

    @Test
    void theJobListConforms(URI server, ConformanceLog log) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString());   // later: your own deployment
        client.setResponseInterceptor(
                ValidatingResponseInterceptor.collecting(ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS), log));

        new JobsApi(client).listJobs();            // every answer is checked against the spec as it arrives
    }
}
