package dev.jobsopenapi.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.openyuanrong.client.ApiClient;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.openyuanrong.client.model.JobDetails;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The one call the client benchmarks make, {@code GET /api/jobs/{id}} with its answer read into {@code JobDetails},
 * three ways: through the generated client, and raw with {@code java.net.http} + Jackson reading the body with
 * {@code ofByteArray()} or with {@code ofInputStream()} (as the generated client reads it). The raw calls send the
 * request the generated client sends.
 */
final class JobCall {

    static final String JOB = "app-fe4ee1e5-d24f-4236-be15-7654e3c2229b";

    private final JobsApi generated;
    private final HttpClient raw;
    private final HttpClient rawStreamed;
    private final HttpRequest request;
    private final ObjectMapper json;

    /**
     * @param generatedClient builds the generated client's {@code HttpClient}
     * @param raw             the client of the raw call that reads the body with {@code ofByteArray()}
     * @param rawStreamed     the client of the raw call that reads it with {@code ofInputStream()}
     */
    JobCall(String baseUri, HttpClient.Builder generatedClient, HttpClient raw, HttpClient rawStreamed) {
        ApiClient client = new ApiClient();
        client.setHttpClientBuilder(generatedClient);
        client.updateBaseUri(baseUri);
        this.generated = new JobsApi(client);
        this.raw = raw;
        this.rawStreamed = rawStreamed;
        this.request = HttpRequest.newBuilder(URI.create(baseUri + "/api/jobs/" + JOB))
                .header("Accept", "application/json").GET().build();
        this.json = client.getObjectMapper();
    }

    JobDetails generated() throws Exception {
        return generated.getJob(JOB);
    }

    JobDetails raw() throws Exception {
        return json.readValue(raw.send(request, HttpResponse.BodyHandlers.ofByteArray()).body(), JobDetails.class);
    }

    JobDetails rawStreamed() throws Exception {
        try (InputStream body = rawStreamed.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
            return json.readValue(body.readAllBytes(), JobDetails.class);
        }
    }
}
