package dev.jobsopenapi.benchmarks;

import dev.jobsopenapi.reference.ReferenceServer;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * The generated client's call next to raw {@code java.net.http} + Jackson, measured side by side: in each round
 * every way of calling makes one call, in a new random order, so that whatever drifts on the machine during the
 * run (other load, CPU clocks, the JIT) falls on all of them alike. {@link ClientCallBenchmark} gives each way its
 * own JVM and period of time, which on a small machine moves the ratio by more than the difference being
 * measured. Prints each way's median and 90th percentile, and the ratio of its median to the raw call's with a
 * 99% bootstrap interval. Run on demand:
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.jobsopenapi.benchmarks.ClientCallsSideBySide [ROUNDS]</pre>
 */
public final class ClientCallsSideBySide {

    private static final int RESAMPLES = 1_000;

    private ClientCallsSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            Map<String, Callable<Object>> ways = ways(server.openYuanrongBaseUri().toString());
            List<String> names = new ArrayList<>(ways.keySet());
            long[][] nanos = new long[names.size()][rounds];
            Random random = new Random(1);
            int warmup = Math.max(1_000, rounds / 4);
            for (int round = -warmup; round < rounds; round++) {
                List<Integer> order = new ArrayList<>();
                for (int way = 0; way < names.size(); way++) {
                    order.add(way);
                }
                Collections.shuffle(order, random);
                for (int way : order) {
                    long start = System.nanoTime();
                    ways.get(names.get(way)).call();
                    long took = System.nanoTime() - start;
                    if (round >= 0) {
                        nanos[way][round] = took;
                    }
                }
            }
            System.out.printf("%,d rounds (after %,d to warm up), each way once per round in a random order; %s, %d cores%n",
                    rounds, warmup, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.println("| Call | median | p90 | median ÷ raw call's (99% interval) |");
            System.out.println("| --- | --- | --- | --- |");
            for (int way = 0; way < names.size(); way++) {
                double[] ratio = ratioOfMedians(nanos[way], nanos[0], random);
                System.out.printf("| %s | %,.0f µs | %,.0f µs | %.3f× (%.3f–%.3f) |%n", names.get(way),
                        quantile(nanos[way], 0.5) / 1_000, quantile(nanos[way], 0.9) / 1_000, ratio[0], ratio[1], ratio[2]);
            }
        }
    }

    /**
     * The ways of making the same call, the raw call (the baseline) first. Each has an {@link HttpClient} of its
     * own, built the same way (so its own connection and selector thread), as an application using one of them
     * would: a client shared by some of them and not the others makes those faster.
     */
    private static Map<String, Callable<Object>> ways(String baseUri) {
        JobCall call = new JobCall(baseUri, HttpClient.newBuilder(), HttpClient.newHttpClient(), HttpClient.newHttpClient());
        Map<String, Callable<Object>> ways = new LinkedHashMap<>();
        ways.put("raw `java.net.http` + Jackson, `ofByteArray()`", call::raw);
        ways.put("raw `java.net.http` + Jackson, `ofInputStream()`", call::rawStreamed);
        ways.put("generated client (`JobsApi.getJob`)", call::generated);
        return ways;
    }

    /** The ratio of the medians of {@code times} and {@code baseline}, and its 99% bootstrap interval (rounds resampled). */
    private static double[] ratioOfMedians(long[] times, long[] baseline, Random random) {
        double ratio = quantile(times, 0.5) / quantile(baseline, 0.5);
        double[] resampled = new double[RESAMPLES];
        long[] a = new long[times.length];
        long[] b = new long[times.length];
        for (int i = 0; i < RESAMPLES; i++) {
            for (int j = 0; j < times.length; j++) {
                int round = random.nextInt(times.length);
                a[j] = times[round];
                b[j] = baseline[round];
            }
            resampled[i] = quantile(a, 0.5) / quantile(b, 0.5);
        }
        Arrays.sort(resampled);
        return new double[] {ratio, resampled[(int) (RESAMPLES * 0.005)], resampled[(int) (RESAMPLES * 0.995) - 1]};
    }

    private static double quantile(long[] values, double q) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }
}
