package dev.jobsopenapi.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.modelarts.client.api.DevServerJobsApi;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of requests from many threads through the generated clients: every response is the right one
 * and none is lost. Bounded in count (16 threads x 250 requests) and in time (the pool must finish in 2 minutes).
 */
class ConcurrentClientsTest {

    private static final int THREADS = 16;
    private static final int REQUESTS_PER_THREAD = 250;

    @Test
    void manyThreadsGetTheRightAnswerEveryTime() throws Exception {
        ApiContract modelArtsSpec = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
        ObjectMapper json = new ObjectMapper();
        JsonNode listExample = json.readTree(ReferenceServerTest.example(modelArtsSpec, "listDevServerJobs").toString());
        JsonNode detailsExample = json.readTree(ReferenceServerTest.example(modelArtsSpec, "showDevServerJob").toString());
        JsonNode jobsExample = ReferenceServerTest.withoutNulls(ReferenceServerTest.documentedJobsAsTheFrontendWritesThem());

        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            dev.jobsopenapi.modelarts.client.ApiClient modelArtsClient = new dev.jobsopenapi.modelarts.client.ApiClient();
            modelArtsClient.updateBaseUri(server.baseUri().toString());
            DevServerJobsApi modelArts = new DevServerJobsApi(modelArtsClient);
            ObjectMapper modelArtsMapper = modelArtsClient.getObjectMapper();
            dev.jobsopenapi.openyuanrong.client.ApiClient openYuanrongClient = new dev.jobsopenapi.openyuanrong.client.ApiClient();
            openYuanrongClient.updateBaseUri(server.baseUri().toString());
            JobsApi openYuanrong = new JobsApi(openYuanrongClient);
            ObjectMapper openYuanrongMapper = openYuanrongClient.getObjectMapper();

            AtomicInteger correct = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        switch ((thread + i) % 3) {
                            case 0 -> assertEquals(listExample, json.readTree(modelArtsMapper.writeValueAsString(
                                    modelArts.listDevServerJobs("proj-" + thread, null, null, null, null, null))));
                            case 1 -> assertEquals(detailsExample, json.readTree(modelArtsMapper.writeValueAsString(
                                    modelArts.showDevServerJob("proj-" + thread, detailsExample.get("id").asText()))));
                            default -> assertEquals(jobsExample, json.readTree(openYuanrongMapper.writeValueAsString(
                                    openYuanrong.listJobs())));
                        }
                        correct.incrementAndGet();
                    }
                    return null;
                }));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES), "the requests did not finish in time");
            for (Future<?> worker : workers) {
                worker.get();
            }
            assertEquals(THREADS * REQUESTS_PER_THREAD, correct.get());
        }
    }
}
