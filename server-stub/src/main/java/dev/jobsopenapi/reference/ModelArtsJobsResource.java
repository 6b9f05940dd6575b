package dev.jobsopenapi.reference;

import dev.jobsopenapi.modelarts.server.api.DevServerJobsApi;
import dev.jobsopenapi.modelarts.server.model.DevServerJobDetails;
import dev.jobsopenapi.modelarts.server.model.DevServerJobListResponse;
import dev.jobsopenapi.modelarts.server.model.DevServerJobPage;
import jakarta.ws.rs.NotFoundException;

import java.util.List;
import java.util.Objects;

/**
 * The reference implementation of the generated ModelArts interface: every project sees the store's jobs.
 * The list honours the filters {@code id}, {@code name}, {@code type} and {@code status} (exact matches)
 * and {@code visible} (every stored job is visible, so {@code visible=false} lists none), and answers the
 * documented paged envelope with everything on page 1.
 */
public final class ModelArtsJobsResource implements DevServerJobsApi {

    private final ExampleJobStore store;

    public ModelArtsJobsResource(ExampleJobStore store) {
        this.store = store;
    }

    @Override
    public DevServerJobPage listDevServerJobs(String projectId, String id, String name, String type, String status,
                                              Boolean visible) {
        List<DevServerJobListResponse> jobs = store.modelArtsJobs().stream()
                .filter(job -> id == null || id.equals(job.getId()))
                .filter(job -> name == null || name.equals(job.getName()))
                .filter(job -> type == null || type.equals(job.getType()))
                .filter(job -> status == null || status.equals(job.getStatus()))
                .filter(job -> visible == null || visible)
                .toList();
        return new DevServerJobPage()
                .current(1)
                .pages(jobs.isEmpty() ? 0 : 1)
                .size(jobs.size())
                .total((long) jobs.size())
                .data(jobs);
    }

    @Override
    public DevServerJobDetails showDevServerJob(String projectId, String id) {
        return store.modelArtsJob(Objects.requireNonNull(id))
                .orElseThrow(() -> new NotFoundException("DevServer job " + id + " does not exist"));
    }
}
