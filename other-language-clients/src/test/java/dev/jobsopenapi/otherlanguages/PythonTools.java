package dev.jobsopenapi.otherlanguages;

import dev.jobsopenapi.specs.NodeTools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finds the Python the generated Python clients need: {@code python3} with pydantic 2, urllib3 and
 * python-dateutil (openapi-generator's client), six and certifi (swagger-codegen's). Where it is missing, a test
 * that needs it is skipped with a notice saying what is missing;
 * where {@value #REQUIRED} is set (as {@code .ci/run} sets it), it fails instead.
 */
final class PythonTools {

    /** The environment variable that makes the Python checks mandatory. */
    static final String REQUIRED = "JOBS_OPENAPI_REQUIRE_PYTHON";

    private static final String PROBE = "import sys, pydantic, urllib3, dateutil, six, certifi\n"
            + "sys.exit(0 if int(pydantic.VERSION.split('.')[0]) >= 2 else 3)\n";

    private PythonTools() {
    }

    /**
     * Runs {@code python3 script args...} with these directories on its {@code PYTHONPATH} and returns what it printed
     * on standard output (its standard error goes to the build's), failing when it fails or outlives two minutes.
     */
    static String run(List<Path> pythonPath, Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder python = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        python.environment().put("PYTHONPATH", pythonPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        python.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = python.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), script.getFileName() + " did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
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
                default -> "python3 lacks a package the generated clients need (pydantic 2, urllib3, python-dateutil, six, certifi): "
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
        NodeTools.skipOrFail(REQUIRED, "needs Python 3 with pydantic 2, urllib3, python-dateutil, six and certifi, and " + missing,
                "the machine image of .ci/run has them");
    }
}
