package dev.jobsopenapi.benchmarks;

import dev.jobsopenapi.conformance.ApiContract;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Checking a list body from its text with this library next to a plain Jackson {@code readTree} (the floor), the
 * networknt validator called directly ({@link ListValidation}) and swagger-request-validator
 * ({@link AtlassianValidation}), measured {@linkplain SideBySide side by side} in one JVM, for both APIs and lists of
 * 1,000, 10,000 and 100,000 jobs. {@link ValidateBenchmark} gives each way JVMs and periods of its own, whose speed on
 * a small machine moves by more than the differences being measured. Prints, per list, each way's median and 90th
 * percentile and the ratio of its median to {@code readTree}'s, with a 99% bootstrap interval. Run on demand:
 * <pre>java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar dev.jobsopenapi.benchmarks.ValidateSideBySide [SECONDS]</pre>
 * SECONDS (default 20) is about the measured time per list; a quarter of it more goes to warming up. Every list gets
 * at least 20 measured rounds and 10 to warm up, and a round of a 100,000-job list takes about ten seconds here
 * (swagger-request-validator most of it), so the whole run takes about a quarter of an hour.
 */
public final class ValidateSideBySide {

    private ValidateSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        SideBySide.printEveryList(args.length > 0 ? Double.parseDouble(args[0]) : 20,
                "| Check | median | p90 | median ÷ `readTree`'s (99% interval) |", (api, jobs) -> {
                    ListValidation validation = new ListValidation(api, jobs);
                    Map<String, Callable<?>> ways = new LinkedHashMap<>();
                    ways.put("Jackson `readTree` only (the floor)", validation::readTreeOnly);
                    ways.put("**this library** (`ApiContract.validateResponse`)", validation::library);
                    ways.put("this library, the last job's `status` wrong", validation::libraryLastJobFaulty);
                    ways.put("networknt validator called directly (after `readTree`)", validation::networkntDirect);
                    AtlassianValidation atlassian = new AtlassianValidation(api);
                    String body = validation.body();
                    ways.put("swagger-request-validator 2.44.1", () -> atlassian.validate(body));
                    return ways;
                });
    }
}
