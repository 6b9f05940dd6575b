package dev.jobsopenapi.conformance;

import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The checks of live traffic, as a client interceptor ({@link dev.jobsopenapi.conformance.http.ValidatingResponseInterceptor}) or a server
 * * filter ({@link dev.jobsopenapi.conformance.http.ConformanceFilter}) records them: thread-safe, in the order they were made. A test asserts it at the end
 * ({@link #assertAllConform()}), or the {@link dev.jobsopenapi.conformance.junit.ConformanceExtension} does.
 */
public final class ConformanceLog {

    private final List<ValidationResult> results = new CopyOnWriteArrayList<>();

    /** Adds one check. */
    public void record(ValidationResult result) {
        results.add(result);
    }

    /** Every check recorded, in order. */
    public List<ValidationResult> results() {
        return List.copyOf(results);
    }

    /** The checks that found violations. */
    public List<ValidationResult> failures() {
        return results.stream().filter(r -> !r.isValid()).toList();
    }

    /** Forgets every check. */
    public void clear() {
        results.clear();
    }

    /**
     * Passes when every recorded check conforms.
     *
     * @throws AssertionFailedError whose first line is the first violation (its field, what is wrong, the rule), then
     *                              every failing check with its violations
     */
    public void assertAllConform() {
        List<ValidationResult> failures = failures();
        if (!failures.isEmpty()) {
            // The first field that is wrong leads, so that a one-line failure summary names it.
            Violation first = failures.get(0).violations().get(0);
            throw new AssertionFailedError(first.toString() + "\n" + failures.size() + " of " + results.size()
                    + " checked messages do not conform:\n"
                    + failures.stream().map(ValidationResult::toString).collect(Collectors.joining("\n")));
        }
    }
}
