package dev.jobsopenapi.conformance.fuzz;

import dev.jobsopenapi.conformance.ApiContract;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Generative contract testing of a live server: requests generated from a spec's schemas (boundary values first,
 * then random ones, and negative ones that each break exactly one rule), the spec's lifecycle links followed with
 * the ids the server returns, and every answer put through the {@link Check}s. Reads only, unless writes are
 * allowed. Deterministic per seed against the same server.
 *
 * <pre>{@code
 * FuzzResult result = Fuzzer.of(ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS), LiveServer.at("http://127.0.0.1:8080"))
 *         .seed(42).maxRequests(1000).allowWrite(true).run();
 * assert result.passed() : result.findings();
 * }</pre>
 */
public final class Fuzzer {

    private final ApiContract contract;
    private final LiveServer server;
    private final long seed;
    private final int maxRequests;
    private final Duration duration;
    private final Set<String> operations;
    private final boolean allowWrite;
    private final Map<String, String> parameters;
    private final int ratePerSecond;
    private final int concurrency;

    private Fuzzer(ApiContract contract, LiveServer server, long seed, int maxRequests, Duration duration,
                   Set<String> operations, boolean allowWrite, Map<String, String> parameters, int ratePerSecond,
                   int concurrency) {
        this.concurrency = concurrency;
        this.contract = contract;
        this.server = server;
        this.seed = seed;
        this.maxRequests = maxRequests;
        this.duration = duration;
        this.operations = Set.copyOf(operations);
        this.allowWrite = allowWrite;
        this.parameters = Map.copyOf(parameters);
        this.ratePerSecond = ratePerSecond;
    }

    /** A fuzzer of the spec's operations on the server: a random seed, 1,000 requests, reads only. */
    public static Fuzzer of(ApiContract contract, LiveServer server) {
        return new Fuzzer(Objects.requireNonNull(contract, "contract"), Objects.requireNonNull(server, "server"),
                new SecureRandom().nextLong() & Long.MAX_VALUE, 1000, Duration.ZERO, Set.of(), false, Map.of(), 0, 1);
    }

    /**
     * Requests in flight at once, at most (1, the default: one at a time). The requests are generated and judged in
     * the same order whatever the number, so one seed still names one run; only the server's view of their timing changes.
     */
    public Fuzzer concurrency(int value) {
        if (value < 1 || value > 64) {
            throw new IllegalArgumentException("a concurrency from 1 to 64");
        }
        return new Fuzzer(contract, server, seed, maxRequests, duration, operations, allowWrite, parameters, ratePerSecond, value);
    }

    /** The random seed: the same seed against the same server sends the same requests. */
    public Fuzzer seed(long value) {
        return new Fuzzer(contract, server, value, maxRequests, duration, operations, allowWrite, parameters, ratePerSecond, concurrency);
    }

    /** The requests to send, at most (cleaning up what the run created may add a few). */
    public Fuzzer maxRequests(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("at least one request");
        }
        return new Fuzzer(contract, server, seed, value, duration, operations, allowWrite, parameters, ratePerSecond, concurrency);
    }

    /** The longest the run may take ({@link Duration#ZERO}: no limit but the request count). */
    public Fuzzer duration(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("a duration is not negative");
        }
        return new Fuzzer(contract, server, seed, maxRequests, value, operations, allowWrite, parameters, ratePerSecond, concurrency);
    }

    /** Only these operations (by operationId; none: all of them). */
    public Fuzzer operations(Collection<String> operationIds) {
        for (String id : operationIds) {
            if (contract.operation(id).isEmpty()) {
                throw new IllegalArgumentException(contract.name() + " has no operation '" + id + "'");
            }
        }
        return new Fuzzer(contract, server, seed, maxRequests, duration, new LinkedHashSet<>(operationIds), allowWrite, parameters,
                ratePerSecond, concurrency);
    }

    /** Whether operations that change state (create, submit, stop, delete) are called too. */
    public Fuzzer allowWrite(boolean value) {
        return new Fuzzer(contract, server, seed, maxRequests, duration, operations, value, parameters, ratePerSecond, concurrency);
    }

    /** Fixed values for path, query or header parameters, by name (for example {@code project_id}). */
    public Fuzzer parameters(Map<String, String> values) {
        return new Fuzzer(contract, server, seed, maxRequests, duration, operations, allowWrite, new LinkedHashMap<>(values),
                ratePerSecond, concurrency);
    }

    /** At most this many requests a second (0: as fast as the server answers, one at a time). */
    public Fuzzer ratePerSecond(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a rate is not negative");
        }
        return new Fuzzer(contract, server, seed, maxRequests, duration, operations, allowWrite, parameters, value, concurrency);
    }

    /** This fuzzer's random seed. */
    public long seed() {
        return seed;
    }

    /**
     * Runs the campaign: every request, check and link, then the clean-up of what it created.
     *
     * @throws java.io.UncheckedIOException when the first request cannot reach the server at all
     */
    public FuzzResult run() {
        return new Campaign(contract, server, seed, maxRequests, duration, operations, allowWrite, parameters, ratePerSecond,
                concurrency).run();
    }
}
