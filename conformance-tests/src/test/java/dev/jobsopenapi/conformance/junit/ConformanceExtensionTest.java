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
    }

    @Test
    void aTestWhoseTrafficBreaksTheSpecFailsNamingTheField() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(UsersTest.class)).execute().testEvents();
        assertEquals(1, tests.succeeded().count());
        assertEquals(1, tests.failed().count());
        Throwable failure = tests.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertInstanceOf(AssertionFailedError.class, failure);
        assertTrue(failure.getMessage().contains("/0/status"), failure.getMessage());
    }
}
