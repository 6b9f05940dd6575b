package dev.jobsopenapi.conformance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code validate-har}: the entries a spec documents are checked whatever way the file holds their bodies (text,
 * base64, still gzip-compressed), the others are listed with the reason, no recorded credential is written out, and
 * a file that is no HAR is a one-line error with exit 2, never a stack trace.
 */
class ValidateHarTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOB = "{\"submission_id\": \"app-1\", \"status\": \"RUNNING\", \"entrypoint\": \"python a.py\"}";

    @Test
    void everyWayAHarHoldsABodyIsCheckedAndTheRestListedWithTheReason(@TempDir Path dir) throws Exception {
        ObjectNode har = JSON.createObjectNode();
        ArrayNode entries = har.putObject("log").put("version", "1.2").putArray("entries");
        entries.add(entry("GET", "http://127.0.0.1:8888/api/jobs?token=recorded-secret-123", 200, "[" + JOB + "]", null));
        entries.add(entry("GET", "https://frontend.example/api/jobs", 200, Base64.getEncoder().encodeToString(gzip("[" + JOB + "]")), "gzip"));
        entries.add(entry("GET", "https://frontend.example/api/jobs", 200, Base64.getEncoder().encodeToString(
                "[{\"submission_id\": 7}]".getBytes(StandardCharsets.UTF_8)), null));
        entries.add(entry("GET", "https://frontend.example/favicon.ico", 404, "", null));
        entries.add(entry("GET", "https://frontend.example/api/jobs/app-1", 0, "", null));
        Path file = dir.resolve("recorded.har");
        JSON.writeValue(file.toFile(), har);
        String[] out = new String[1];
        assertEquals(1, run(out, "validate-har", file.toString()), out[0]);
        assertTrue(out[0].contains("HAR entry 2: openyuanrong-jobs listJobs 200 application/json: 1 violation")
                || out[0].contains("FAIL HAR entry 2"), out[0]);
        assertTrue(out[0].contains("/0/submission_id"), out[0]);
        assertEquals(4, out[0].lines().filter(l -> l.startsWith("PASS HAR entry 0") || l.startsWith("PASS HAR entry 1")).count(), out[0]);
        assertTrue(out[0].contains("no spec documents GET /favicon.ico"), out[0]);
        assertTrue(out[0].contains("no answer was recorded (status 0)"), out[0]);
        assertFalse(out[0].contains("recorded-secret-123"), out[0]);
    }

    @Test
    void aHarWithNothingCheckedOrOnlyRefusalsFailsUnlessAccepted(@TempDir Path dir) throws Exception {
        ObjectNode undocumented = JSON.createObjectNode();
        undocumented.putObject("log").put("version", "1.2").putArray("entries")
                .add(entry("GET", "https://frontend.example/favicon.ico?access_token=other-service-secret", 404, "", null));
        Path nothing = dir.resolve("nothing.har");
        JSON.writeValue(nothing.toFile(), undocumented);
        String[] out = new String[1];
        assertEquals(1, run(out, "validate-har", nothing.toString()), out[0]);
        assertTrue(out[0].contains("FAIL run: 0 answers checked"), out[0]);
        assertFalse(out[0].contains("other-service-secret"), "a URL no spec documents is printed without its query: " + out[0]);
        assertEquals(0, run(out, "validate-har", nothing.toString(), "--allow-empty"), out[0]);

        ObjectNode refusal = JSON.createObjectNode();
        refusal.putObject("log").put("version", "1.2").putArray("entries")
                .add(entry("GET", "https://frontend.example/api/jobs", 401, "{\"error\": \"Authentication failed: token is missing\"}", null))
                .add(entry("GET", "https://frontend.example/api/jobs", 200, "[" + JOB + "]", null));
        Path refused = dir.resolve("refused.har");
        JSON.writeValue(refused.toFile(), refusal);
        assertEquals(1, run(out, "validate-har", refused.toString()), out[0]);
        assertTrue(out[0].contains("REFUSED HAR entry 0") && out[0].contains("3 passed, 0 failed, 1 refused"), out[0]);
        assertEquals(0, run(out, "validate-har", refused.toString(), "--allow-refused"), out[0]);
    }

    @Test
    void aRecordedPathThatDoesNotNormaliseIsAFailureOfItsRequest(@TempDir Path dir) throws Exception {
        ObjectNode har = JSON.createObjectNode();
        har.putObject("log").put("version", "1.2").putArray("entries")
                .add(entry("GET", "https://frontend.example/api;/jobs", 200, "[" + JOB + "]", null));
        Path file = dir.resolve("matrix.har");
        JSON.writeValue(file.toFile(), har);
        String[] out = new String[1];
        assertEquals(1, run(out, "validate-har", file.toString()), out[0]);
        assertTrue(out[0].contains("FAIL HAR entry 0: openyuanrong-jobs GET /api;/jobs") && out[0].contains("matrix parameter"), out[0]);
    }

    @Test
    void aFileThatIsNoHarIsAOneLineErrorWithExitTwo(@TempDir Path dir) throws Exception {
        Map<String, String> files = Map.of(
                "not-json.har", "this is not JSON",
                "truncated.har", "{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\"",
                "no-entries.har", "{\"log\": {\"version\": \"1.2\"}}",
                "no-url.har", "{\"log\": {\"entries\": [{\"request\": {\"method\": \"GET\"}, \"response\": {}}]}}");
        for (Map.Entry<String, String> bad : files.entrySet()) {
            Path file = Files.writeString(dir.resolve(bad.getKey()), bad.getValue());
            String[] out = new String[1];
            assertEquals(2, run(out, "validate-har", file.toString()), bad.getKey() + ": " + out[0]);
            assertTrue(out[0].startsWith("error: "), out[0]);
            assertFalse(out[0].contains("\tat ") || out[0].contains("Exception"), out[0]);
        }
        String[] out = new String[1];
        assertEquals(2, run(out, "validate-har", dir.toString()));
        assertTrue(out[0].contains("is a directory"), out[0]);
    }

    @Property(tries = 200)
    void anyBytesAsAHarAreAVerdictOrAnErrorNeverACrash(@ForAll @Size(max = 300) byte[] bytes) throws Exception {
        Path file = Files.createTempFile("any", ".har");
        try {
            Files.write(file, bytes);
            String[] out = new String[1];
            int exit = run(out, "validate-har", file.toString());
            assertTrue(exit == 0 || exit == 1 || exit == 2, out[0]);
            assertFalse(out[0].contains("\tat "), out[0]);
        } finally {
            Files.delete(file);
        }
    }

    private static ObjectNode entry(String method, String url, int status, String text, String contentEncoding) {
        ObjectNode entry = JSON.createObjectNode();
        entry.putObject("request").put("method", method).put("url", url).putArray("headers");
        ObjectNode response = entry.putObject("response").put("status", status);
        ArrayNode headers = response.putArray("headers");
        headers.addObject().put("name", "Content-Type").put("value", "application/json");
        if (contentEncoding != null) {
            headers.addObject().put("name", "Content-Encoding").put("value", contentEncoding);
        }
        ObjectNode content = response.putObject("content").put("mimeType", "application/json").put("size", text.length());
        content.put("text", text);
        if (contentEncoding != null || text.matches("[A-Za-z0-9+/=]{16,}")) {
            content.put("encoding", "base64");
        }
        return entry;
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static int run(String[] printed, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = ConformanceCli.run(args, InputStream.nullInputStream(), stream, stream, Map.of());
        printed[0] = out.toString(StandardCharsets.UTF_8);
        return exit;
    }
}
