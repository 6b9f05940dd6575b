package dev.jobsopenapi.specs;

import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that finds the tools beyond a JDK and Maven that some checks run: Node.js with npm and the
 * packages the specs module installs in {@code specs/node_modules} (the linters, Prism, Redocly, tsc, the vendor's
 * SDK core), and Chromium. Where a tool is missing, a check that needs it is skipped with a notice saying what is
 * missing and how to get it; where {@value #REQUIRE_NODE} or {@value #REQUIRE_CHROMIUM} is set (as
 * {@code .ci/run} sets both), it fails instead, so CI can never skip it silently.
 */
public final class NodeTools {

    /** The environment variable that makes the Node.js checks mandatory. */
    public static final String REQUIRE_NODE = "JOBS_OPENAPI_REQUIRE_NODE";
    /** The environment variable that makes the Chromium checks mandatory. */
    public static final String REQUIRE_CHROMIUM = "JOBS_OPENAPI_REQUIRE_CHROMIUM";

    private static final String HOW = "install Node.js 20+ with npm (and Debian's chromium for the rendered reference),"
            + " or run .ci/run, which installs them; then mvn -B verify runs this check";

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

    /** What is missing for the Node.js checks ({@code node} and {@code npm} on the PATH), if anything. */
    public static Optional<String> missingNode() {
        if (!runs("node", "--version")) {
            return Optional.of("Node.js (node) is not on the PATH");
        }
        if (!runs("npm", "--version")) {
            return Optional.of("npm is not on the PATH");
        }
        return Optional.empty();
    }

    /**
     * Skips (or, where {@value #REQUIRE_NODE} is set, fails) the calling test unless {@code node} runs and the npm
     * package is installed in {@link #nodeModules()}.
     */
    public static void requirePackage(String packageName) {
        Optional<String> missing = missingNode();
        if (missing.isEmpty() && !Files.isDirectory(nodeModules().resolve(packageName))) {
            missing = Optional.of(packageName + " is not installed in " + nodeModules() + " (the specs module's build runs npm ci there)");
        }
        missing.ifPresent(why -> skipOrFail(REQUIRE_NODE, "needs " + packageName + " on Node.js, and " + why, HOW));
    }

    /** The Chromium to drive; skips (or, where {@value #REQUIRE_CHROMIUM} is set, fails) the calling test without one. */
    public static String requireChromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        skipOrFail(REQUIRE_CHROMIUM, "needs Chromium, and neither /usr/bin/chromium nor /usr/bin/chromium-browser is there", HOW);
        throw new IllegalStateException("unreachable");
    }

    /**
     * For a check that cannot run here: fails where the variable is set; otherwise prints a notice to standard error
     * and aborts the calling test, which the test report shows as skipped.
     *
     * @param requiredBy the environment variable that makes the check mandatory
     * @param message    what the check needs and what is missing ("needs X, and Y is not on the PATH")
     * @param how        how to get it
     */
    public static void skipOrFail(String requiredBy, String message, String how) {
        if (System.getenv(requiredBy) != null) {
            throw new AssertionError(requiredBy + " is set, so this check may not be skipped: it " + message);
        }
        System.err.println("SKIPPED (loudly): this check " + message + "; " + how);
        throw new TestAbortedException(message + "; " + how);
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
