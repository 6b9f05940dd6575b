package dev.jobsopenapi.reference;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the HTTP engine refuses itself, before any filter or resource, is answered as JSON in an API's error shape:
 * no HTML page, no Java class name. Slow clients hold no worker thread, and each server keeps its own limits.
 */
class EngineRefusalsTest {

    @Test
    void everyFramingRefusalIsJsonWithoutHtmlOrJavaNames() throws Exception {
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("GET /api/jobs HTTP/9.9\r\nHost: x\r\n\r\n", 505);
        requests.put("GET /api/jobs HTTP/1.1\r\nConnection: close\r\n\r\n", 400);
        requests.put("GET /api/jobs HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n", 431);
        requests.put("GET /api/jobs/" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 414);
        requests.put("POST /api/jobs HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\nConnection: close\r\n\r\n{}", 400);
        requests.put("POST /api/jobs HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400);
        requests.put("GET /api/jobs/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400);
        requests.put("GET /api/jobs/a%00b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400);
        requests.put("GET /api/jobs HTTP/1.1\r\nHost: x\r\nX-Tenant: a\u0001b\r\nConnection: close\r\n\r\n", 400);
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            for (Map.Entry<String, Integer> request : requests.entrySet()) {
                String answer = raw(server.baseUri(), request.getKey());
                String shown = request.getKey().substring(0, Math.min(60, request.getKey().length())).replace("\r\n", "\\r\\n");
                assertTrue(answer.startsWith("HTTP/1.1 " + request.getValue()), shown + " -> " + answer);
                String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
                assertTrue(answer.toLowerCase().contains("content-type: application/json"), shown + " -> " + answer);
                assertTrue(body.startsWith("{\"error_code\"") || body.startsWith("\""), shown + " -> " + body);
                assertFalse(body.contains("<") || body.matches("(?s).*\\b(java|org|com|jakarta)\\.[a-z].*")
                        || body.contains("Exception"), shown + " -> " + body);
            }
        }
    }

    @Test
    void aPathTheEngineCannotDecodeIsRefusedInTheShapeOfTheApiItWasMeantFor() throws Exception {
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            for (String target : List.of("/api/jobs/%zz", "/api/jobs/%zz?x=1", "/api/jobs/a%00b")) {
                String body = bodyOf(raw(server.baseUri(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
                assertTrue(body.startsWith("\"the path does not normalise cleanly"), target + " -> an openYuanrong error: " + body);
            }
            String body = bodyOf(raw(server.baseUri(), "GET /v1/p1/dev-servers/jobs/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            assertTrue(body.startsWith("{\"error_code\":\"REFERENCE.INVALID_PARAMETER\",\"error_msg\":\"the path does not normalise"),
                    "a ModelArts error: " + body);
        }
    }

    @Test
    void anAnswerSentBeforeTheBodyIsReadSaysConnectionCloseAndAReadBodyKeepsTheConnection() throws Exception {
        String body = "{\"entrypoint\": \"python a.py\", \"runtime_env\": {\"working_dir\": \"w\"}}";
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            for (String path : List.of("/api/jobs;x", "/api/jobs/a%2Fb/stop")) { // refused by the router, body unread
                try (Socket socket = headThenBody(server.baseUri(), path, body)) {
                    String answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.ISO_8859_1);
                    assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("Connection: close"), path + " -> " + answer);
                }
            }
            try (Socket socket = headThenBody(server.baseUri(), "/api/jobs", body)) { // read: the connection is kept
                InputStream in = socket.getInputStream();
                String answer = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
                assertEquals("HTTP/1.1 200", answer);
                Thread.sleep(200);
                String rest = new String(in.readNBytes(in.available()), StandardCharsets.ISO_8859_1);
                assertFalse(rest.contains("Connection: close"), rest);
                socket.getOutputStream().write("GET /api/jobs HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertEquals("HTTP/1.1 200", new String(in.readNBytes(12), StandardCharsets.ISO_8859_1), "served on the same connection");
            }
        }
    }

    /** A POST whose head is sent first and its body 200 ms later (as many clients send them), the answer not read. */
    private static Socket headThenBody(URI base, String path, String body) throws Exception {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(200);
        try {
            out.write(body.getBytes(StandardCharsets.US_ASCII));
        } catch (java.io.IOException closed) {
            // the server answered and closed first, as it said it would
        }
        return socket;
    }

    private static String bodyOf(String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 400") && answer.toLowerCase().contains("content-type: application/json"), answer);
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void slowHeaderClientsHoldNoWorkerSoOthersAreServed() throws Exception {
        ServerLimits two = ServerLimits.defaults().withWorkerThreads(2);
        List<Socket> slow = new ArrayList<>();
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0, java.time.Clock.systemUTC(), FrontDoor.open(), two)) {
            for (int i = 0; i < 32; i++) { // sixteen times the workers, each stopped inside its headers
                Socket socket = new Socket(server.baseUri().getHost(), server.baseUri().getPort());
                socket.getOutputStream().write("GET /api/jobs HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            HttpResponse<String> served = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/jobs")).build(), HttpResponse.BodyHandlers.ofString()));
            assertEquals(200, served.statusCode());
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void twoServersInOneJvmKeepTheirOwnRequestTimes() throws Exception {
        ServerLimits strict = ServerLimits.defaults().withTimes(Duration.ofSeconds(1), Duration.ofSeconds(30));
        try (ReferenceServer cutting = ReferenceServer.start("127.0.0.1", 0, java.time.Clock.systemUTC(), FrontDoor.open(), strict);
             ReferenceServer patient = ReferenceServer.start("127.0.0.1", 0)) {
            assertTrue(raw(patient.baseUri(), null).startsWith("HTTP/1.1 200"), "a head sent over 3 s is read by the default server");
            assertFalse(raw(cutting.baseUri(), null).startsWith("HTTP/1.1 200"), "and cut off by the one whose head time is 1 s");
        }
    }

    /** Sends the request (or, for null, a list request whose header lines come over 3 s) and reads the answer to its end. */
    private static String raw(URI base, String request) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            if (request != null) {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                try {
                    out.write("GET /api/jobs HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 6; i++) {
                        Thread.sleep(500);
                        out.write(("X-Slow-" + i + ": header\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    out.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException closed) {
                    return "closed";
                }
            }
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                InputStream in = socket.getInputStream();
                in.transferTo(answer);
            } catch (java.io.IOException reset) {
                // what arrived before the server closed the connection
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
