package dev.jobsopenapi.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.openyuanrong.server.api.JobsApi;
import dev.jobsopenapi.openyuanrong.server.model.DriverInfo;
import dev.jobsopenapi.openyuanrong.server.model.JobDetails;
import dev.jobsopenapi.openyuanrong.server.model.JobRuntimeEnv;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The reference implementation of the generated openYuanrong interface, holding jobs in memory (seeded with
 * the documented jobs of the list examples). It answers as the frontend's source does (repository
 * {@code openeuler-mirror/yuanrong-frontend}):
 * <ul>
 *   <li>a submitted job is {@code RUNNING} at once, written with every field: {@code end_time} and
 *       {@code error_type} are empty strings until it finishes, {@code metadata} is {@code null} when none was
 *       sent, and {@code runtime_env} holds {@code pip}, {@code working_dir} and {@code envVars} as strings
 *       ({@code StoreAppInfo});</li>
 *   <li>only a {@code RUNNING} job can be stopped and only a {@code SUCCEEDED}, {@code FAILED} or
 *       {@code STOPPED} one deleted; otherwise the answer is {@code false} ({@code StopApp}, {@code DeleteApp});</li>
 *   <li>the error messages are the frontend's, as JSON strings: a submission id in use is a 400
 *       ({@code SubmitJobHandler}), an unknown job a 404.</li>
 * </ul>
 */
public final class OpenYuanrongJobsResource implements JobsApi {

    private static final Set<String> DELETABLE = Set.of("SUCCEEDED", "FAILED", "STOPPED");
    private static final String SUBMISSION_ID_PATTERN = "^[a-z0-9-]{1,64}$";
    private static final Pattern SUBMISSION_ID = Pattern.compile(SUBMISSION_ID_PATTERN);
    private static final String STOP_MESSAGE = "the job was manually stopped";
    private static final String KEY_PREFIX =
            "/sn/instance/business/yrk/tenant/default/function/0-system-faasExecutorPosixCustom/version/$latest/defaultaz/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JobDetails> jobs = new LinkedHashMap<>();
    private final Clock clock;
    private final JobQuota quota;
    private long nextPid = 760_000;

    public OpenYuanrongJobsResource(ExampleJobStore store) {
        this(store, Clock.systemUTC(), ServerLimits.defaults());
    }

    /** A resource whose jobs start by the given clock, within the limits. */
    public OpenYuanrongJobsResource(ExampleJobStore store, Clock clock, ServerLimits limits) {
        this.clock = clock;
        this.quota = new JobQuota("openYuanrong", limits);
        store.openYuanrongJobs().forEach(job -> jobs.put(job.getSubmissionId(), asTheFrontendWritesIt(job)));
    }

    /**
     * The job with Go's zero value in every field the example left out, as the frontend's handlers write a job
     * they decoded from the backend ({@code ListJobsHandleRes}): {@code ""} for strings and times, {@code 0} for
     * the exit code, an object of empty strings for {@code driver_info}; the maps stay {@code null}.
     */
    static JobDetails asTheFrontendWritesIt(JobDetails job) {
        DriverInfo driver = job.getDriverInfo() == null ? new DriverInfo() : job.getDriverInfo();
        return job.key(orEmpty(job.getKey()))
                .type(orEmpty(job.getType()))
                .entrypoint(orEmpty(job.getEntrypoint()))
                .driverInfo(driver.id(orEmpty(driver.getId())).nodeIpAddress(orEmpty(driver.getNodeIpAddress()))
                        .pid(orEmpty(driver.getPid())))
                .startTime(job.getStartTime() == null ? Timestamp.ofString("") : job.getStartTime())
                .endTime(job.getEndTime() == null ? Timestamp.ofString("") : job.getEndTime())
                .driverAgentHttpAddress(orEmpty(job.getDriverAgentHttpAddress()))
                .driverNodeId(orEmpty(job.getDriverNodeId()))
                .driverExitCode(job.getDriverExitCode() == null ? 0 : job.getDriverExitCode())
                .errorType(orEmpty(job.getErrorType()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public synchronized List<JobDetails> listJobs() {
        return new ArrayList<>(jobs.values());
    }

    @Override
    public synchronized JobSubmitResponse submitJob(JobSubmitRequest request, String tenantId, String poolLabel) {
        String id = submissionId(request.getSubmissionId());
        if (jobs.containsKey(id)) {
            throw new BadRequestException("submit job has already exist, submissionId: " + id);
        }
        JobDetails job = new JobDetails(id, "RUNNING")
                .key(KEY_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "/" + id)
                .type("SUBMISSION")
                .entrypoint(request.getEntrypoint())
                .driverInfo(new DriverInfo().id(id).nodeIpAddress("127.0.0.1").pid(Long.toString(nextPid++)))
                .startTime(now())
                .endTime(Timestamp.ofString(""))
                .metadata(request.getMetadata() == null || request.getMetadata().isEmpty() ? null : new TreeMap<>(request.getMetadata()))
                .runtimeEnv(listedRuntimeEnv(request.getRuntimeEnv()))
                .driverAgentHttpAddress("")
                .driverNodeId("reference-node-1")
                .driverExitCode(0)
                .errorType("");
        quota.admit(id, job, jobs.size());
        jobs.put(id, job);
        return new JobSubmitResponse().submissionId(id);
    }

    /** The id as {@code CheckSubmissionId} and {@code NewSubmissionID} make it, or a 400 with their message. */
    private static String submissionId(String requested) {
        if (requested == null || requested.isEmpty()) {
            return "app-" + UUID.randomUUID();
        }
        if (requested.contains("driver")) {
            throw new BadRequestException("submission_id should not contain 'driver'");
        }
        String id = requested.startsWith("app-") ? requested : "app-" + requested;
        if (!SUBMISSION_ID.matcher(id).matches()) {
            throw new BadRequestException("regular expression validation error, submissionId: " + id
                    + ", pattern: " + SUBMISSION_ID_PATTERN + ", err: <nil>");
        }
        return id;
    }

    @Override
    public synchronized JobDetails getJob(String submissionId) {
        JobDetails job = jobs.get(submissionId);
        if (job == null) {
            throw new NotFoundException("not found app, submissionId: " + submissionId
                    + ", err: failed to get appjobInfo, submissionID: " + submissionId);
        }
        return job;
    }

    @Override
    public synchronized Boolean stopJob(String submissionId) {
        JobDetails job = existing(submissionId);
        if (!"RUNNING".equals(job.getStatus())) {
            return false;
        }
        job.status("STOPPED").endTime(now()).errorType(STOP_MESSAGE);
        return true;
    }

    @Override
    public synchronized Boolean deleteJob(String submissionId) {
        JobDetails job = existing(submissionId);
        if (!DELETABLE.contains(job.getStatus())) {
            return false;
        }
        jobs.remove(submissionId);
        quota.release(submissionId);
        return true;
    }

    /** The job, or the 404 that {@code DeleteApp} and {@code StopApp} answer. */
    private JobDetails existing(String submissionId) {
        JobDetails job = jobs.get(submissionId);
        if (job == null) {
            throw new NotFoundException("the app does not exist, submissionId:[" + submissionId + "]");
        }
        return job;
    }

    /** A time as the frontend sends it: a string of epoch seconds. */
    private Timestamp now() {
        return Timestamp.ofString(Long.toString(clock.instant().getEpochSecond()));
    }

    /**
     * The runtime environment as listed jobs carry it (the asymmetry the spec catalogues): {@code pip} as one
     * install command, the variables as {@code envVars}, a JSON object inside a string; each the empty string
     * when the submission had none.
     */
    private static JobRuntimeEnv listedRuntimeEnv(SubmitRuntimeEnv submitted) {
        String envVars = "";
        if (submitted.getEnvVars() != null && !submitted.getEnvVars().isEmpty()) {
            try {
                envVars = JSON.writeValueAsString(new TreeMap<>(submitted.getEnvVars()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        String pip = submitted.getPip() == null || submitted.getPip().isEmpty() ? ""
                : "pip3.9 install " + String.join(" ", submitted.getPip()) + " && pip3.9 check";
        return new JobRuntimeEnv().envVars(envVars).pip(pip).workingDir(submitted.getWorkingDir());
    }
}
