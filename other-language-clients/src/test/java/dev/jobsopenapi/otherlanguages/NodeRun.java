package dev.jobsopenapi.otherlanguages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.NodeTools;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a command of the Node.js checks (node, tsc, a generator's command line) with the specs module's npm packages on
 * its {@code NODE_PATH}, failing with its output when it fails or outlives its time.
 */
final class NodeRun {

    private NodeRun() {
    }

    /** Runs the command and returns what it printed (standard output and error together). */
    static String run(int timeoutSeconds, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NODE_PATH", NodeTools.nodeModules().toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    /** Runs a check of a plan that prints its summary as its last line, and asserts it followed the plan. */
    static JsonNode runPlan(PlannedCall.Plan plan, String... command) throws Exception {
        return plan.assertFollowedIn(run(180, command));
    }
}
