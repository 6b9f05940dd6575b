package dev.jobsopenapi.readme;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell blocks of the README and docs/ marked {@code <!-- paste-test: ... -->} run as a reader pastes them: each
 * on its own, in bash, from the repository root (with the jars this build made); every line of the {@code text} block
 * that follows is found in what it prints (a time such as {@code (248 ms)} stands for any time), the processes it
 * left in the background are stopped, and it leaves the working tree as it found it. Needs bash and curl: skipped
 * with a notice without them, unless {@value #REQUIRED} is set (as {@code .ci/run} sets it).
 */
class PastedShellBlocksTest {

    static final String REQUIRED = "JOBS_OPENAPI_REQUIRE_SHELL";
    private static final Pattern MARKED = Pattern.compile("(?ms)^<!-- paste-test:[^\\n]*-->\\n```sh\\n(.*?)^```\\n(.*?)^```text\\n(.*?)^```");

    /** A marked block: where it is, its commands and the output it shows. */
    record Pasted(String where, String commands, List<String> shown) {
    }

    static List<Pasted> marked() throws IOException {
        List<Pasted> blocks = new ArrayList<>();
        for (Path document : ReadmeJavaBlocksCompileTest.documents()) {
            String text = Files.readString(document);
            Matcher m = MARKED.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                blocks.add(new Pasted(ReadmeJavaBlocksCompileTest.ROOT.relativize(document) + " line " + line, m.group(1),
                        m.group(3).lines().toList()));
            }
        }
        return blocks;
    }

    @TestFactory
    Stream<DynamicTest> everyMarkedShellBlockRunsOnItsOwnAndPrintsWhatItShows() throws IOException {
        List<Pasted> blocks = marked();
        assertFalse(blocks.isEmpty(), "no block is marked <!-- paste-test: ... -->");
        return blocks.stream().map(block -> DynamicTest.dynamicTest(block.where(), () -> {
            requireTools();
            String before = gitStatus();
            // Job control on, the block as pasted, then whatever it left running is stopped, as a reader would.
            String script = "set -m\n" + block.commands() + "\nkill $(jobs -p) 2>/dev/null\nwait\n";
            Process bash = new ProcessBuilder("bash", "-c", script).directory(ReadmeJavaBlocksCompileTest.ROOT.toFile())
                    .redirectErrorStream(true).start();
            bash.getOutputStream().close();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(120, TimeUnit.SECONDS), block.where() + " did not finish:\n" + output);
            for (String line : block.shown()) {
                Pattern expected = Pattern.compile(Pattern.quote(line).replaceAll("\\(\\d+ ms\\)", "\\\\E\\\\(\\\\d+ ms\\\\)\\\\Q"));
                assertTrue(expected.matcher(output).find(), () -> block.where() + " did not print: " + line + "\n" + output);
            }
            assertEquals(before, gitStatus(), block.where() + " changed the working tree");
        }));
    }

    private static void requireTools() throws Exception {
        for (String tool : List.of("bash", "curl")) {
            boolean present;
            try {
                present = new ProcessBuilder(tool, "--version").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
            } catch (IOException e) {
                present = false;
            }
            if (!present) {
                String message = "the documented shell blocks need bash and curl, and " + tool + " is not on the PATH";
                if (System.getenv(REQUIRED) != null) {
                    throw new AssertionError(REQUIRED + " is set, so this may not be skipped: " + message);
                }
                System.err.println("SKIPPED (loudly): " + message);
                Assumptions.abort(message);
            }
        }
    }

    /** What {@code git status --porcelain} says, or a listing of the tree's files outside target/ without git. */
    private static String gitStatus() throws Exception {
        try {
            Process git = new ProcessBuilder("git", "status", "--porcelain", "--ignored=no")
                    .directory(ReadmeJavaBlocksCompileTest.ROOT.toFile()).redirectErrorStream(true).start();
            String status = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() == 0) {
                return status;
            }
        } catch (IOException e) {
            // no git: list the files instead
        }
        try (Stream<Path> files = Files.walk(ReadmeJavaBlocksCompileTest.ROOT)) {
            return String.join("\n", files.map(p -> ReadmeJavaBlocksCompileTest.ROOT.relativize(p).toString())
                    .filter(p -> !p.contains("target") && !p.contains("node_modules") && !p.startsWith(".git")).sorted().toList());
        }
    }
}
