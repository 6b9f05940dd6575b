package dev.jobsopenapi.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.BundledSpec;
import dev.jobsopenapi.specs.SpecTree;
import dev.jobsopenapi.modelarts.server.model.DevServerJobDetails;
import dev.jobsopenapi.modelarts.server.model.DevServerJobListResponse;
import dev.jobsopenapi.modelarts.server.model.DevServerJobService;
import dev.jobsopenapi.modelarts.server.model.DevServerJobTemplate;
import dev.jobsopenapi.modelarts.server.model.DevServerJobTemplateDetails;
import dev.jobsopenapi.openyuanrong.server.model.JobDetails;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs the reference server serves, read from the documented examples of the specs (never
 * copied into code): the ModelArts list example's jobs, the ModelArts details example, the ModelArts job
 * templates example with the template details example, the ModelArts deployed-service example, and the jobs of every
 * openYuanrong list example (the vendor's finished job, and one pending, running, failed and stopped job).
 *
 * <p>Every listed ModelArts job also has details (its list fields, no items or tasks); the details example's
 * job has its full details but is not listed, as the vendor's list example does not list it.
 */
public final class ExampleJobStore {

    private final List<DevServerJobListResponse> modelArtsJobs;
    private final Map<String, DevServerJobDetails> modelArtsDetails;
    private final List<DevServerJobTemplate> modelArtsTemplates;
    private final Map<String, DevServerJobTemplateDetails> modelArtsTemplateDetails;
    private final Map<String, DevServerJobService> modelArtsServices;
    private final List<JobDetails> openYuanrongJobs;

    private ExampleJobStore(List<DevServerJobListResponse> modelArtsJobs, Map<String, DevServerJobDetails> modelArtsDetails,
                            List<DevServerJobTemplate> modelArtsTemplates, Map<String, DevServerJobTemplateDetails> modelArtsTemplateDetails,
                            Map<String, DevServerJobService> modelArtsServices, List<JobDetails> openYuanrongJobs) {
        this.modelArtsJobs = List.copyOf(modelArtsJobs);
        this.modelArtsDetails = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modelArtsDetails));
        this.modelArtsTemplates = List.copyOf(modelArtsTemplates);
        this.modelArtsTemplateDetails = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modelArtsTemplateDetails));
        this.modelArtsServices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modelArtsServices));
        this.openYuanrongJobs = List.copyOf(openYuanrongJobs);
    }

    /** A store seeded from the examples of the bundled ModelArts and openYuanrong specs. */
    public static ExampleJobStore fromBundledSpecs() {
        return from(SpecTree.examples(SpecTree.document(BundledSpec.MODELARTS_DEVSERVER_JOBS)),
                SpecTree.examples(SpecTree.document(BundledSpec.OPENYUANRONG_JOBS)));
    }

    /** A store seeded from these examples of the ModelArts and openYuanrong specs. */
    static ExampleJobStore from(List<SpecTree.Example> modelArts, List<SpecTree.Example> openYuanrong) {

        List<DevServerJobListResponse> listed = ModelCopies.copy(
                example(modelArts, "listDevServerJobs", "200").get("data"), new TypeReference<>() { });
        Map<String, DevServerJobDetails> details = new LinkedHashMap<>();
        for (DevServerJobListResponse job : listed) {
            details.put(job.getId(), ModelCopies.copy(job, DevServerJobDetails.class));
        }
        DevServerJobDetails shown = ModelCopies.copy(example(modelArts, "showDevServerJob", "200"), DevServerJobDetails.class);
        details.put(shown.getId(), shown);

        Map<String, JobDetails> jobs = new LinkedHashMap<>();
        openYuanrong.stream()
                .filter(e -> e.operationId().equals("listJobs") && e.status().equals("200"))
                .flatMap(e -> ModelCopies.copy(e.value(), new TypeReference<List<JobDetails>>() { }).stream())
                .forEach(job -> jobs.putIfAbsent(job.getSubmissionId(), job));
        if (jobs.isEmpty()) {
            throw new IllegalStateException("the openYuanrong spec documents no job in its listJobs examples");
        }
        List<DevServerJobTemplate> templates = ModelCopies.copy(
                example(modelArts, "listDevServerJobTemplates", "200").get("data"), new TypeReference<>() { });
        // Every listed template has details (its list fields); the details example's template has them all.
        Map<String, DevServerJobTemplateDetails> templateDetails = new LinkedHashMap<>();
        templates.forEach(t -> templateDetails.put(t.getId(), ModelCopies.copy(t, DevServerJobTemplateDetails.class)));
        DevServerJobTemplateDetails shownTemplate = ModelCopies.copy(
                example(modelArts, "showDevServerJobTemplate", "200"), DevServerJobTemplateDetails.class);
        templateDetails.put(shownTemplate.getId(), shownTemplate);
        DevServerJobService service = ModelCopies.copy(example(modelArts, "showDevServerJobService", "200"), DevServerJobService.class);
        return new ExampleJobStore(listed, details, templates, templateDetails, Map.of(service.getId(), service),
                new ArrayList<>(jobs.values()));
    }

    private static JsonNode example(List<SpecTree.Example> examples, String operationId, String status) {
        return examples.stream().filter(e -> e.operationId().equals(operationId) && e.status().equals(status))
                .map(SpecTree.Example::value).findFirst().orElseThrow(() ->
                        new IllegalStateException("the spec documents no " + status + " example for " + operationId));
    }

    /** The listed ModelArts jobs, each a fresh copy. */
    public List<DevServerJobListResponse> modelArtsJobs() {
        List<DevServerJobListResponse> copies = new ArrayList<>();
        modelArtsJobs.forEach(job -> copies.add(ModelCopies.copy(job, DevServerJobListResponse.class)));
        return copies;
    }

    /** Every ModelArts job with details (the listed ones, then the details example's), each a fresh copy. */
    public List<DevServerJobDetails> modelArtsDetails() {
        List<DevServerJobDetails> copies = new ArrayList<>();
        modelArtsDetails.values().forEach(job -> copies.add(ModelCopies.copy(job, DevServerJobDetails.class)));
        return copies;
    }

    /** The documented ModelArts job templates, each a fresh copy. */
    public List<DevServerJobTemplate> modelArtsTemplates() {
        List<DevServerJobTemplate> copies = new ArrayList<>();
        modelArtsTemplates.forEach(template -> copies.add(ModelCopies.copy(template, DevServerJobTemplate.class)));
        return copies;
    }

    /** The details of the ModelArts job template with this id, a fresh copy, if it is documented. */
    public java.util.Optional<DevServerJobTemplateDetails> modelArtsTemplateDetails(String id) {
        return java.util.Optional.ofNullable(modelArtsTemplateDetails.get(id)).map(t -> ModelCopies.copy(t, DevServerJobTemplateDetails.class));
    }

    /** The ModelArts service deployed by a job with this id, a fresh copy, if it is documented. */
    public java.util.Optional<DevServerJobService> modelArtsService(String id) {
        return java.util.Optional.ofNullable(modelArtsServices.get(id)).map(t -> ModelCopies.copy(t, DevServerJobService.class));
    }

    /** The openYuanrong jobs, each a fresh copy. */
    public List<JobDetails> openYuanrongJobs() {
        List<JobDetails> copies = new ArrayList<>();
        openYuanrongJobs.forEach(job -> copies.add(ModelCopies.copy(job, JobDetails.class)));
        return copies;
    }

}
