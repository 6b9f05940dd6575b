package dev.jobsopenapi.reference;

import java.time.Duration;

/**
 * The bounds of a reference (or mock) server: what it stores, what one request may carry, and what it spends on
 * connections. Every bound has a default a developer using the server for tests never meets, and the mock server
 * a flag for each. None of them is the vendors': the vendors document no such limits (the ModelArts SDKs declare
 * no bound on {@code server_ids}, and the openYuanrong frontend none on a job's fields); they are this project's,
 * so that no client can push the server past its memory or threads.
 *
 * @param maxJobs       the jobs each API's store may hold, seed jobs included (a create or submit beyond it is
 *                      refused with a 400 in the API's error shape; deleting a job makes room)
 * @param maxStoredMib  the JSON size, in MiB, of the jobs each API's store may hold that clients created
 * @param maxArrayItems the entries one array or map of a request may carry ({@code server_ids}, {@code items},
 *                      {@code job_ids}, {@code pip}, {@code env_vars}, {@code metadata})
 * @param workerThreads the threads that serve exchanges (a bounded pool: more exchanges at once wait); the engine
 *                      reads request heads on its own selector, so a slow client holds none of them
 * @param backlog       the connections the operating system queues before the server accepts them
 * @param maxConnections the connections the server holds open at once, idle keep-alive ones included; beyond it
 *                      the server stops accepting (new connections wait in the backlog) until one closes
 * @param requestTime   the most time a request's head (request line and headers) may take to arrive
 * @param responseTime  the most time a connection may stay idle: no byte read from a client that stops sending, none
 *                      written to a client that stops reading, or none between two requests of a keep-alive
 *                      connection. Each whole exchange, body and answer included, has one deadline: the two times
 *                      together. All of them are this server's own: nothing is set for the whole JVM.
 */
public record ServerLimits(int maxJobs, int maxStoredMib, int maxArrayItems, int workerThreads, int backlog,
                           int maxConnections, Duration requestTime, Duration responseTime) {

    /**
     * 10,000 jobs and 256 MiB per API, 1,000 entries per array, 32 threads, a backlog of 1,024, 4,096 connections,
     * 10 s and 30 s.
     */
    public static ServerLimits defaults() {
        return new ServerLimits(10_000, 256, 1_000, 32, 1_024, 4_096, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public ServerLimits {
        positive("maxJobs", maxJobs);
        positive("maxStoredMib", maxStoredMib);
        positive("maxArrayItems", maxArrayItems);
        positive("workerThreads", workerThreads);
        positive("backlog", backlog);
        positive("maxConnections", maxConnections);
        if (requestTime.toSeconds() < 1 || responseTime.toSeconds() < 1) {
            throw new IllegalArgumentException("the request and response times are whole seconds, at least 1");
        }
    }

    /** These limits with another job cap. */
    public ServerLimits withMaxJobs(int jobs) {
        return new ServerLimits(jobs, maxStoredMib, maxArrayItems, workerThreads, backlog, maxConnections, requestTime, responseTime);
    }

    /** These limits with another stored-size cap. */
    public ServerLimits withMaxStoredMib(int mib) {
        return new ServerLimits(maxJobs, mib, maxArrayItems, workerThreads, backlog, maxConnections, requestTime, responseTime);
    }

    /** These limits with another array cap. */
    public ServerLimits withMaxArrayItems(int items) {
        return new ServerLimits(maxJobs, maxStoredMib, items, workerThreads, backlog, maxConnections, requestTime, responseTime);
    }

    /** These limits with another pool size. */
    public ServerLimits withWorkerThreads(int threads) {
        return new ServerLimits(maxJobs, maxStoredMib, maxArrayItems, threads, backlog, maxConnections, requestTime, responseTime);
    }

    /** These limits with another backlog. */
    public ServerLimits withBacklog(int connections) {
        return new ServerLimits(maxJobs, maxStoredMib, maxArrayItems, workerThreads, connections, maxConnections, requestTime, responseTime);
    }

    /** These limits with another connection cap. */
    public ServerLimits withMaxConnections(int connections) {
        return new ServerLimits(maxJobs, maxStoredMib, maxArrayItems, workerThreads, backlog, connections, requestTime, responseTime);
    }

    /** These limits with other request and response times. */
    public ServerLimits withTimes(Duration request, Duration response) {
        return new ServerLimits(maxJobs, maxStoredMib, maxArrayItems, workerThreads, backlog, maxConnections, request, response);
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }
}
