package dev.jobsopenapi.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fuzz} reports in each format what failed, where and how to reproduce it, and never the token. */
class FuzzCommandTest {

    private static final String TOKEN = "fuzz-command-secret-token";
    private HttpServer server;
    private String base;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startAServerThatAnswersTheListWithAnUndocumentedStatus() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean list = exchange.getRequestURI().getPath().equals("/api/jobs");
            byte[] body = (list ? "[]" : "\"not found\"").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(list ? 418 : 404, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return ConformanceCli.run(args, new java.io.ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(ConformanceCli.DEFAULT_TOKEN_ENV, TOKEN));
    }

    @Test
    void textNamesTheCheckOperationSeedAndCurlWithTheTokenRedacted() {
        assertEquals(1, run("fuzz", "--spec", "openyuanrong-jobs", "--base-url", base, "--seed", "5", "--max-requests", "20"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("jobs-openapi fuzz openyuanrong-jobs at " + base + ", seed 5, reads only"), text);
        assertTrue(text.contains("FAIL status_code_conformance listJobs (10x): status 418 is not documented for listJobs"), text);
        assertTrue(text.contains("curl -sS -i -X GET '" + base + "/api/jobs' -H 'X-Auth: [REDACTED]'"), text);
        assertTrue(text.strip().endsWith("seed 5"), text);
        assertFalse(text.contains(TOKEN), text);
    }

    @Test
    void jsonAndJunitCarryTheSameFinding() throws Exception {
        assertEquals(1, run("fuzz", "--spec", "openyuanrong-jobs", "--base-url", base, "--seed", "5", "--max-requests", "20",
                "--format", "json"));
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(5, report.get("seed").asLong());
        assertFalse(report.get("passed").asBoolean());
        assertEquals(10, report.at("/checks/status_code_conformance/listJobs/failed").asInt(), report::toPrettyString);
        assertEquals("status_code_conformance", report.at("/findings/0/check").asText(), report::toPrettyString);
        assertEquals("listJobs", report.at("/findings/0/operationId").asText());

        assertEquals(1, run("fuzz", "--spec", "openyuanrong-jobs", "--base-url", base, "--seed", "5", "--max-requests", "20",
                "--format", "junit"));
        String xml = out.toString(StandardCharsets.UTF_8);
        assertTrue(xml.contains("<testsuite name=\"status_code_conformance\" tests=\"2\" failures=\"1\">"), xml);
        assertTrue(xml.contains("<testcase classname=\"openyuanrong-jobs.status_code_conformance\" name=\"listJobs\">\n      <failure"), xml);
        assertFalse(xml.contains(TOKEN), xml);
    }
}
