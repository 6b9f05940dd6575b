package dev.jobsopenapi.signing;

import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the vendor's Node.js code that the tests use as an oracle. It lives in {@code specs/node_modules}, which
 * the specs module's build installs ({@code npm ci}). Where Node.js or the package is missing, a test that needs
 * it is skipped with a notice saying how to run it; where {@value #REQUIRED} is set (as {@code .ci/run} sets
 * it), it fails instead, so CI can never skip it silently.
 */
public final class NodeTools {

    /** The environment variable that makes the Node.js checks mandatory. */
    public static final String REQUIRED = "JOBS_OPENAPI_REQUIRE_NODE";

    private NodeTools() {
    }

    /** The repository's root: the parent of the module the tests run in. */
    public static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** Where the specs module installs the npm packages. */
    public static Path nodeModules() {
        return root().resolve("specs/node_modules");
    }

    /**
     * Skips (or, where {@value #REQUIRED} is set, fails) the calling test unless {@code node} runs and the npm
     * package is installed.
     */
    public static void requirePackage(String packageName) {
        String missing = null;
        if (!runs("node", "--version")) {
            missing = "Node.js (node) is not on the PATH";
        } else if (!Files.isDirectory(nodeModules().resolve(packageName))) {
            missing = packageName + " is not installed in " + nodeModules() + " (the specs module's build runs npm ci there)";
        }
        if (missing == null) {
            return;
        }
        String message = "needs " + packageName + " on Node.js, and " + missing
                + "; install Node.js 20+ and npm, build once (mvn -B verify), or run .ci/run, which installs both";
        if (System.getenv(REQUIRED) != null) {
            throw new AssertionError(REQUIRED + " is set, so this check may not be skipped: it " + message);
        }
        System.err.println("SKIPPED (loudly): this test " + message);
        throw new TestAbortedException(message);
    }

    /** Starts {@code node script args...} with the specs module's packages on its {@code NODE_PATH}. */
    public static Process start(Path script, String... args) throws IOException {
        return startWith(script, Map.of(), args);
    }

    /** Starts {@code node script args...} as {@link #start} does, with these environment variables added. */
    public static Process startWith(Path script, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        builder.environment().put("NODE_PATH", nodeModules().toString());
        return builder.start();
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
