package dev.jobsopenapi.benchmarks;

import dev.jobsopenapi.reference.ReferenceServer;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * The generated client's call next to raw {@code java.net.http} + Jackson, measured {@linkplain SideBySide side by
 * side}. {@link ClientCallBenchmark} gives each way its own JVM and period of time, which on a small machine moves
 * the ratio by more than the difference being measured. Prints each way's median and 90th percentile, and the ratio
 * of its median to the raw call's with a 99% bootstrap interval. Run on demand:
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.jobsopenapi.benchmarks.ClientCallsSideBySide [ROUNDS]</pre>
 */
public final class ClientCallsSideBySide {

    private ClientCallsSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            int warmup = Math.max(1_000, rounds / 4);
            SideBySide calls = SideBySide.run(ways(server.baseUri().toString()), warmup, rounds, new Random(1));
            System.out.printf("%,d rounds (after %,d to warm up), each way once per round in a random order; %s, %d cores%n",
                    rounds, warmup, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            calls.print(System.out, "| Call | median | p90 | median ÷ raw call's (99% interval) |", "µs", 1_000);
        }
    }

    /**
     * The ways of making the same call, the raw call (the baseline) first. Each has an {@link HttpClient} of its
     * own, built the same way (so its own connection and selector thread), as an application using one of them
     * would: a client shared by some of them and not the others makes those faster.
     */
    private static Map<String, Callable<?>> ways(String baseUri) {
        JobCall call = new JobCall(baseUri, HttpClient.newBuilder(), HttpClient.newHttpClient(), HttpClient.newHttpClient());
        Map<String, Callable<?>> ways = new LinkedHashMap<>();
        ways.put("raw `java.net.http` + Jackson, `ofByteArray()`", call::raw);
        ways.put("raw `java.net.http` + Jackson, `ofInputStream()`", call::rawStreamed);
        ways.put("generated client (`JobsApi.getJob`)", call::generated);
        return ways;
    }
}
