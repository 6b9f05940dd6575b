package dev.jobsopenapi.conformance.junit;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ConformanceLog;
import dev.jobsopenapi.conformance.LoopbackAnswer;
import dev.jobsopenapi.conformance.http.ValidatingResponseInterceptor;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link ConformanceExtension} in a real JUnit run (the JUnit Platform test kit runs {@link UsersTest}): a test
 * whose traffic conforms passes, one that received a non-conforming answer fails after it ran, naming the
 * field, although its own assertions passed.
 */
class ConformanceExtensionTest {

    /** A user's test class: one call gets the documented job list, the other a list whose job lacks its status. */
    @ExtendWith(ConformanceExtension.class)
    static class UsersTest {

        private static String call(ConformanceLog log, String body) throws Exception {
            ValidatingResponseInterceptor check = ValidatingResponseInterceptor.collecting(
                    ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS), log);
            return LoopbackAnswer.get(body.getBytes(StandardCharsets.UTF_8),
                    response -> new String(check.apply(response).body().readAllBytes(), StandardCharsets.UTF_8));
        }

        @Test
        void conformingTraffic(ConformanceLog log) throws Exception {
            assertEquals("[]", call(log, "[]"));
        }

        @Test
        void nonConformingTraffic(ConformanceLog log) throws Exception {
            String body = "[{\"submission_id\":\"app-1\"}]";
            assertEquals(body, call(log, body), "the answer is handed on unchanged");
        }

        /** The client cannot decode the answer that breaks the spec, and throws: the violation must still lead. */
        @Test
        void trafficTheClientCannotDecode(ConformanceLog log) throws Exception {
            String body = "[{\"submission_id\":\"app-1\",\"status\":\"RUNNING\",\"driver_exit_code\":\"zero\"}]";
            call(log, body);
            throw new IllegalStateException("Cannot deserialize value of type java.lang.Integer from String \"zero\"");
        }
    }

    /** A test that forgot the interceptor: it checks nothing. */
    static class ForgetfulTest {
        @org.junit.jupiter.api.extension.RegisterExtension
        static ConformanceExtension conformance = ConformanceExtension.requiringChecked(1);

        @Test
        void checksNothing(ConformanceLog log) {
            assertTrue(log.results().isEmpty());
        }
    }

    @Test
    void aTestWhoseTrafficBreaksTheSpecFailsNamingTheField() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(UsersTest.class)).execute().testEvents();
        assertEquals(1, tests.succeeded().count());
        assertEquals(2, tests.failed().count());
        Throwable failure = failureOf(tests, "nonConformingTraffic");
        assertInstanceOf(AssertionFailedError.class, failure);
        assertTrue(failure.getMessage().startsWith("/0/status: "), failure.getMessage());
    }

    @Test
    void aTestThatThrowsStillFailsNamingTheFieldFirstWithItsExceptionAsTheCause() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(UsersTest.class)).execute().testEvents();
        Throwable failure = failureOf(tests, "trafficTheClientCannotDecode");
        assertInstanceOf(AssertionFailedError.class, failure);
        assertTrue(failure.getMessage().startsWith("/0/driver_exit_code: "), failure.getMessage());
        assertInstanceOf(IllegalStateException.class, failure.getCause());
        assertTrue(failure.getMessage().contains("the test then failed with: java.lang.IllegalStateException"), failure.getMessage());
    }

    @Test
    void aTestReportsHowManyAnswersItChecked() {
        java.util.List<String> checked = EngineTestKit.engine("junit-jupiter").selectors(selectClass(UsersTest.class)).execute()
                .allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow()
                        .getKeyValuePairs().get(ConformanceExtension.CHECKED)).sorted().toList();
        assertEquals(java.util.List.of("1", "1", "1"), checked);
    }

    @Test
    void aTestThatCheckedFewerAnswersThanRequiredFails() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ForgetfulTest.class)).execute().testEvents();
        Throwable failure = failureOf(tests, "checksNothing");
        assertTrue(failure.getMessage().startsWith("0 answers checked, at least 1 required"), failure.getMessage());
    }

    private static Throwable failureOf(Events tests, String method) {
        return tests.failed().stream().filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " did not fail"))
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }
}
