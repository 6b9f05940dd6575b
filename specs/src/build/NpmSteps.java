import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The specs module's npm steps, a build step run by the build as a single-file program in its test phase:
 * {@code npm ci} (the pinned linters and the tools other modules' checks use) and {@code npm run lint} (Spectral,
 * Redocly, the Postman conversion). Without Node.js and npm both are skipped with a notice, unless
 * {@code JOBS_OPENAPI_REQUIRE_NODE} is set (as {@code .ci/run} sets it): then the build fails.
 */
public final class NpmSteps {

    private static final String REQUIRE_NODE = "JOBS_OPENAPI_REQUIRE_NODE";

    private NpmSteps() {
    }

    /** {@code args[0]}: the specs module's directory. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path specs = Path.of(args[0]);
        for (String tool : List.of("node", "npm")) {
            try {
                new ProcessBuilder(tool, "--version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start().waitFor();
            } catch (IOException e) {
                String message = "the spec lint (Spectral, Redocly, the Postman conversion) and the npm packages other checks"
                        + " use need Node.js 20+ with npm, and " + tool + " is not on the PATH";
                if (System.getenv(REQUIRE_NODE) != null) {
                    throw new IllegalStateException(REQUIRE_NODE + " is set, so this may not be skipped: " + message);
                }
                System.err.println("SKIPPED (loudly): " + message + "; install them, or run .ci/run, which installs them");
                return;
            }
        }
        run(specs, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        run(specs, "npm", "run", "--silent", "lint");
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile()).inheritIO();
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit + " in " + directory);
        }
    }
}
