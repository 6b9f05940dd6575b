package dev.jobsopenapi.conformance;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConformanceCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ConformanceCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void checkPrintsOneLinePerExampleAndASummaryAndExitsZero() {
        assertEquals(0, run("check"));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "PASS modelarts-devserver-jobs listDevServerJobs 200 application/json ok",
                "PASS modelarts-devserver-jobs showDevServerJob 200 application/json ok",
                "PASS openyuanrong-jobs listJobs 200 application/json querySuccessful",
                "PASS openyuanrong-jobs listJobs 200 application/json queryEmpty",
                "4 passed, 0 failed"), lines);
    }

    @Test
    void checkCanBeLimitedToOneSpec() {
        assertEquals(0, run("check", "openyuanrong-jobs"));
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("2 passed, 0 failed" + System.lineSeparator()));
    }

    @Test
    void anUnknownCommandOrSpecIsAUsageError() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("check", "no-such-spec"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no-such-spec"));
    }
}
