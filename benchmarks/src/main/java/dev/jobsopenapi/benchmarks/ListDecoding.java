package dev.jobsopenapi.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.jobsopenapi.modelarts.client.model.DevServerJobPage;
import dev.jobsopenapi.openyuanrong.client.model.JobDetails;

import java.util.List;

/**
 * The ways of decoding one API's job list that are compared: into the generated client's models with the client's
 * own mapper (as {@code listDevServerJobs} and {@code listJobs} decode), the same with Jackson's Blackbird module
 * registered on that mapper (as docs/client.md shows), and plain untyped Jackson databind of the same text (maps, lists,
 * strings and numbers).
 */
final class ListDecoding {

    private final String api;
    private final boolean modelArts;
    private final ObjectMapper client;
    private final ObjectMapper clientWithBlackbird;
    private final ObjectMapper plain = new ObjectMapper();

    /** @param api {@code modelarts} or {@code openyuanrong} */
    ListDecoding(String api) {
        this.api = api;
        modelArts = Bodies.isModelArts(api);
        client = modelArts ? new dev.jobsopenapi.modelarts.client.ApiClient().getObjectMapper()
                : new dev.jobsopenapi.openyuanrong.client.ApiClient().getObjectMapper();
        clientWithBlackbird = client.copy().registerModule(new BlackbirdModule());
    }

    /** A generated list body of this API holding {@code jobs} jobs. */
    String body(int jobs) {
        return Bodies.list(api, jobs);
    }

    /** Into the generated models, with the client's own mapper and a type reference per call, as the client reads. */
    Object generatedModels(String body) throws Exception {
        return generatedModels(client, body);
    }

    /** Into the generated models, with the client's mapper and Blackbird registered on it. */
    Object generatedModelsWithBlackbird(String body) throws Exception {
        return generatedModels(clientWithBlackbird, body);
    }

    private Object generatedModels(ObjectMapper mapper, String body) throws Exception {
        return modelArts ? mapper.readValue(body, new TypeReference<DevServerJobPage>() { })
                : mapper.readValue(body, new TypeReference<List<JobDetails>>() { });
    }

    /** Plain, untyped databind. */
    Object plainDatabind(String body) throws Exception {
        return plain.readValue(body, Object.class);
    }
}
