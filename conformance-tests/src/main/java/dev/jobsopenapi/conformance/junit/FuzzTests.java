package dev.jobsopenapi.conformance.junit;

import dev.jobsopenapi.conformance.fuzz.Check;
import dev.jobsopenapi.conformance.fuzz.Finding;
import dev.jobsopenapi.conformance.fuzz.FuzzResult;
import dev.jobsopenapi.conformance.fuzz.Fuzzer;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fuzz run as JUnit 5 dynamic tests: one per check and operation, failing with the finding (its message, the
 * seed and the {@code curl} that reproduces it), and one that fails when the run sent nothing.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> myServerKeepsTheContract() {
 *     return FuzzTests.of(Fuzzer.of(ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS), LiveServer.at(url)).seed(42));
 * }
 * }</pre>
 */
public final class FuzzTests {

    private FuzzTests() {
    }

    /** Runs the fuzzer now and returns its results as tests. */
    public static Stream<DynamicTest> of(Fuzzer fuzzer) {
        FuzzResult result = fuzzer.run();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest(result.spec() + ": requests were sent (seed " + result.seed() + ")", () -> {
            if (result.requests() == 0) {
                throw new AssertionFailedError("nothing was sent: every operation was skipped " + result.skipped());
            }
        }));
        for (Map.Entry<Check, Map<String, FuzzResult.Tally>> check : result.tally().entrySet()) {
            for (Map.Entry<String, FuzzResult.Tally> row : check.getValue().entrySet()) {
                Finding finding = result.findings().stream()
                        .filter(f -> f.check() == check.getKey() && f.operationId().equals(row.getKey())).findFirst().orElse(null);
                tests.add(DynamicTest.dynamicTest(check.getKey().id() + " " + row.getKey() + " (" + row.getValue().passed()
                        + " passed)", () -> {
                    if (finding != null) {
                        throw new AssertionFailedError(finding.message() + " (" + finding.occurrences() + "x, seed "
                                + finding.seed() + ")\n" + finding.curl());
                    }
                }));
            }
        }
        return tests.stream();
    }
}
