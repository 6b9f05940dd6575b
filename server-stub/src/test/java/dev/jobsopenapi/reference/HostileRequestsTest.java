package dev.jobsopenapi.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference server turns hostile requests away in the called API's error shape: bodies over the limit
 * (413), malformed JSON, keys twice, values of the wrong type and other content types (400), encoded
 * separators and dot segments in paths (400, never another resource), and line breaks in header values.
 */
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ReferenceServer server;

    @BeforeAll
    static void start() {
        server = ReferenceServer.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The openYuanrong error shape (a JSON string) holding the fragment. */
    private static void assertOpenYuanrongError(HttpResponse<String> response, int status, String fragment) throws Exception {
        assertEquals(status, response.statusCode(), response::body);
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body.isTextual() && body.asText().contains(fragment), response::body);
    }

    /** The ModelArts error shape holding the fragment. */
    private static void assertModelArtsError(HttpResponse<String> response, int status, String fragment) throws Exception {
        assertEquals(status, response.statusCode(), response::body);
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body.has("error_code") && body.get("error_msg").asText().contains(fragment), response::body);
    }

    private static String submitWithEntrypointOf(int length) {
        return "{\"entrypoint\":\"" + "a".repeat(length) + "\",\"runtime_env\":{\"working_dir\":\"w\"}}";
    }

    @Test
    void aBodyOverTheLimitIs413InEachApisShape() throws Exception {
        String big = submitWithEntrypointOf((int) HostileRequestFilter.MAX_BODY_BYTES);
        assertOpenYuanrongError(send("POST", "/api/jobs", "application/json", HttpRequest.BodyPublishers.ofString(big)),
                413, "larger than 1048576 bytes");
        assertOpenYuanrongError(send("POST", "/api/jobs", "application/json", HttpRequest.BodyPublishers.ofByteArray(
                new byte[] {'{', '"', 'e', 'n', 't', 'r', 'y', 'p', 'o', 'i', 'n', 't', '"', ':', '"', (byte) 0xFF, '"', '}'})), 400, "UTF-8");
        assertOpenYuanrongError(send("POST", "/api/jobs", "application/json", HttpRequest.BodyPublishers.ofString(
                "{\"entrypoint\":\"a\",\"runtime_env\":{\"working_dir\":\"w\"}} {}")), 400, "Trailing token");
        assertEquals(200, send("POST", "/api/jobs", "application/json", HttpRequest.BodyPublishers.ofString(
                "\uFEFF{\"entrypoint\":\"a\",\"runtime_env\":{\"working_dir\":\"w\"}}")).statusCode(),
                "a reader may ignore a byte-order mark (RFC 8259)");
        assertModelArtsError(send("POST", "/v1/p/dev-servers/jobs", "application/json", HttpRequest.BodyPublishers.ofString(big)),
                413, "larger than 1048576 bytes");
        // without a Content-Length (chunked), the body is cut off as it grows past the limit
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)));
        assertOpenYuanrongError(send("POST", "/api/jobs", "application/json", chunked), 413, "larger than 1048576 bytes");
        assertEquals(200, send("POST", "/api/jobs", "application/json",
                HttpRequest.BodyPublishers.ofString(submitWithEntrypointOf(1000))).statusCode());
    }

    @Test
    void malformedJsonKeysTwiceWrongTypesAndOtherContentTypesAre400() throws Exception {
        for (String[] bodyAndFragment : new String[][] {
                {"{\"entrypoint\":", "invalid request body"},
                {"{\"entrypoint\":\"a\",\"entrypoint\":\"b\",\"runtime_env\":{\"working_dir\":\"w\"}}", "Duplicate field 'entrypoint'"},
                {"{\"entrypoint\":5,\"runtime_env\":{\"working_dir\":\"w\"}}", "entrypoint"},
                {"{\"entrypoint\":\"a\",\"entrypoint_num_cpus\":\"2\",\"runtime_env\":{\"working_dir\":\"w\"}}", "entrypoint_num_cpus"},
                {"[]", "invalid request body"}}) {
            assertOpenYuanrongError(send("POST", "/api/jobs", "application/json",
                    HttpRequest.BodyPublishers.ofString(bodyAndFragment[0])), 400, bodyAndFragment[1]);
        }
        assertModelArtsError(send("POST", "/v1/p/dev-servers/jobs", "application/json", HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"n\",\"server_ids\":[\"s\"],\"type\":\"COMMON\",\"items\":[],\"is_reboot\":\"yes\"}")), 400, "is_reboot");
        assertOpenYuanrongError(send("POST", "/api/jobs", "text/plain", HttpRequest.BodyPublishers.ofString("x")), 400,
                "unsupported content type");
        assertModelArtsError(send("DELETE", "/v1/p/dev-servers/jobs", "application/xml",
                HttpRequest.BodyPublishers.ofString("<job_ids/>")), 400, "unsupported content type");
    }

    @Test
    void encodedSeparatorsAndDotSegmentsNeverReachAnotherResource() throws Exception {
        for (String path : List.of("/api/jobs/..%2F..%2Fv1%2Fp%2Fdev-servers%2Fjobs", "/api/jobs/%2e%2e", "/api/jobs/%2E%2E/stop",
                "/api/jobs/a%2Fb", "/api/jobs/a%5Cb", "/v1/p/dev-servers/jobs/..%2Ftemplates", "/v1/p/dev-servers/jobs/%2e",
                "/api/jobs/app-1/..", "/v1/p/dev-servers/jobs/./templates", "/api/jobs/a%00b")) {
            HttpResponse<String> response = send("GET", path, null, HttpRequest.BodyPublishers.noBody());
            assertEquals(400, response.statusCode(), path + " -> " + response.body());
            assertTrue(response.body().matches(".*(encoded separator|dot segment|encoded control character).*"),
                    path + " -> " + response.body());
            assertFalse(response.body().contains("\"data\"") || response.body().contains("submission_id"), response::body);
        }
        assertEquals(200, send("GET", "/api/jobs/app-fe4ee1e5-d24f-4236-be15-7654e3c2229b", null,
                HttpRequest.BodyPublishers.noBody()).statusCode(), "an ordinary id still works");
    }

    @Test
    void aLineBreakInAHeaderValueIsRefused() throws Exception {
        for (String header : List.of("X-Tenant-Id: a\rb", "X-Tenant-Id: a\nb: c")) {
            String answer = rawRequest("POST /api/jobs HTTP/1.1\r\nHost: x\r\n" + header + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
            assertTrue(answer.startsWith("HTTP/1.1 400"), () -> header.replace("\r", "\\r").replace("\n", "\\n") + " -> " + answer);
        }
    }

    private static String rawRequest(String request) throws Exception {
        URI base = server.baseUri();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
