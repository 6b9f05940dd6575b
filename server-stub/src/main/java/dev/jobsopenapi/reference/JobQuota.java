package dev.jobsopenapi.reference;

import jakarta.ws.rs.BadRequestException;

import java.util.HashMap;
import java.util.Map;

/**
 * What one API's store may still take: a count of jobs and a size of the jobs clients created. A job beyond either
 * is refused with a 400 (in the API's error shape, by the error mapper) that says which limit and how to make room;
 * a deleted job gives its room back. The caller holds the store's lock.
 */
final class JobQuota {

    private final String api;
    private final ServerLimits limits;
    private final Map<String, Long> sizes = new HashMap<>();
    private long storedBytes;

    JobQuota(String api, ServerLimits limits) {
        this.api = api;
        this.limits = limits;
    }

    /** Takes room for a new job of the given id, or refuses it when the store holds {@code jobsNow} already. */
    void admit(String id, Object job, int jobsNow) {
        if (jobsNow >= limits.maxJobs()) {
            throw new BadRequestException("this server already holds " + jobsNow + " " + api + " jobs, its limit"
                    + " (--max-jobs); delete a job first");
        }
        long size = ModelCopies.size(job);
        long max = (long) limits.maxStoredMib() * 1024 * 1024;
        if (storedBytes + size > max) {
            throw new BadRequestException("this server's " + api + " jobs would be over " + limits.maxStoredMib()
                    + " MiB, its limit (--max-stored-mib); delete a job first");
        }
        storedBytes += size;
        sizes.put(id, size);
    }

    /** Gives back the room of a deleted job. */
    void release(String id) {
        Long size = sizes.remove(id);
        if (size != null) {
            storedBytes -= size;
        }
    }
}
