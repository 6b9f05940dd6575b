package dev.jobsopenapi.reference;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mock-server jar as a real process: it prints both base URLs, serves the examples, and stops cleanly. */
class MockServerIT {

    private static final Path JAR = Path.of(System.getProperty("mock.jar", "target/jobs-openapi-mock-server.jar"));
    private static final Pattern OPENYUANRONG_URL = Pattern.compile("openYuanrong jobs: +(http://\\S+)/api/jobs");

    private static ProcessBuilder java(String... args) {
        return java(List.of(), args);
    }

    private static ProcessBuilder java(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    @Test
    void servesTheExamplesOnTheGivenPortAndStopsOnCtrlC() throws Exception {
        Process process = java("--port", "0").start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            List<String> banner = new ArrayList<>();
            String base = null;
            for (String line; base == null && (line = out.readLine()) != null; ) {
                banner.add(line);
                Matcher m = OPENYUANRONG_URL.matcher(line);
                if (m.find()) {
                    base = m.group(1);
                }
            }
            assertNotNull(base, () -> "no base URL in " + banner);
            String modelArtsLine = "ModelArts DevServer jobs: " + base + "/v1/{project_id}/dev-servers/jobs";
            assertTrue(banner.stream().anyMatch(l -> l.startsWith(modelArtsLine)), banner::toString);

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> jobs = http.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, jobs.statusCode());
            assertTrue(jobs.body().contains("\"submission_id\""), jobs.body());
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/my-project/dev-servers/jobs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, list.statusCode());

            // As Ctrl-C does: a signal that runs the JVM's shutdown hooks (SIGTERM, sent by the JDK itself, so no kill
            // program is needed; ProcessHandle.destroy leaves our end of its output open, Process.destroy would not).
            assertTrue(process.toHandle().destroy(), "the JDK could not signal the mock server");
            String rest = String.join("\n", out.lines().toList());
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the mock server did not stop");
            assertEquals("ModelArts: open (no AK/SK signature checked)\nopenYuanrong: open (no token checked)\nmock server stopped",
                    rest, "after the banner, serving prints nothing (no SLF4J or validator notice) until it stops");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aBadArgumentIsAUsageErrorWithExitTwo() throws Exception {
        Process process = java("--port", "eighty").start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.startsWith("error: ") && output.contains("usage: java -jar jobs-openapi-mock-server.jar"), output);
        assertEquals(3, output.lines().count(), "the reason, the usage line and where the help is, not the page: " + output);
    }

    @Test
    void helpListsEveryOptionWithExamplesAndExitsZero() throws Exception {
        Process process = java("--help").start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        for (String option : List.of("--port=N", "--host=ADDRESS", "--ak=AK", "--jwt-secret=SECRET", "--max-connections=N",
                "--fault=OP=KIND:ARG", "Examples:")) {
            assertTrue(output.contains(option), option + " missing from: " + output);
        }
    }

    @Test
    void aFaultOnTheCommandLineIsAppliedAndAnnouncedAndAWrongOneIsAUsageError() throws Exception {
        for (String wrong : List.of("noSuchOperation=status:503", "listJobs=explode:1", "listJobs")) {
            Process process = java("--port", "0", "--fault", wrong).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
            assertEquals(2, process.exitValue(), wrong + ": " + output);
            assertTrue(output.startsWith("error: "), output);
        }
        Process process = java("--port", "0", "--fault", "listJobs=status:503").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String base = baseOf(out);
            StringBuilder banner = new StringBuilder();
            String line = "";
            for (int i = 0; i < 4 && line != null && !line.startsWith("fault: "); i++) {
                line = out.readLine();
                banner.append(line).append('\n');
            }
            assertEquals("fault: listJobs=status:503 (answered wrongly on purpose)", line, banner::toString);
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/jobs")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(503, answer.statusCode(), banner::toString);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void anEmptyOrBlankCredentialIsAUsageErrorNeverAnOpenDoor() throws Exception {
        for (List<String> args : List.of(List.of("--jwt-secret", ""), List.of("--jwt-secret", "   "),
                List.of("--ak", "", "--sk", "secret"), List.of("--ak", "AK", "--sk", " "))) {
            List<String> all = new java.util.ArrayList<>(args);
            all.addAll(List.of("--port", "0"));
            Process process = java(all.toArray(String[]::new)).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
            assertEquals(2, process.exitValue(), args + ": " + output);
            assertTrue(output.startsWith("error: ") && !output.contains("mock server, serving"), args + ": " + output);
        }
    }

    @Test
    void aHostThatIsNoAddressIsAUsageErrorNeverEveryInterface() throws Exception {
        for (String host : List.of("my_host", "256.1.1.1", "1.2.3")) {
            Process process = java("--host", host, "--port", "0").start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
            assertEquals(2, process.exitValue(), output);
            assertTrue(output.startsWith("error: --host '" + host + "'"), output);
        }
    }

    @Test
    void slowHeadersAreCutOffAndAbortedExchangesLogOneLineEachAtMost() throws Exception {
        Process process = java("--port", "0", "--request-seconds", "2").start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String base = baseOf(out);
            URI uri = URI.create(base);
            long start = System.nanoTime();
            try (java.net.Socket slow = new java.net.Socket(uri.getHost(), uri.getPort())) {
                slow.setSoTimeout(500);
                java.io.OutputStream send = slow.getOutputStream();
                send.write("GET /api/jobs HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 40; i++) {
                    send.write("X-Slow: header\r\n".getBytes(StandardCharsets.US_ASCII));
                    send.flush();
                    try {
                        if (slow.getInputStream().read() < 0) {
                            break;
                        }
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        continue;
                    }
                }
            } catch (java.io.IOException closedByTheServer) {
                // what the request time does
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 8_000, "slow headers held the connection for " + millis + " ms; the limit is 2 s");

            for (int i = 0; i < 200; i++) {   // requests whose clients hang up before the body is read
                try (java.net.Socket abort = new java.net.Socket(uri.getHost(), uri.getPort())) {
                    abort.getOutputStream().write(("POST /api/jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 500\r\n\r\n{\"entry").getBytes(StandardCharsets.US_ASCII));
                }
            }
            assertTrue(process.toHandle().destroy());
            List<String> rest = out.lines().toList();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
            assertTrue(rest.stream().noneMatch(l -> l.startsWith("\tat ")), () -> String.join("\n", rest));
            assertTrue(rest.size() < 60, rest.size() + " lines for 200 aborted exchanges:\n" + String.join("\n", rest));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void thirtyTwoConcurrentOneMibArraysInA256MibHeapAreRefusedAsTheyStreamIn() throws Exception {
        // 125,000 server_ids in 1 MiB: bound into models and validated whole, 32 of them at once killed the server
        // with an OutOfMemoryError; counted as they stream in, each is refused after 1,001 entries.
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 125_000; i++) {
            ids.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        }
        String body = "{\"name\":\"n\",\"server_ids\":[" + ids + "],\"type\":\"COMMON\",\"items\":[{\"type\":\"X\"}]}";
        assertTrue(body.length() < 1024 * 1024, body.length() + " bytes");
        Process process = java(List.of("-Xmx256m"), "--port", "0").start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String base = baseOf(out);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpRequest create = java.net.http.HttpRequest.newBuilder(URI.create(base + "/v1/p/dev-servers/jobs"))
                    .timeout(java.time.Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            for (int round = 0; round < 3; round++) {
                List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> calls = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    calls.add(http.sendAsync(create, java.net.http.HttpResponse.BodyHandlers.ofString()));
                }
                for (var call : calls) {
                    java.net.http.HttpResponse<String> answer = call.get(60, TimeUnit.SECONDS);
                    assertEquals(400, answer.statusCode(), answer.body());
                    assertTrue(answer.body().contains("server_ids: at most 1000 entries"), answer.body());
                }
            }
            assertEquals(200, http.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/api/jobs")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode(), "the server still serves");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void fourHundredIdleKeepAliveConnectionsAllStayUsable() throws Exception {
        // The JDK server alone keeps 200 idle connections and closes the others as they fall idle: a client that
        // reuses one then gets no answer at all (what a soak of 1,000 connections showed).
        Process process = java("--port", "0").start();
        List<java.net.Socket> connections = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String base = baseOf(out);
            URI uri = URI.create(base);
            for (int i = 0; i < 400; i++) {
                java.net.Socket connection = new java.net.Socket(uri.getHost(), uri.getPort());
                connection.setSoTimeout(10_000);
                connections.add(connection);
                assertEquals(200, exchange(connection), "first request on connection " + i);
            }
            Thread.sleep(500); // all of them idle now
            int answered = 0;
            for (java.net.Socket connection : connections) {
                try {
                    answered += exchange(connection) == 200 ? 1 : 0;
                } catch (java.io.IOException closed) {
                    // counted as not answered
                }
            }
            assertEquals(400, answered, "idle keep-alive connections that still answer");
        } finally {
            for (java.net.Socket connection : connections) {
                connection.close();
            }
            process.destroyForcibly();
        }
    }

    /** The base URL the mock's banner prints, read off its output; the reader is left after that line. */
    private static String baseOf(BufferedReader out) throws java.io.IOException {
        for (String line; (line = out.readLine()) != null; ) {
            Matcher m = OPENYUANRONG_URL.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** One keep-alive GET of the openYuanrong list on the connection; its status (-1: closed by the server). */
    private static int exchange(java.net.Socket connection) throws java.io.IOException {
        connection.getOutputStream().write("GET /api/jobs HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        java.io.DataInputStream in = new java.io.DataInputStream(connection.getInputStream());
        String status = null;
        long length = 0;
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            String header = line.toString().trim();
            line.setLength(0);
            if (status == null) {
                status = header;
            } else if (header.isEmpty()) {
                in.readFully(new byte[(int) length]);
                return Integer.parseInt(status.split(" ")[1]);
            } else if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            }
        }
        return -1;
    }
}
