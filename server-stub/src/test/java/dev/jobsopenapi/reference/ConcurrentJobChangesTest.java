package dev.jobsopenapi.reference;

import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many threads submit, stop, delete and read the same and different openYuanrong jobs at once on the reference
 * server (loopback, bounded in count and time). No job is lost or duplicated, the final states agree with the
 * answers each thread got, and every answer conforms to the spec.
 */
class ConcurrentJobChangesTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 60;
    private static final List<String> SHARED_IDS = List.of("race-a", "race-b", "race-c", "race-d");
    private static final ApiContract SPEC = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one call answered. */
    record Outcome(String operation, String id, int status, String body) {
    }

    @Test
    void concurrentSubmitsStopsAndDeletesLoseNothingAndEveryAnswerConforms() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> nonConforming = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    Random random = new Random(20261125L + thread);
                    for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
                        String id = random.nextInt(3) == 0 ? "own-" + thread + "-" + i : SHARED_IDS.get(random.nextInt(SHARED_IDS.size()));
                        String appId = "app-" + id;
                        String[] call = switch (random.nextInt(5)) {
                            case 0, 1 -> new String[] {"submit", "POST", "/api/jobs",
                                    "{\"entrypoint\":\"python a.py\",\"submission_id\":\"" + id + "\",\"runtime_env\":{\"working_dir\":\"w\"}}"};
                            case 2 -> new String[] {"stop", "POST", "/api/jobs/" + appId + "/stop", null};
                            case 3 -> new String[] {"delete", "DELETE", "/api/jobs/" + appId, null};
                            default -> new String[] {"get", "GET", "/api/jobs/" + appId, null};
                        };
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + call[2]))
                                .timeout(Duration.ofSeconds(30))
                                .method(call[1], call[3] == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call[3]));
                        if (call[3] != null) {
                            request.header("Content-Type", "application/json");
                        }
                        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                        calls.incrementAndGet();
                        ValidationResult result = SPEC.validateResponse(Target.route(call[1], call[2]), Integer.toString(response.statusCode()), response.headers().firstValue("Content-Type").orElse(""), Body.of(response.body()));
                        if (!result.isValid()) {
                            nonConforming.add(result.toString());
                        }
                        outcomes.add(new Outcome(call[0], appId, response.statusCode(), response.body()));
                    }
                    return null;
                }));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES), "the calls did not finish in time");
            for (Future<?> worker : workers) {
                worker.get();
            }

            assertEquals(List.of(), List.copyOf(nonConforming));
            assertEquals(THREADS * OPERATIONS_PER_THREAD, calls.get());

            JsonNode listed = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/jobs")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            Map<String, JsonNode> byId = new HashMap<>();
            for (JsonNode job : listed) {
                JsonNode previous = byId.put(job.get("submission_id").asText(), job);
                assertEquals(null, previous, "a job is listed twice: " + job.get("submission_id"));
            }
            Map<String, Integer> accepted = new HashMap<>();
            Map<String, Integer> deleted = new HashMap<>();
            Map<String, Integer> stopped = new HashMap<>();
            for (Outcome outcome : outcomes) {
                boolean ok = outcome.status() == 200;
                switch (outcome.operation()) {
                    case "submit" -> { if (ok) { accepted.merge(outcome.id(), 1, Integer::sum); } }
                    case "delete" -> { if (ok && outcome.body().equals("true")) { deleted.merge(outcome.id(), 1, Integer::sum); } }
                    case "stop" -> { if (ok && outcome.body().equals("true")) { stopped.merge(outcome.id(), 1, Integer::sum); } }
                    default -> { }
                }
            }
            for (String id : accepted.keySet()) {
                int created = accepted.get(id);
                int removed = deleted.getOrDefault(id, 0);
                assertTrue(created - removed == 0 || created - removed == 1, id + ": created " + created + ", deleted " + removed);
                assertEquals(created - removed == 1, byId.containsKey(id), id + ": listed as the answers say");
                assertTrue(stopped.getOrDefault(id, 0) <= created, id + ": stopped more often than it ran");
                if (byId.containsKey(id)) {
                    String status = byId.get(id).get("status").asText();
                    assertTrue(status.equals("RUNNING") || status.equals("STOPPED"), id + " " + status);
                }
            }
            assertTrue(accepted.size() > 10, "only " + accepted.size() + " jobs were ever accepted");
        }
    }
}
