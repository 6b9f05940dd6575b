package dev.jobsopenapi.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Ways of doing the same work, timed side by side: in each round every way runs once, in a new random order, so
 * that whatever drifts on the machine during the run (other load, CPU clocks, the JIT) falls on all of them alike.
 * Measuring each way in a JVM and a period of its own (as JMH does) moves a ratio on a small machine by more than
 * the difference being measured. The first way is the baseline that ratios are taken against.
 */
final class SideBySide {

    private static final int RESAMPLES = 1_000;

    private final List<String> names;
    private final long[][] nanos;
    private final Random random;

    /** Times already measured: {@code nanos[way][round]}, the baseline way first; {@code random} draws the resamples. */
    SideBySide(List<String> names, long[][] nanos, Random random) {
        this.names = names;
        this.nanos = nanos;
        this.random = random;
    }

    /**
     * Runs {@code warmup} rounds that are not recorded, then {@code rounds} recorded ones.
     *
     * @param ways the ways by name, in order, the baseline first; each returns its result so that the work is used
     */
    static SideBySide run(Map<String, Callable<?>> ways, int warmup, int rounds, Random random) throws Exception {
        List<String> names = new ArrayList<>(ways.keySet());
        List<Callable<?>> work = new ArrayList<>(ways.values());
        long[][] nanos = new long[names.size()][rounds];
        List<Integer> order = new ArrayList<>();
        for (int way = 0; way < names.size(); way++) {
            order.add(way);
        }
        for (int round = -warmup; round < rounds; round++) {
            Collections.shuffle(order, random);
            for (int way : order) {
                long start = System.nanoTime();
                if (work.get(way).call() == null) {
                    throw new IllegalStateException(names.get(way) + " gave no result");
                }
                long took = System.nanoTime() - start;
                if (round >= 0) {
                    nanos[way][round] = took;
                }
            }
        }
        return new SideBySide(names, nanos, random);
    }

    /** The ways of doing some work with one API's list of some number of jobs, the baseline first. */
    @FunctionalInterface
    interface ListWays {
        Map<String, Callable<?>> of(String api, int jobs) throws Exception;
    }

    /**
     * For both APIs and lists of 1,000, 10,000 and 100,000 jobs: runs the ways side by side for about
     * {@code seconds} each (a quarter of that more to warm up) and prints a table for each list.
     *
     * @param header the tables' header row, four columns: the way, median, p90, ratio to the baseline
     */
    static void printEveryList(double seconds, String header, ListWays ways) throws Exception {
        Random random = new Random(1);
        System.out.printf("Each way once per round in a random order; %s, %d cores, -Xmx %,d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (String api : new String[] {"modelarts", "openyuanrong"}) {
            for (int jobs : new int[] {1_000, 10_000, 100_000}) {
                Map<String, Callable<?>> list = ways.of(api, jobs);
                int rounds = rounds(list, seconds);
                SideBySide measured = run(list, Math.max(10, rounds / 4), rounds, random);
                System.out.printf("%n%s, %,d jobs: %,d rounds%n", api, jobs, rounds);
                measured.print(System.out, header, "ms", 1e6);
            }
        }
    }

    /** As many rounds as fit in about {@code seconds}, judged from a second of untimed ones (at least 3); at least 20. */
    private static int rounds(Map<String, Callable<?>> ways, double seconds) throws Exception {
        long start = System.nanoTime();
        int tried = 0;
        while (tried < 3 || System.nanoTime() - start < 1_000_000_000L) {
            for (Callable<?> way : ways.values()) {
                way.call();
            }
            tried++;
        }
        double perRound = (System.nanoTime() - start) / 1e9 / tried;
        return (int) Math.max(20, seconds / perRound);
    }

    /** The median time of a way, in nanoseconds. */
    double median(int way) {
        return quantile(nanos[way], 0.5);
    }

    /** The ratio of a way's median to the baseline's, and its 99% bootstrap interval (rounds resampled). */
    double[] ratio(int way) {
        long[] times = nanos[way];
        long[] baseline = nanos[0];
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
        return new double[] {median(way) / median(0), resampled[(int) (RESAMPLES * 0.005)], resampled[(int) (RESAMPLES * 0.995) - 1]};
    }

    /**
     * Prints a Markdown table: each way's median and 90th percentile in {@code unit}, and its ratio to the baseline.
     *
     * @param header       the table's header row, four columns: the way, median, p90, ratio
     * @param nanosPerUnit 1,000 for microseconds, 1,000,000 for milliseconds
     */
    void print(PrintStream out, String header, String unit, double nanosPerUnit) {
        out.println(header);
        out.println("| --- | --- | --- | --- |");
        for (int way = 0; way < names.size(); way++) {
            double[] ratio = ratio(way);
            out.printf("| %s | %s %s | %s %s | %.3f× (%.3f–%.3f) |%n", names.get(way), figure(median(way) / nanosPerUnit), unit,
                    figure(quantile(nanos[way], 0.9) / nanosPerUnit), unit, ratio[0], ratio[1], ratio[2]);
        }
    }

    /** Three significant figures or more: 261, 27.7, 1.52. */
    static String figure(double value) {
        return String.format(value >= 100 ? "%,.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static double quantile(long[] values, double q) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }
}
