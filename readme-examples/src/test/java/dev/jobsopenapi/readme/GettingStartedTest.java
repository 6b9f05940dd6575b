package dev.jobsopenapi.readme;

import dev.jobsopenapi.mock.junit.MockServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The README's Getting started is the {@code getting-started/} project, and prints what it shows: its POM and test
 * class are those files, byte for byte; the test passes against the mock server; and with the documented switch
 * ({@value MockServerExtension#FAULT_PARAMETER}) it fails with exactly the failure the README prints.
 */
class GettingStartedTest {

    private static final Path PROJECT = ReadmeJavaBlocksCompileTest.ROOT.resolve("getting-started");
    private static final Path TEST = PROJECT.resolve("src/test/java/example/JobsClientTest.java");

    private static String gettingStarted() throws Exception {
        String readme = Files.readString(ReadmeJavaBlocksCompileTest.README);
        int start = readme.indexOf("## Getting started");
        assertTrue(start >= 0, "the README has a Getting started section");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> blocks(String section, String language) {
        Matcher m = Pattern.compile("(?m)^```" + language + "\\n(.*?)^```", Pattern.DOTALL).matcher(section);
        List<String> blocks = new java.util.ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void theReadmeShowsTheProjectsPomAndTestAsTheyAre() throws Exception {
        String section = gettingStarted();
        assertEquals(List.of(Files.readString(PROJECT.resolve("pom.xml"))), blocks(section, "xml"));
        assertEquals(List.of(Files.readString(TEST)), blocks(section, "java"));
        assertTrue(blocks(section, "sh").contains("mvn test -D" + MockServerExtension.FAULT_PARAMETER
                + "=listJobs=drop:/0/submission_id\n"), section);
    }

    @Test
    void theTestPassesAndTheDocumentedSwitchMakesItFailAsPrinted() throws Exception {
        Path out = Files.createTempDirectory("getting-started");
        ReadmeJavaBlocksCompileTest.Block block = new ReadmeJavaBlocksCompileTest.Block("getting-started", 1, Files.readString(TEST));
        assertEquals(List.of(), ReadmeJavaBlocksCompileTest.compile("JobsClientTest",
                ReadmeJavaBlocksCompileTest.compilationUnit(block, "JobsClientTest"), out).stream().map(d -> d.getMessage(null)).toList());
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {out.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> test = loader.loadClass("example.JobsClientTest");
            Events green = EngineTestKit.engine("junit-jupiter").selectors(selectClass(test)).execute().testEvents();
            assertEquals(1, green.succeeded().count(), () -> "passes against the mock server: " + green.list());
            assertEquals(0, green.failed().count());

            String fault = blocks(gettingStarted(), "sh").stream().filter(b -> b.contains(MockServerExtension.FAULT_PARAMETER))
                    .findFirst().orElseThrow().strip().replaceFirst(".*-D" + Pattern.quote(MockServerExtension.FAULT_PARAMETER) + "=", "");
            Events red = EngineTestKit.engine("junit-jupiter").configurationParameter(MockServerExtension.FAULT_PARAMETER, fault)
                    .selectors(selectClass(test)).execute().testEvents();
            assertEquals(1, red.failed().count(), () -> "fails with " + fault + ": " + red.list());
            Throwable failure = red.failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .orElseThrow().getThrowable().orElseThrow();
            List<String> printed = blocks(gettingStarted(), "text").stream().filter(b -> b.contains("<<< FAILURE!"))
                    .findFirst().orElseThrow().lines().toList();
            assertEquals("[ERROR] example.JobsClientTest.theJobListConforms(URI, ConformanceLog) <<< FAILURE!", printed.get(0));
            assertEquals(failure.getClass().getName() + ":", printed.get(1));
            assertEquals(String.join("\n", printed.subList(2, printed.size())), failure.getMessage().strip(),
                    "the README's failure is what the test prints");
        }
    }
}
