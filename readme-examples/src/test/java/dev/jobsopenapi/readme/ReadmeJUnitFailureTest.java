package dev.jobsopenapi.readme;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The checker page's JUnit failure sample ({@code docs/checker.md}) is what its {@code MyClientTest} prints: the
 * class is compiled from the page,
 * pointed at a server that answers the documented job list with {@code "driver_exit_code": "zero"}, and run by
 * JUnit; its failure must be the sample printed after it (a sample line ending in {@code …} stands for any rest).
 */
class ReadmeJUnitFailureTest {

    private static final Pattern SAMPLE = Pattern.compile("class MyClientTest \\{.*?```text\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmesJUnitFailureSampleIsWhatItsTestClassPrints() throws Exception {
        ReadmeJavaBlocksCompileTest.Block block = ReadmeJavaBlocksCompileTest.blocks().stream()
                .filter(b -> b.code().contains("class MyClientTest")).findFirst().orElseThrow();
        HttpServer broken = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        broken.createContext("/api/jobs", exchange -> {
            byte[] body = zeroExitCode().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        broken.start();
        Path out = Files.createTempDirectory("readme-junit");
        try {
            String base = "http://127.0.0.1:" + broken.getAddress().getPort();
            ReadmeJavaBlocksCompileTest.Block local = new ReadmeJavaBlocksCompileTest.Block(block.document(), block.line(),
                    block.code().replace(ReadmeJavaBlocksCompileTest.MOCK, base));
            assertEquals(List.of(), ReadmeJavaBlocksCompileTest.compile("MyClientTest",
                    ReadmeJavaBlocksCompileTest.compilationUnit(local, "MyClientTest"), out).stream().map(d -> d.getMessage(null)).toList());
            String failure;
            try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {out.toUri().toURL()},
                    getClass().getClassLoader())) {
                Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(loader.loadClass("MyClientTest")))
                        .execute().testEvents();
                assertEquals(1, tests.failed().count(), "the page's test fails against a server that breaks the spec");
                failure = tests.failed().stream().findFirst().orElseThrow().getPayload(TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage();
            }
            Matcher sample = SAMPLE.matcher(Files.readString(ReadmeJavaBlocksCompileTest.ROOT.resolve(block.document())));
            assertTrue(sample.find(), block.document() + " shows a failure sample after MyClientTest");
            List<String> expected = sample.group(1).lines().toList();
            List<String> printed = failure.lines().toList();
            assertEquals(expected.size(), printed.size(), () -> "the page's sample is not the failure printed:\n" + failure);
            for (int i = 0; i < expected.size(); i++) {
                String want = expected.get(i);
                String got = printed.get(i);
                assertTrue(want.endsWith("…") ? got.startsWith(want.substring(0, want.length() - 1)) : got.equals(want),
                        () -> "the page's sample is not the failure printed:\n" + failure);
            }
        } finally {
            broken.stop(0);
        }
    }

    /** The documented job list, its first job's exit code a string. */
    private static String zeroExitCode() {
        ArrayNode jobs = (ArrayNode) ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS).example("listJobs", "200").orElseThrow()
                .value().deepCopy();
        ((ObjectNode) jobs.get(0)).put("driver_exit_code", "zero");
        return jobs.toString();
    }
}
