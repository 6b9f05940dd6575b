package dev.jobsopenapi.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Decoding into the generated models next to plain databind ({@link ListDecoding}), measured {@linkplain SideBySide
 * side by side} in one JVM, for both APIs and lists of 1,000, 10,000 and 100,000 jobs. {@link DecodeBenchmark} gives
 * each way JVMs and periods of its own, and on a small machine the speed of a whole JVM or period moves by more than
 * the difference being measured. Prints, per list, each way's median and 90th percentile and the ratio of the
 * generated models' medians (with and without Blackbird) to plain databind's, with a 99% bootstrap interval. Run on
 * demand:
 * <pre>java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar dev.jobsopenapi.benchmarks.DecodeSideBySide [SECONDS]</pre>
 * SECONDS (default 20) is about the measured time per list; a quarter of it more goes to warming up.
 */
public final class DecodeSideBySide {

    private DecodeSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        SideBySide.printEveryList(args.length > 0 ? Double.parseDouble(args[0]) : 20,
                "| Decode | median | p90 | median ÷ plain databind's (99% interval) |", (api, jobs) -> {
                    ListDecoding decoding = new ListDecoding(api);
                    String body = decoding.body(jobs);
                    Map<String, Callable<?>> ways = new LinkedHashMap<>();
                    ways.put("plain databind", () -> decoding.plainDatabind(body));
                    ways.put("generated models", () -> decoding.generatedModels(body));
                    ways.put("generated models, Blackbird registered", () -> decoding.generatedModelsWithBlackbird(body));
                    return ways;
                });
    }
}
