package dev.jobsopenapi.otherlanguages;

import dev.jobsopenapi.specs.NodeTools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Finds the Python the generated Python clients need: {@code python3} with pydantic 2, urllib3 and
 * python-dateutil. Where it is missing, a test that needs it is skipped with a notice saying what is missing;
 * where {@value #REQUIRED} is set (as {@code .ci/run} sets it), it fails instead.
 */
final class PythonTools {

    /** The environment variable that makes the Python checks mandatory. */
    static final String REQUIRED = "JOBS_OPENAPI_REQUIRE_PYTHON";

    private static final String PROBE = "import sys, pydantic, urllib3, dateutil\n"
            + "sys.exit(0 if int(pydantic.VERSION.split('.')[0]) >= 2 else 3)\n";

    private PythonTools() {
    }

    /** Skips (or, where {@value #REQUIRED} is set, fails) unless python3 with the generated client's packages runs. */
    static void require() {
        String missing;
        try {
            Process probe = new ProcessBuilder("python3", "-c", PROBE).redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exit = probe.waitFor();
            missing = switch (exit) {
                case 0 -> null;
                case 3 -> "pydantic is older than 2";
                default -> "python3 lacks a package the generated client needs (pydantic 2, urllib3, python-dateutil): "
                        + output.lines().reduce((a, b) -> b).orElse("");
            };
        } catch (IOException e) {
            missing = "python3 is not on the PATH";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            missing = "interrupted";
        }
        if (missing == null) {
            return;
        }
        NodeTools.skipOrFail(REQUIRED, "needs Python 3 with pydantic 2, urllib3 and python-dateutil, and " + missing,
                "the machine image of .ci/run has them");
    }
}
