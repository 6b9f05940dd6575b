package dev.jobsopenapi.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No client pushes the reference server past its limits: the job stores are capped in count and size, a request's
 * arrays in entries, a repeated query parameter and a body cut short are 400s in the API's error shape (and those
 * answers conform to the specs), an exchange that trickles is cut off at its deadline, and a small pool of workers
 * still serves everyone in turn.
 */
class BoundedServerTest {

    private static final ApiContract MODELARTS = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The runtime environment a submit must name. */
    private static final String ENV = "\"runtime_env\": {\"working_dir\": \"w\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static ReferenceServer start(ServerLimits limits) {
        return ReferenceServer.start("127.0.0.1", 0, Clock.systemUTC(), FrontDoor.open(), limits);
    }

    @Test
    void overTheConnectionCapANewConnectionWaitsUntilOneCloses() throws Exception {
        try (ReferenceServer server = start(ServerLimits.defaults().withMaxConnections(2));
             java.net.Socket first = new java.net.Socket(server.baseUri().getHost(), server.baseUri().getPort());
             java.net.Socket second = new java.net.Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            HttpRequest list = HttpRequest.newBuilder(server.baseUri().resolve("/api/jobs")).timeout(java.time.Duration.ofSeconds(1)).build();
            java.util.concurrent.CompletableFuture<HttpResponse<String>> waiting = HTTP.sendAsync(list, HttpResponse.BodyHandlers.ofString());
            assertThrows(java.util.concurrent.ExecutionException.class, waiting::get, "served beyond the cap of 2 connections");
            first.close();
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/jobs")).timeout(java.time.Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void theJobCapRefusesInTheApisShapeAndADeletedJobMakesRoom() throws Exception {
        int seeds = ExampleJobStore.fromBundledSpecs().openYuanrongJobs().size();
        try (ReferenceServer server = start(ServerLimits.defaults().withMaxJobs(seeds + 1))) {
            HttpResponse<String> first = send(server, "POST", "/api/jobs", "{\"entrypoint\": \"python a.py\", \"submission_id\": \"cap-1\", " + ENV + "}");
            assertEquals(200, first.statusCode(), first.body());
            HttpResponse<String> refused = send(server, "POST", "/api/jobs", "{\"entrypoint\": \"python a.py\", " + ENV + "}");
            assertEquals(400, refused.statusCode());
            assertTrue(JSON.readTree(refused.body()).asText().contains("--max-jobs"), refused.body());
            assertConforms(OPENYUANRONG, "POST", "/api/jobs", refused);
            assertEquals(200, send(server, "POST", "/api/jobs/app-cap-1/stop", null).statusCode());
            assertEquals("true", send(server, "DELETE", "/api/jobs/app-cap-1", null).body());
            assertEquals(200, send(server, "POST", "/api/jobs", "{\"entrypoint\": \"python a.py\", " + ENV + "}").statusCode());
        }
    }

    @Test
    void theStoredSizeCapRefusesJobsThatWouldNotFit() throws Exception {
        try (ReferenceServer server = start(ServerLimits.defaults().withMaxStoredMib(1))) {
            var job = JSON.createObjectNode().put("entrypoint", "x".repeat(400_000));
            job.putObject("runtime_env").put("working_dir", "w");
            String body = job.toString();
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 3; i++) {
                last = send(server, "POST", "/api/jobs", body);
                statuses.add(last.statusCode());
            }
            assertEquals(List.of(200, 200, 400), statuses);
            assertTrue(last.body().contains("--max-stored-mib"), last.body());
            assertConforms(OPENYUANRONG, "POST", "/api/jobs", last);
        }
    }

    @Test
    void anArrayOverTheCapIsA400NamingTheField() throws Exception {
        try (ReferenceServer server = start(ServerLimits.defaults())) {
            var request = JSON.createObjectNode().put("name", "many").put("type", "ASCEND_SOFTWARE_QUERY");
            var ids = request.putArray("server_ids");
            for (int i = 0; i < 1_001; i++) {
                ids.add("00000000-0000-0000-0000-" + String.format("%012d", i));
            }
            request.putArray("items").addObject().put("type", "HDK_QUERY");
            HttpResponse<String> answer = send(server, "POST", "/v1/proj-1/dev-servers/jobs", request.toString());
            assertEquals(400, answer.statusCode(), answer.body());
            JsonNode error = JSON.readTree(answer.body());
            assertTrue(error.path("error_msg").asText().startsWith("invalid request body: server_ids: at most 1000 entries"), answer.body());
            assertConforms(MODELARTS, "POST", "/v1/proj-1/dev-servers/jobs", answer);
        }
    }

    @Test
    void aRepeatedQueryParameterIsRefusedNotSilentlyDropped() throws Exception {
        try (ReferenceServer server = start(ServerLimits.defaults())) {
            HttpResponse<String> answer = send(server, "GET", "/v1/proj-1/dev-servers/jobs?visible=true&visible=false", null);
            assertEquals(400, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("query parameter 'visible' is given 2 times"), answer.body());
            assertConforms(MODELARTS, "GET", "/v1/proj-1/dev-servers/jobs", answer);
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsA400() throws Exception {
        try (ReferenceServer server = start(ServerLimits.defaults()); Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                    + "{\"entry").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("could not be read"), answer);
        }
    }

    @Test
    void anExchangeThatTricklesIsCutOffAtItsDeadlineAndTheOthersAreServed() throws Exception {
        ServerLimits limits = ServerLimits.defaults().withWorkerThreads(2).withTimes(Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (ReferenceServer server = start(limits)) {
            List<CompletableFuture<Long>> trickles = new ArrayList<>();
            for (int i = 0; i < 2; i++) {   // as many as there are workers
                trickles.add(CompletableFuture.supplyAsync(() -> trickle(server)));
            }
            Thread.sleep(300);
            HttpResponse<String> served = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> send(server, "GET", "/api/jobs", null));
            assertEquals(200, served.statusCode());
            for (CompletableFuture<Long> trickle : trickles) {
                long millis = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> trickle.get());
                assertTrue(millis < 10_000, "cut off after " + millis + " ms, the deadline is 2 s");
            }
            long workers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("reference-server-worker")).count();
            assertTrue(workers <= 2 + 32, workers + " worker threads"); // this server's 2, and at most the others' pools
        }
    }

    /** Sends headers and then one body byte every 200 ms until the server hangs up; the time that took. */
    private static long trickle(ReferenceServer server) {
        long start = System.nanoTime();
        try (Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write("POST /api/jobs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(200);
            for (int i = 0; i < 100; i++) {
                out.write(' ');
                out.flush();
                try {
                    if (in.read() < 0) {
                        break;
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    continue;
                }
            }
        } catch (IOException hungUp) {
            // the server closed the connection: what the deadline does
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Socket connect(ReferenceServer server) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), server.baseUri().getPort());
    }

    private static HttpResponse<String> send(ReferenceServer server, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertConforms(ApiContract contract, String method, String path, HttpResponse<String> answer) {
        ValidationResult result = contract.validateResponse(Target.route(method, path),
                Integer.toString(answer.statusCode()), answer.headers().firstValue("Content-Type").orElse(""), Body.of(answer.body()));
        assertTrue(result.isValid(), result::toString);
    }
}
