package dev.jobsopenapi.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.specs.BundledSpec;

/** Generated list bodies of any number of jobs, built from the specs' documented jobs (ids made unique). */
final class Bodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {
    }

    /**
     * Whether a benchmark's {@code api} parameter names ModelArts ({@code modelarts}) or openYuanrong
     * ({@code openyuanrong}).
     *
     * @throws IllegalArgumentException for any other name, quoting it
     */
    static boolean isModelArts(String api) {
        return switch (api) {
            case "modelarts" -> true;
            case "openyuanrong" -> false;
            default -> throw new IllegalArgumentException("No such API: " + api);
        };
    }

    /** The bundled spec of the API a benchmark's {@code api} parameter names. */
    static BundledSpec spec(String api) {
        return isModelArts(api) ? BundledSpec.MODELARTS_DEVSERVER_JOBS : BundledSpec.OPENYUANRONG_JOBS;
    }

    /** A list body of the named API holding {@code jobs} jobs. */
    static String list(String api, int jobs) {
        return isModelArts(api) ? modelArtsList(jobs) : openYuanrongList(jobs);
    }

    /** A ModelArts job list page holding {@code jobs} jobs. */
    static String modelArtsList(int jobs) {
        JsonNode example = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS).example("listDevServerJobs", "200")
                .map(DocumentedExample::value).orElseThrow();
        ObjectNode page = example.deepCopy();
        ArrayNode data = page.putArray("data");
        for (int i = 0; i < jobs; i++) {
            ObjectNode job = example.get("data").get(i % example.get("data").size()).deepCopy();
            job.put("id", String.format("%08x-5cba-44d4-b29b-4dcc5d9dff51", i));
            data.add(job);
        }
        page.put("size", jobs).put("total", jobs);
        return page.toString();
    }

    /** An openYuanrong job list of {@code jobs} jobs, in every state the documented examples show. */
    static String openYuanrongList(int jobs) {
        JsonNode examples = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS).examples().stream()
                .filter(e -> e.operationId().equals("listJobs") && e.name().equals("everyState"))
                .findFirst().orElseThrow().value();
        ArrayNode list = JSON.createArrayNode();
        for (int i = 0; i < jobs; i++) {
            ObjectNode job = examples.get(i % examples.size()).deepCopy();
            job.put("submission_id", "app-" + i);
            list.add(job);
        }
        return list.toString();
    }
}
