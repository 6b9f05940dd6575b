package dev.jobsopenapi.conformance.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runnable jar's {@code proxy}, as a CI job runs it: a 150 MB job list goes through a proxy whose heap is 48 MB,
 * arriving whole and checked, the last job's fault reported at its field; the JUnit report comes out when the
 * proxy stops after its exchanges, with exit 1; stopped by a signal instead, it ends the same way.
 */
class ProxyIT {

    private static final Path JAR = Path.of(System.getProperty("cli.jar", "target/jobs-openapi-conformance-cli.jar"));
    private static final Pattern LISTENING = Pattern.compile("jobs-openapi proxy on (http://\\S+)");
    private static final String JOB = "{\"submission_id\": \"app-%07d\", \"status\": \"RUNNING\", \"entrypoint\": \"%s\"}";

    @Test
    void aListLargerThanTheHeapIsForwardedWholeAndCheckedAsItPasses() throws Exception {
        int jobs = 600_000;
        String padding = "python train.py --epochs 10 --data /mnt/data/" + "x".repeat(180);
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        long[] sent = new long[1];
        upstream.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                StringBuilder chunk = new StringBuilder("[");
                for (int i = 0; i < jobs; i++) {
                    String job = i == jobs - 1 ? "{\"submission_id\": 7}" : String.format(JOB, i, padding);
                    chunk.append(i == 0 ? "" : ",").append(job);
                    if (chunk.length() > 64 * 1024 || i == jobs - 1) {
                        byte[] bytes = (i == jobs - 1 ? chunk.append(']') : chunk).toString().getBytes(StandardCharsets.UTF_8);
                        out.write(bytes);
                        sent[0] += bytes.length;
                        chunk.setLength(0);
                    }
                }
            }
        });
        upstream.start();
        Process proxy = proxy(List.of("-Xmx48m"), upstream, "--max-exchanges", "1", "--format", "junit");
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(proxy.getErrorStream(), StandardCharsets.UTF_8));
            String base = addressPrintedOn(err);
            HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/jobs")).build(), HttpResponse.BodyHandlers.ofInputStream());
            long received;
            try (InputStream body = answer.body()) {
                received = body.transferTo(OutputStream.nullOutputStream());
            }
            String report = new String(proxy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String lines = String.join("\n", err.lines().toList());
            assertTrue(proxy.waitFor(60, TimeUnit.SECONDS), "the proxy did not stop after its exchanges");
            assertEquals(sent[0], received, "bytes received through the proxy");
            assertTrue(received > 150_000_000L, received + " bytes");
            assertEquals(1, proxy.exitValue(), report + lines);
            assertTrue(report.contains("<testsuite") && report.contains("/" + (jobs - 1) + "/submission_id"), report);
            assertTrue(lines.contains("FAIL GET /api/jobs -> 200"), lines);
        } finally {
            proxy.destroyForcibly();
            upstream.stop(0);
        }
    }

    @Test
    void stoppedByASignalItPrintsTheReportAndExitsOneForANonConformingExchange() throws Exception {
        HttpServer upstream = answering(200, "[{\"submission_id\": 7}]");
        Process proxy = proxy(List.of(), upstream, "--format", "junit");
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(proxy.getErrorStream(), StandardCharsets.UTF_8));
            String base = addressPrintedOn(err);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            assertTrue(err.readLine().startsWith("FAIL GET /api/jobs -> 200"), "the exchange's line");
            assertTrue(proxy.toHandle().destroy(), "a TERM signal, as Ctrl-C's INT");
            String report = new String(proxy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(proxy.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, proxy.exitValue(), "the conformance exit code, not the signal's (143)");
            assertTrue(report.contains("<testsuite") && report.contains("/0/submission_id"), report);
            assertTrue(String.join("\n", err.lines().toList()).contains("proxy stopped: 1 passed, 1 failed"));
        } finally {
            proxy.destroyForcibly();
            upstream.stop(0);
        }
    }

    @Test
    void aProxyThroughWhichNothingWasCheckedFailsUnlessTheUserAcceptsIt() throws Exception {
        for (boolean accepted : new boolean[] {false, true}) {
            List<String> options = new ArrayList<>(List.of("--duration", "1", "--format", "junit"));
            if (accepted) {
                options.add("--allow-empty");
            }
            Process proxy = proxy(List.of(), null, options.toArray(String[]::new));
            try {
                String report = new String(proxy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String lines = new String(proxy.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(proxy.waitFor(30, TimeUnit.SECONDS));
                assertEquals(accepted ? 0 : 1, proxy.exitValue(), report + lines);
                if (!accepted) {
                    assertTrue(report.contains("tests=\"1\" failures=\"1\"") && report.contains("0 answers checked"), report);
                    assertTrue(lines.contains("proxy run fails: 0 answers checked"), lines);
                }
            } finally {
                proxy.destroyForcibly();
            }
        }
    }

    @Test
    void anUpstreamThatRefusesTheCredentialsIsARefusalNotAPass() throws Exception {
        HttpServer upstream = answering(401, "{\"error\":\"Authentication failed: token is missing\"}");
        Process proxy = proxy(List.of(), upstream, "--max-exchanges", "1");
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(proxy.getErrorStream(), StandardCharsets.UTF_8));
            String base = addressPrintedOn(err);
            assertEquals(401, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/jobs")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            String report = new String(proxy.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String lines = String.join("\n", err.lines().toList());
            assertTrue(proxy.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, proxy.exitValue(), report + lines);
            assertTrue(lines.contains("REFUSED GET /api/jobs -> 401"), lines);
            assertTrue(report.contains("REFUSED openyuanrong-jobs listJobs 401") && report.contains("1 passed, 0 failed, 1 refused"), report);
        } finally {
            proxy.destroyForcibly();
            upstream.stop(0);
        }
    }

    @Test
    void maxConnectionsCapsTheConnectionsTheProxyHoldsOpen() throws Exception {
        HttpServer upstream = answering(200, "[]");
        Process proxy = proxy(List.of(), upstream, "--max-connections", "1");
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(proxy.getErrorStream(), StandardCharsets.UTF_8));
            URI base = URI.create(addressPrintedOn(err));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest list = HttpRequest.newBuilder(URI.create(base + "/api/jobs")).timeout(java.time.Duration.ofSeconds(1)).build();
            try (java.net.Socket held = new java.net.Socket(base.getHost(), base.getPort())) {
                Thread.sleep(200); // accepted: the one connection allowed is taken
                assertThrows(java.net.http.HttpTimeoutException.class, () -> http.send(list, HttpResponse.BodyHandlers.ofString()),
                        "served beyond --max-connections 1");
            }
            HttpRequest patient = HttpRequest.newBuilder(URI.create(base + "/api/jobs")).timeout(java.time.Duration.ofSeconds(10)).build();
            assertEquals(200, http.send(patient, HttpResponse.BodyHandlers.ofString()).statusCode(), "served once the held one closed");
        } finally {
            proxy.destroyForcibly();
            upstream.stop(0);
        }
    }

    /**
     * The proxy jar checking openYuanrong on a free port in front of the upstream (null: a port where nothing
     * listens), with these JVM options and proxy options.
     */
    private static Process proxy(List<String> jvmOptions, HttpServer upstream, String... options) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "proxy", "--spec", "openyuanrong-jobs", "--upstream",
                upstream == null ? "http://127.0.0.1:9" : "http://127.0.0.1:" + upstream.getAddress().getPort(), "--port", "0"));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).start();
    }

    /** A started loopback upstream that answers every request with this status and JSON body. */
    private static HttpServer answering(int status, String json) throws java.io.IOException {
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        upstream.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        return upstream;
    }

    /** The address the proxy's first line says it listens on; the reader is left at the line after it. */
    private static String addressPrintedOn(BufferedReader err) throws java.io.IOException {
        for (String line; (line = err.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("the proxy printed no address");
    }
}
