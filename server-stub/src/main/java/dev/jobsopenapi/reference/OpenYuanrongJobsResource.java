package dev.jobsopenapi.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.openyuanrong.server.api.JobsApi;
import dev.jobsopenapi.openyuanrong.server.model.JobDetails;
import dev.jobsopenapi.openyuanrong.server.model.JobSubmitRequest;
import dev.jobsopenapi.openyuanrong.server.model.JobSubmitResponse;
import dev.jobsopenapi.openyuanrong.server.model.SubmitRuntimeEnv;
import dev.jobsopenapi.types.Timestamp;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The reference implementation of the generated openYuanrong interface, holding jobs in memory (seeded with
 * the documented list example). State transitions: a submitted job is {@code RUNNING}; stopping a
 * {@code PENDING} or {@code RUNNING} job makes it {@code STOPPED} ({@code true}), stopping a finished job
 * answers {@code false}; deleting a finished job removes it ({@code true}), deleting a {@code PENDING} or
 * {@code RUNNING} job answers {@code false}. As the frontend does: an unknown id is a 404 with the JSON
 * string {@code "failed get job"}, and an id that already exists is a 404 too.
 */
public final class OpenYuanrongJobsResource implements JobsApi {

    private static final Set<String> ACTIVE = Set.of("PENDING", "RUNNING");
    private static final Pattern SUBMISSION_ID = Pattern.compile("^[a-z0-9-]{1,64}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JobDetails> jobs = new LinkedHashMap<>();
    private final Clock clock;

    public OpenYuanrongJobsResource(ExampleJobStore store) {
        this(store, Clock.systemUTC());
    }

    OpenYuanrongJobsResource(ExampleJobStore store, Clock clock) {
        this.clock = clock;
        store.openYuanrongJobs().forEach(job -> jobs.put(job.getSubmissionId(), job));
    }

    @Override
    public synchronized List<JobDetails> listJobs() {
        return new ArrayList<>(jobs.values());
    }

    @Override
    public synchronized JobSubmitResponse submitJob(JobSubmitRequest request, String tenantId, String poolLabel) {
        String id = request.getSubmissionId() == null ? "app-" + UUID.randomUUID()
                : request.getSubmissionId().startsWith("app-") ? request.getSubmissionId() : "app-" + request.getSubmissionId();
        if (id.contains("driver") || !SUBMISSION_ID.matcher(id).matches()) {
            throw new BadRequestException("invalid submission_id " + id);
        }
        if (jobs.containsKey(id)) {
            throw new NotFoundException("submission id " + id + " already exists");
        }
        JobDetails job = new JobDetails()
                .type("SUBMISSION")
                .submissionId(id)
                .entrypoint(request.getEntrypoint())
                .status("RUNNING")
                .startTime(now())
                .metadata(request.getMetadata())
                .runtimeEnv(listedRuntimeEnv(request.getRuntimeEnv()));
        jobs.put(id, job);
        return new JobSubmitResponse().submissionId(id);
    }

    @Override
    public synchronized JobDetails getJob(String submissionId) {
        return find(submissionId);
    }

    @Override
    public synchronized Boolean stopJob(String submissionId) {
        JobDetails job = find(submissionId);
        if (!ACTIVE.contains(job.getStatus())) {
            return false;
        }
        job.status("STOPPED").endTime(now());
        return true;
    }

    @Override
    public synchronized Boolean deleteJob(String submissionId) {
        JobDetails job = find(submissionId);
        if (ACTIVE.contains(job.getStatus())) {
            return false;
        }
        jobs.remove(submissionId);
        return true;
    }

    private JobDetails find(String submissionId) {
        JobDetails job = jobs.get(submissionId);
        if (job == null) {
            throw new NotFoundException("failed get job");
        }
        return job;
    }

    /** A time as the frontend sends it: a string of epoch seconds. */
    private Timestamp now() {
        return Timestamp.ofString(Long.toString(clock.instant().getEpochSecond()));
    }

    /**
     * The runtime environment as listed jobs carry it (the asymmetry the spec catalogues): {@code pip} as one
     * install command, the variables as {@code envVars}, a JSON object inside a string.
     */
    private static Map<String, Object> listedRuntimeEnv(SubmitRuntimeEnv submitted) {
        Map<String, Object> listed = new LinkedHashMap<>();
        if (submitted.getEnvVars() != null) {
            try {
                listed.put("envVars", JSON.writeValueAsString(submitted.getEnvVars()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (submitted.getPip() != null && !submitted.getPip().isEmpty()) {
            listed.put("pip", "pip install " + String.join(" ", submitted.getPip()));
        }
        listed.put("working_dir", submitted.getWorkingDir());
        return listed;
    }
}
