package dev.jobsopenapi.conformance.junit;

import dev.jobsopenapi.conformance.ConformanceLog;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

/**
 * A JUnit 5 extension that gives each test a fresh {@link ConformanceLog} and fails the test when anything it
 * recorded does not conform. With it, checking all traffic of a test is one line: hand the log to a
 * {@link dev.jobsopenapi.conformance.http.ValidatingResponseInterceptor} (client side) or to the
 * {@link dev.jobsopenapi.conformance.http.ConformanceFilter} (server side).
 *
 * <pre>{@code
 * @ExtendWith(ConformanceExtension.class)
 * class MyClientTest {
 *     @Test
 *     void listsJobs(ConformanceLog log) throws Exception {
 *         apiClient.setResponseInterceptor(ValidatingResponseInterceptor.collecting(contract, log));
 *         new JobsApi(apiClient).listJobs();
 *     }   // fails here if an answer did not conform
 * }
 * }</pre>
 *
 * <p>The violations are never lost: when the test itself throws (typically because the client could not decode the
 * answer that does not conform), the failure becomes the violations, field first, with the test's exception as its
 * cause. A passing test publishes how many answers it checked (a report entry {@code jobs-openapi.checked}); to fail
 * a test that checked fewer than a number of answers (one that forgot the interceptor checks none), register
 * {@link #requiringChecked(int)} instead:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ConformanceExtension conformance = ConformanceExtension.requiringChecked(1);
 * }</pre>
 *
 * <p>JUnit Jupiter is an optional dependency of this library: add {@code junit-jupiter-api} to use the extension.
 */
public final class ConformanceExtension implements ParameterResolver, TestExecutionExceptionHandler, AfterEachCallback {

    /** The report entry key under which a test publishes how many answers it checked. */
    public static final String CHECKED = "jobs-openapi.checked";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceExtension.class);

    private final int atLeast;

    /** Fails a test on any violation; a test that checks nothing passes (and reports 0 checked). */
    public ConformanceExtension() {
        this(0);
    }

    private ConformanceExtension(int atLeast) {
        this.atLeast = atLeast;
    }

    /** Also fails a test that checked fewer than {@code atLeast} answers (at least 1). */
    public static ConformanceExtension requiringChecked(int atLeast) {
        if (atLeast < 1) {
            throw new IllegalArgumentException("atLeast must be at least 1");
        }
        return new ConformanceExtension(atLeast);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConformanceLog.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return log(context);
    }

    /**
     * The test threw: if it recorded violations, they are the failure (their fields first), the test's own exception
     * their cause; otherwise the test's exception as it was.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        ConformanceLog log = context.getStore(NAMESPACE).get(context.getUniqueId(), ConformanceLog.class);
        if (log == null || log.failures().isEmpty()) {
            throw thrown;
        }
        try {
            log.assertAllConform();
        } catch (AssertionFailedError violations) {
            AssertionFailedError failure = new AssertionFailedError(violations.getMessage()
                    + "\n(the test then failed with: " + firstLine(thrown) + ")", thrown);
            failure.setStackTrace(thrown.getStackTrace());
            throw failure;
        }
        throw thrown;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ConformanceLog log = context.getStore(NAMESPACE).remove(context.getUniqueId(), ConformanceLog.class);
        int checked = log == null ? 0 : log.results().size();
        context.publishReportEntry(CHECKED, Integer.toString(checked));
        if (context.getExecutionException().isPresent()) {
            return; // reported by handleTestExecutionException, violations first
        }
        if (log != null) {
            log.assertAllConform();
        }
        if (checked < atLeast) {
            throw new AssertionFailedError(checked + " answers checked, at least " + atLeast + " required: is the log handed to"
                    + " a ValidatingResponseInterceptor or ConformanceFilter on the traffic the test makes?");
        }
    }

    private static ConformanceLog log(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(), id -> new ConformanceLog(), ConformanceLog.class);
    }

    private static String firstLine(Throwable thrown) {
        String text = thrown.toString();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
