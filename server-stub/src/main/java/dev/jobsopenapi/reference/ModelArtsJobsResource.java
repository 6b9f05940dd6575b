package dev.jobsopenapi.reference;

import dev.jobsopenapi.modelarts.server.api.DevServerJobsApi;
import dev.jobsopenapi.modelarts.server.model.DevServerJobCreateRequest;
import dev.jobsopenapi.modelarts.server.model.DevServerJobDetails;
import dev.jobsopenapi.modelarts.server.model.DevServerJobListResponse;
import dev.jobsopenapi.modelarts.server.model.DevServerJobPage;
import dev.jobsopenapi.modelarts.server.model.DevServerJobService;
import dev.jobsopenapi.modelarts.server.model.DevServerJobTemplate;
import dev.jobsopenapi.modelarts.server.model.DevServerJobTemplateDetails;
import dev.jobsopenapi.modelarts.server.model.DevServerJobTemplatePage;
import dev.jobsopenapi.modelarts.server.model.DevServerTaskResponse;
import dev.jobsopenapi.modelarts.server.model.ServerJobDeleteRequest;
import dev.jobsopenapi.types.Timestamp;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The reference implementation of the generated ModelArts interface: every project sees the same jobs, first
 * the store's (the documented examples), then the ones created here.
 *
 * <ul>
 *   <li>The list honours the filters {@code id}, {@code name}, {@code type} and {@code status} (exact matches)
 *       and {@code visible} (every job is visible, so {@code visible=false} lists none), and answers the
 *       documented paged envelope with everything on page 1; the template list filters the same way.</li>
 *   <li>A created job is {@code PROCESSING} with one {@code PROCESSING} task per server; once
 *       {@link #TASK_DURATION} has passed, its tasks are {@code SUCCESS} and the job {@code FINISHED}.</li>
 *   <li>A batch delete removes the listed jobs that exist and are not {@code PROCESSING}, skips the others,
 *       and answers the deleted jobs in the list's envelope.</li>
 *   <li>A create with an empty {@code server_ids} or a {@code type} that is neither a template's, a documented
 *       job's nor {@code COMMON}/{@code SERVICE_DEPLOY}, and a delete without ids, are 400s.</li>
 * </ul>
 */
public final class ModelArtsJobsResource implements DevServerJobsApi {

    /** How long a created job's tasks run before they finish. */
    public static final Duration TASK_DURATION = Duration.ofSeconds(2);

    /** Every job with its details, listed or not, in order. */
    private final Map<String, DevServerJobDetails> jobs = new LinkedHashMap<>();
    /** The ids the list shows (the details example's job is not in the vendor's list). */
    private final Set<String> listed = new LinkedHashSet<>();
    private final List<DevServerJobTemplate> templates;
    private final ExampleJobStore store;
    private final Set<String> knownTypes = new LinkedHashSet<>(List.of("COMMON", "SERVICE_DEPLOY"));
    private final Clock clock;
    private final JobQuota quota;

    public ModelArtsJobsResource(ExampleJobStore store) {
        this(store, Clock.systemUTC());
    }

    /** A resource whose created jobs finish by the given clock. */
    public ModelArtsJobsResource(ExampleJobStore store, Clock clock) {
        this(store, clock, ServerLimits.defaults());
    }

    /** A resource whose created jobs finish by the given clock, within the limits. */
    public ModelArtsJobsResource(ExampleJobStore store, Clock clock, ServerLimits limits) {
        this.clock = clock;
        this.quota = new JobQuota("ModelArts", limits);
        this.store = store;
        store.modelArtsDetails().forEach(job -> jobs.put(job.getId(), job));
        store.modelArtsJobs().forEach(job -> listed.add(job.getId()));
        this.templates = store.modelArtsTemplates();
        jobs.values().forEach(job -> knownTypes.add(job.getType()));
        templates.forEach(template -> knownTypes.add(template.getType()));
    }

    @Override
    public synchronized DevServerJobPage listDevServerJobs(String projectId, String id, String name, String type,
                                                           String status, Boolean visible) {
        List<DevServerJobListResponse> found = listed.stream()
                .map(jobs::get)
                .map(this::advanced)
                .map(job -> ModelCopies.copy(job, DevServerJobListResponse.class))
                .filter(job -> id == null || id.equals(job.getId()))
                .filter(job -> name == null || name.equals(job.getName()))
                .filter(job -> type == null || type.equals(job.getType()))
                .filter(job -> status == null || status.equals(job.getStatus()))
                .filter(job -> visible == null || visible)
                .toList();
        return page(found);
    }

    @Override
    public synchronized DevServerJobDetails showDevServerJob(String projectId, String id) {
        DevServerJobDetails job = jobs.get(id);
        if (job == null) {
            throw new NotFoundException("DevServer job " + id + " does not exist");
        }
        return ModelCopies.copy(advanced(job), DevServerJobDetails.class);
    }

    @Override
    public synchronized DevServerJobDetails createDevServerJob(String projectId, DevServerJobCreateRequest request) {
        if (!knownTypes.contains(request.getType())) {
            throw new BadRequestException("type: unknown job type '" + request.getType() + "' (known: " + String.join(", ", knownTypes) + ")");
        }
        Timestamp now = Timestamp.ofNumber(clock.millis());
        String id = UUID.randomUUID().toString();
        List<DevServerTaskResponse> tasks = new ArrayList<>();
        for (String serverId : request.getServerIds()) {
            tasks.add(new DevServerTaskResponse().id(UUID.randomUUID().toString()).status("PROCESSING")
                    .serverId(serverId)
                    .serverName("liteserver-" + serverId.substring(0, Math.min(8, serverId.length())))
                    .cloudServer(Map.of("id", serverId, "type", "BMS"))
                    .message("")
                    .createAt(now)
                    .updateAt(now));
        }
        DevServerJobDetails job = new DevServerJobDetails().id(id).status("PROCESSING")
                .createAt(now)
                .updateAt(now)
                .name(request.getName())
                .description(request.getDescription())
                .type(request.getType())
                .items(ModelCopies.copy(request.getItems(), new com.fasterxml.jackson.core.type.TypeReference<
                        List<dev.jobsopenapi.modelarts.server.model.DevServerJobItem>>() { }))
                .tasks(tasks)
                .templateId(templates.stream().filter(t -> request.getType().equals(t.getType()))
                        .map(DevServerJobTemplate::getId).findFirst().orElse(null))
                .userName("modelarts_user")
                .abnormalCount(0);
        quota.admit(id, job, jobs.size());
        jobs.put(id, job);
        listed.add(id);
        return ModelCopies.copy(job, DevServerJobDetails.class);
    }

    @Override
    public synchronized DevServerJobPage deleteDevServerJobs(String projectId, ServerJobDeleteRequest request) {
        // The spec lets a create name no servers and a delete name no jobs (no source says more): a job of no
        // tasks, and a delete of nothing.
        List<DevServerJobListResponse> deleted = new ArrayList<>();
        for (String id : new LinkedHashSet<>(request.getJobIds() == null ? List.<String>of() : request.getJobIds())) {
            DevServerJobDetails job = jobs.get(id);
            if (job != null && !"PROCESSING".equals(advanced(job).getStatus())) {
                jobs.remove(id);
                listed.remove(id);
                quota.release(id);
                deleted.add(ModelCopies.copy(job, DevServerJobListResponse.class));
            }
        }
        return page(deleted);
    }

    @Override
    public synchronized DevServerJobTemplatePage listDevServerJobTemplates(String projectId, String id, String name, String type) {
        Predicate<DevServerJobTemplate> matches = t -> (id == null || id.equals(t.getId()))
                && (name == null || name.equals(t.getName())) && (type == null || type.equals(t.getType()));
        List<DevServerJobTemplate> found = templates.stream().filter(matches).map(t -> ModelCopies.copy(t, DevServerJobTemplate.class)).toList();
        return new DevServerJobTemplatePage().current(1).pages(found.isEmpty() ? 0 : 1).size(found.size())
                .total((long) found.size()).data(found);
    }

    @Override
    public DevServerJobTemplateDetails showDevServerJobTemplate(String projectId, String id) {
        return store.modelArtsTemplateDetails(id).orElseThrow(() -> new NotFoundException("DevServer job template " + id + " does not exist"));
    }

    @Override
    public DevServerJobService showDevServerJobService(String projectId, String id) {
        return store.modelArtsService(id).orElseThrow(() -> new NotFoundException("DevServer job service " + id + " does not exist"));
    }

    /** The job as it is now: a created job whose tasks have run for {@link #TASK_DURATION} is finished. */
    private DevServerJobDetails advanced(DevServerJobDetails job) {
        if ("PROCESSING".equals(job.getStatus()) && job.getCreateAt() != null
                && clock.millis() - job.getCreateAt().epochValue() >= TASK_DURATION.toMillis()) {
            Timestamp finished = Timestamp.ofNumber(job.getCreateAt().epochValue() + TASK_DURATION.toMillis());
            job.status("FINISHED").updateAt(finished);
            if (job.getTasks() != null) {
                job.getTasks().forEach(task -> task.status("SUCCESS").message("done").updateAt(finished));
            }
        }
        return job;
    }

    private static DevServerJobPage page(List<DevServerJobListResponse> jobs) {
        return new DevServerJobPage()
                .current(1)
                .pages(jobs.isEmpty() ? 0 : 1)
                .size(jobs.size())
                .total((long) jobs.size())
                .data(jobs);
    }

}
