package dev.jobsopenapi.conformance;

import com.sun.net.httpserver.HttpServer;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client-side check hands every answer on whole, however large, and fails or records as asked. */
class ValidatingResponseInterceptorTest {

    private static final ApiContract CONTRACT = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);

    private static HttpResponse<InputStream> answer(byte[] body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/jobs")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] received = response.body().readAllBytes();
            return new HttpResponse<>() {
                public int statusCode() { return response.statusCode(); }
                public HttpRequest request() { return response.request(); }
                public java.util.Optional<HttpResponse<InputStream>> previousResponse() { return java.util.Optional.empty(); }
                public java.net.http.HttpHeaders headers() { return response.headers(); }
                public InputStream body() { return new java.io.ByteArrayInputStream(received); }
                public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
                public URI uri() { return response.uri(); }
                public HttpClient.Version version() { return response.version(); }
            };
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aLargeAnswerIsHandedOnWholeWhateverTheVerdict() throws Exception {
        byte[] filler = new byte[40 * 1024 * 1024];
        Arrays.fill(filler, (byte) 'a');
        byte[] body = ("[{\"submission_id\":\"app-1\",\"status\":\"RUNNING\",\"entrypoint\":\"" + new String(filler, StandardCharsets.US_ASCII)
                + "\"}]").getBytes(StandardCharsets.UTF_8);
        ConformanceLog log = new ConformanceLog();
        HttpResponse<InputStream> passed = ValidatingResponseInterceptor.collecting(CONTRACT, log).apply(answer(body));
        assertArrayEquals(body, passed.body().readAllBytes());
        assertEquals(1, log.results().size());
        // Checked, though not past Jackson's limit of 20 million characters in one string: that is a violation
        // saying so, while the client still gets every byte.
        assertTrue(log.results().get(0).toString().contains("beyond what the checker reads"), log.results().get(0)::toString);
    }

    @Test
    void failingModeFailsTheCallNamingTheField() throws Exception {
        byte[] body = "[{\"submission_id\":\"app-1\"}]".getBytes(StandardCharsets.UTF_8);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> ValidatingResponseInterceptor.failing(CONTRACT).apply(answer(body)));
        assertTrue(failure.getMessage().contains("/0/status"), failure.getMessage());
    }
}
