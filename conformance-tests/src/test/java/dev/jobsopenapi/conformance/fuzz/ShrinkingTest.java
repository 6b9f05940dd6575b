package dev.jobsopenapi.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failure is reported with the smallest request found that still fails: a server that answers 500 to any
 * submit with {@code metadata} is reported with a body of the required fields and an empty {@code metadata} only.
 */
class ShrinkingTest {

    @Test
    void aServerErrorOnOneFieldIsReportedWithTheRequiredFieldsAndThatFieldOnly() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean submit = exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals("/api/jobs");
            int status = submit && body.contains("\"metadata\"") ? 500 : submit ? 200 : 404;
            byte[] answer = (status == 500 ? "\"internal error\"" : status == 200 ? "{\"submission_id\":\"app-1\"}"
                    : "\"not found\"").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        try {
            FuzzResult result = Fuzzer.of(ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS),
                            LiveServer.at("http://127.0.0.1:" + server.getAddress().getPort()))
                    .seed(3).maxRequests(60).allowWrite(true).operations(List.of("submitJob")).run();
            Finding finding = result.findings().stream().filter(f -> f.check() == Check.NOT_A_SERVER_ERROR).findFirst()
                    .orElseThrow(() -> new AssertionError(result.findings().toString()));
            String curl = finding.curl();
            String json = curl.substring(curl.indexOf("--data-raw '") + "--data-raw '".length(), curl.lastIndexOf('\''));
            JsonNode body = new ObjectMapper().readTree(json.replace("'\\''", "'"));
            List<String> fields = new java.util.ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("entrypoint", "runtime_env", "metadata"), fields, curl);
            assertEquals(1, body.get("runtime_env").size(), curl);
            assertTrue(body.get("metadata").isEmpty(), curl);
            assertEquals(3, finding.seed());
        } finally {
            server.stop(0);
        }
    }
}
