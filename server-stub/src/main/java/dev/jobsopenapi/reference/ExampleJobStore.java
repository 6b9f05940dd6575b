package dev.jobsopenapi.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.modelarts.server.model.DevServerJobDetails;
import dev.jobsopenapi.modelarts.server.model.DevServerJobListResponse;
import dev.jobsopenapi.modelarts.server.model.DevServerJobTemplate;
import dev.jobsopenapi.openyuanrong.server.model.JobDetails;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs the reference server serves, read from the documented examples of the specs (never
 * copied into code): the ModelArts list example's jobs, the ModelArts details example, the ModelArts job
 * templates example, and the jobs of every
 * openYuanrong list example (the vendor's finished job, and one pending, running, failed and stopped job).
 *
 * <p>Every listed ModelArts job also has details (its list fields, no items or tasks); the details example's
 * job has its full details but is not listed, as the vendor's list example does not list it.
 */
public final class ExampleJobStore {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final List<DevServerJobListResponse> modelArtsJobs;
    private final Map<String, DevServerJobDetails> modelArtsDetails;
    private final List<DevServerJobTemplate> modelArtsTemplates;
    private final List<JobDetails> openYuanrongJobs;

    private ExampleJobStore(List<DevServerJobListResponse> modelArtsJobs, Map<String, DevServerJobDetails> modelArtsDetails,
                            List<DevServerJobTemplate> modelArtsTemplates, List<JobDetails> openYuanrongJobs) {
        this.modelArtsJobs = List.copyOf(modelArtsJobs);
        this.modelArtsDetails = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modelArtsDetails));
        this.modelArtsTemplates = List.copyOf(modelArtsTemplates);
        this.openYuanrongJobs = List.copyOf(openYuanrongJobs);
    }

    /** A store seeded from the examples of these (already loaded) ModelArts and openYuanrong contracts. */
    public static ExampleJobStore from(ApiContract modelArts, ApiContract openYuanrong) {

        List<DevServerJobListResponse> listed = MAPPER.convertValue(
                example(modelArts, "listDevServerJobs", "200").get("data"), new TypeReference<>() { });
        Map<String, DevServerJobDetails> details = new LinkedHashMap<>();
        for (DevServerJobListResponse job : listed) {
            details.put(job.getId(), MAPPER.convertValue(job, DevServerJobDetails.class));
        }
        DevServerJobDetails shown = MAPPER.convertValue(example(modelArts, "showDevServerJob", "200"), DevServerJobDetails.class);
        details.put(shown.getId(), shown);

        Map<String, JobDetails> jobs = new LinkedHashMap<>();
        openYuanrong.examples().stream()
                .filter(e -> e.operationId().equals("listJobs") && e.status().equals("200"))
                .flatMap(e -> MAPPER.convertValue(e.value(), new TypeReference<List<JobDetails>>() { }).stream())
                .forEach(job -> jobs.putIfAbsent(job.getSubmissionId(), job));
        if (jobs.isEmpty()) {
            throw new IllegalStateException(openYuanrong.name() + " documents no job in its listJobs examples");
        }
        List<DevServerJobTemplate> templates = MAPPER.convertValue(
                example(modelArts, "listDevServerJobTemplates", "200").get("data"), new TypeReference<>() { });
        return new ExampleJobStore(listed, details, templates, new ArrayList<>(jobs.values()));
    }

    private static JsonNode example(ApiContract contract, String operationId, String status) {
        return contract.example(operationId, status).map(DocumentedExample::value).orElseThrow(() ->
                new IllegalStateException(contract.name() + " documents no " + status + " example for " + operationId));
    }

    /** The listed ModelArts jobs, each a fresh copy. */
    public List<DevServerJobListResponse> modelArtsJobs() {
        List<DevServerJobListResponse> copies = new ArrayList<>();
        modelArtsJobs.forEach(job -> copies.add(copy(job, DevServerJobListResponse.class)));
        return copies;
    }

    /** Every ModelArts job with details (the listed ones, then the details example's), each a fresh copy. */
    public List<DevServerJobDetails> modelArtsDetails() {
        List<DevServerJobDetails> copies = new ArrayList<>();
        modelArtsDetails.values().forEach(job -> copies.add(copy(job, DevServerJobDetails.class)));
        return copies;
    }

    /** The documented ModelArts job templates, each a fresh copy. */
    public List<DevServerJobTemplate> modelArtsTemplates() {
        List<DevServerJobTemplate> copies = new ArrayList<>();
        modelArtsTemplates.forEach(template -> copies.add(copy(template, DevServerJobTemplate.class)));
        return copies;
    }

    /** The openYuanrong jobs, each a fresh copy. */
    public List<JobDetails> openYuanrongJobs() {
        List<JobDetails> copies = new ArrayList<>();
        openYuanrongJobs.forEach(job -> copies.add(copy(job, JobDetails.class)));
        return copies;
    }

    private static <T> T copy(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }
}
