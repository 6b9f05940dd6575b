package dev.jobsopenapi.reference;

import dev.jobsopenapi.openyuanrong.server.api.JobsApi;
import dev.jobsopenapi.openyuanrong.server.model.JobDetails;

import java.util.List;

/** The reference implementation of the generated openYuanrong interface. */
public final class OpenYuanrongJobsResource implements JobsApi {

    private final ExampleJobStore store;

    public OpenYuanrongJobsResource(ExampleJobStore store) {
        this.store = store;
    }

    @Override
    public List<JobDetails> listJobs() {
        return store.openYuanrongJobs();
    }
}
