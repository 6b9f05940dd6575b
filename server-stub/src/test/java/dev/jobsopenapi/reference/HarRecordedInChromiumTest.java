package dev.jobsopenapi.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.conformance.cli.ConformanceCliAccess;
import dev.jobsopenapi.specs.NodeTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A HAR that a real recorder wrote: Playwright records one in Chromium while a page calls the reference server's
 * operations, and {@code validate-har} checks every documented exchange in it, lists the undocumented one as skipped,
 * and reports an answer the test then breaks at its field.
 */
class HarRecordedInChromiumTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHarRecordedInChromiumIsCheckedEntryByEntry(@TempDir Path dir) throws Exception {
        NodeTools.requirePackage("playwright-core");
        String chromium = NodeTools.requireChromium();
        Path har = dir.resolve("recorded.har");
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            Process recorder = NodeTools.start(Path.of("src/test/node/record-har.cjs").toAbsolutePath(), chromium,
                    server.baseUri().toString(), har.toString());
            recorder.getInputStream().transferTo(System.out);
            assertTrue(recorder.waitFor(120, TimeUnit.SECONDS), "the recorder did not finish");
            assertEquals(0, recorder.exitValue(), "the recorder failed");
        }
        String[] out = new String[1];
        assertEquals(0, validate(har, out), out[0]);
        long checked = out[0].lines().filter(l -> l.startsWith("PASS HAR entry")).count();
        assertTrue(checked >= 12, checked + " checks (a request and an answer for each of 6 calls and the page):\n" + out[0]);
        assertTrue(out[0].contains("no spec documents GET /nothing-documented-here"), out[0]);

        ObjectNode document = (ObjectNode) JSON.readTree(har.toFile());
        for (JsonNode entry : document.at("/log/entries")) {
            if (entry.at("/request/url").asText().endsWith("/v1/proj-1/dev-servers/jobs")) {
                ObjectNode content = (ObjectNode) entry.at("/response/content");
                content.put("text", "{\"total\": \"three\", \"data\": []}");
                content.remove("encoding");
            }
        }
        Path broken = dir.resolve("broken.har");
        JSON.writeValue(broken.toFile(), document);
        assertEquals(1, validate(broken, out), out[0]);
        assertTrue(out[0].contains("/total: string found, integer expected"), out[0]);
    }

    private static int validate(Path har, String[] printed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ConformanceCliAccess.run(new String[] {"validate-har", har.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        printed[0] = out.toString(StandardCharsets.UTF_8);
        return exit;
    }
}
