package dev.jobsopenapi.conformance.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each command explains itself: its own help with examples, and a short usage line (not a page) on a usage error. */
class CommandHelpTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return ConformanceCli.run(args, new java.io.ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void probeHelpShowsProbeOnlyWithItsExamples() {
        for (String[] args : List.of(new String[] {"probe", "--help"}, new String[] {"help", "probe"},
                new String[] {"probe", "--spec", "x", "-h"})) {
            assertEquals(0, run(args), String.join(" ", args));
            String help = out.toString(StandardCharsets.UTF_8);
            assertTrue(help.startsWith("usage: java -jar jobs-openapi-conformance-cli.jar probe [OPTIONS]"), help);
            assertTrue(help.contains("--base-url=URL") && help.contains("--allow-write=ID"), help);
            assertTrue(help.contains("Examples (after java -jar jobs-openapi-conformance-cli.jar):"), help);
            assertFalse(help.contains("--upstream") || help.contains("--operation") || help.contains("validate-har"),
                    "another command's options: " + help);
            assertEquals("", err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyCommandHasItsOwnHelpWithExamples() {
        for (String command : List.of("check", "quirks", "validate", "probe", "fuzz", "proxy", "validate-har")) {
            assertEquals(0, run(command, "--help"), command);
            String help = out.toString(StandardCharsets.UTF_8);
            assertTrue(help.startsWith("usage: java -jar jobs-openapi-conformance-cli.jar " + command + " "), help);
            assertTrue(help.lines().anyMatch(line -> line.startsWith("  " + command + " ") || line.equals("  " + command)),
                    command + " shows no example of itself: " + help);
        }
    }

    @Test
    void aBashCompletionScriptCompletesEveryCommandAndItsOptions() {
        assertEquals(0, run("completion"));
        String script = out.toString(StandardCharsets.UTF_8);
        assertTrue(script.contains("complete -F"), script);
        for (String word : List.of("check", "probe", "fuzz", "--allow-write", "--concurrency", "validate-har")) {
            assertTrue(script.contains(word), word + " is not completed");
        }
    }

    @Test
    void fuzzRefusesABadSeedAndAServerThatCannotBeReachedWithExitTwo() throws Exception {
        assertEquals(2, run("fuzz", "--spec", "openyuanrong-jobs", "--base-url", "http://127.0.0.1:9", "--seed", "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: --seed takes a whole number, not 'x'"), err::toString);
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(2, run("fuzz", "--spec", "openyuanrong-jobs", "--base-url", "http://127.0.0.1:" + closedPort));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: cannot reach http://127.0.0.1:" + closedPort), err::toString);
    }

    @Test
    void aUsageErrorPrintsTheReasonAndTheCommandsUsageLineNotThePage() {
        assertEquals(2, run("probe", "--spec", "openyuanrong-jobs"));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("error: Missing required option: '--base-url=URL'",
                "usage: java -jar jobs-openapi-conformance-cli.jar probe [OPTIONS]",
                "Run 'java -jar jobs-openapi-conformance-cli.jar probe --help' for the options and examples."), lines);
        assertEquals("", out.toString(StandardCharsets.UTF_8));

        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: unknown command 'frobnicate' (commands: check,"
                + " quirks, validate, probe, fuzz, proxy, validate-har, help, completion)"), err::toString);
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: no command\nusage: "), err::toString);
        assertTrue(err.toString(StandardCharsets.UTF_8).lines().count() <= 3, err::toString);
    }

    @Test
    void aUsageErrorFoundWhileRunningIsReportedTheSameWay() {
        assertEquals(2, run("probe", "--spec", "openyuanrong-jobs", "--base-url", "http://127.0.0.1:1", "--timeout-seconds", "0"));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("error: --timeout-seconds takes a whole number from 1 to 86400, not '0'", lines.get(0));
        assertEquals("usage: java -jar jobs-openapi-conformance-cli.jar probe [OPTIONS]", lines.get(1));
    }

    @Test
    void theProxysEngineLimitsAreRangeChecked() {
        for (String option : List.of("--threads", "--max-connections")) {
            err.reset();
            assertEquals(2, run("proxy", "--spec", "openyuanrong-jobs", "--upstream", "http://127.0.0.1:9", "--port", "0", option, "0"));
            String first = err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
            assertTrue(first.startsWith("error: " + option + " takes a whole number from 1 to "), first);
        }
    }
}
