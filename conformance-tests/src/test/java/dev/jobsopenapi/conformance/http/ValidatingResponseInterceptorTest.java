package dev.jobsopenapi.conformance.http;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ConformanceLog;
import dev.jobsopenapi.conformance.LoopbackAnswer;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client-side check hands every answer on whole, however large, and fails or records as asked. */
class ValidatingResponseInterceptorTest {

    private static final ApiContract CONTRACT = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);

    @Test
    void aLargeAnswerIsHandedOnWholeWhateverTheVerdict() throws Exception {
        byte[] filler = new byte[40 * 1024 * 1024];
        Arrays.fill(filler, (byte) 'a');
        byte[] body = ("[{\"submission_id\":\"app-1\",\"status\":\"RUNNING\",\"entrypoint\":\"" + new String(filler, StandardCharsets.US_ASCII)
                + "\"}]").getBytes(StandardCharsets.UTF_8);
        ConformanceLog log = new ConformanceLog();
        byte[] passed = LoopbackAnswer.get(body,
                response -> ValidatingResponseInterceptor.collecting(CONTRACT, log).apply(response).body().readAllBytes());
        assertArrayEquals(body, passed);
        assertEquals(1, log.results().size());
        // Checked, though not past Jackson's limit of 20 million characters in one string: that is a violation
        // saying so, while the client still gets every byte.
        assertTrue(log.results().get(0).toString().contains("beyond what the checker reads"), log.results().get(0)::toString);
    }

    @Test
    void failingModeFailsTheCallNamingTheField() throws Exception {
        byte[] body = "[{\"submission_id\":\"app-1\"}]".getBytes(StandardCharsets.UTF_8);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> LoopbackAnswer.get(body, ValidatingResponseInterceptor.failing(CONTRACT)::apply));
        assertTrue(failure.getMessage().contains("/0/status"), failure.getMessage());
    }
}
