package dev.jobsopenapi.conformance.junit;

import dev.jobsopenapi.conformance.ConformanceLog;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

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
 * <p>JUnit Jupiter is an optional dependency of this library: add {@code junit-jupiter-api} to use the extension.
 */
public final class ConformanceExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConformanceLog.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(context.getUniqueId(), id -> new ConformanceLog(), ConformanceLog.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ConformanceLog log = context.getStore(NAMESPACE).remove(context.getUniqueId(), ConformanceLog.class);
        if (log != null && context.getExecutionException().isEmpty()) {
            log.assertAllConform();
        }
    }
}
