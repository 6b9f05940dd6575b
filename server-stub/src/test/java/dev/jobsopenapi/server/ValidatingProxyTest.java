package dev.jobsopenapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Violation;
import dev.jobsopenapi.conformance.http.ValidatingProxy;
import dev.jobsopenapi.modelarts.client.api.DevServerJobsApi;
import dev.jobsopenapi.openyuanrong.client.ApiClient;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.openyuanrong.client.model.JobSubmitRequest;
import dev.jobsopenapi.openyuanrong.client.model.SubmitRuntimeEnv;
import dev.jobsopenapi.reference.FrontDoor;
import dev.jobsopenapi.reference.ReferenceServer;
import dev.jobsopenapi.signing.AkSkCredentials;
import dev.jobsopenapi.signing.AkSkSigningInterceptor;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validating proxy in front of the reference server and in front of a deliberately wrong one: what clients
 * receive is what the server sent, byte for byte; every exchange is checked and reported with no credential in it;
 * AK/SK requests are re-signed for the upstream; and an upstream that hangs or hangs up is a clear failure, not a
 * hung proxy.
 */
class ValidatingProxyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiContract MODELARTS = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static ValidatingProxy proxy(ApiContract contract, URI upstream, List<ValidatingProxy.Exchange> into) {
        return ValidatingProxy.start(contract, upstream, ValidatingProxy.Options.defaults().listener(into::add));
    }

    @Test
    void theGeneratedClientsThroughTheProxyGetEverythingAndEveryExchangeConforms() throws Exception {
        List<ValidatingProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0);
             ValidatingProxy yuanrong = proxy(OPENYUANRONG, server.baseUri(), seen);
             ValidatingProxy modelArts = proxy(MODELARTS, server.baseUri(), seen)) {
            ApiClient client = new ApiClient();
            client.updateBaseUri(yuanrong.uri().toString());
            JobsApi jobs = new JobsApi(client);
            assertFalse(jobs.listJobs().isEmpty());
            String id = jobs.submitJob(new JobSubmitRequest().entrypoint("python a.py")
                    .runtimeEnv(new SubmitRuntimeEnv().workingDir("w")), null, null).getSubmissionId();
            assertEquals("RUNNING", jobs.getJob(id).getStatus());
            assertTrue(jobs.stopJob(id));
            assertTrue(jobs.deleteJob(id));

            dev.jobsopenapi.modelarts.client.ApiClient modelArtsClient = new dev.jobsopenapi.modelarts.client.ApiClient();
            modelArtsClient.updateBaseUri(modelArts.uri().toString());
            assertFalse(new DevServerJobsApi(modelArtsClient).listDevServerJobs("proj-1", null, null, null, null, null)
                    .getData().isEmpty());
            awaitExchanges(seen, 6);
            assertEquals(6, seen.size(), seen::toString);
            for (ValidatingProxy.Exchange exchange : seen) {
                assertTrue(exchange.documented() && exchange.conforms(), exchange::toString);
            }
        }
    }

    @Test
    void whatClientsReceiveIsWhatTheServerSentByteForByte() throws Exception {
        List<ValidatingProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        try (WrongServer wrong = new WrongServer(); ReferenceServer server = ReferenceServer.start("127.0.0.1", 0);
             ValidatingProxy toReference = proxy(OPENYUANRONG, server.baseUri(), seen);
             ValidatingProxy toWrong = proxy(OPENYUANRONG, wrong.uri(), seen)) {
            for (String path : List.of("/api/jobs", "/api/jobs/app-none", "/v1/p/dev-servers/jobs")) {
                assertSame(get(server.baseUri(), path, "plain"), get(toReference.uri(), path, "plain"));
            }
            for (String mode : List.of("plain", "gzip", "chunked")) {
                assertSame(get(wrong.uri(), "/api/jobs", mode), get(toWrong.uri(), "/api/jobs", mode));
            }
        }
    }

    @Test
    void aWrongServerIsReportedAtTheFieldAndNoCredentialIsWrittenAnywhere() throws Exception {
        List<ValidatingProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        try (WrongServer wrong = new WrongServer(); ValidatingProxy proxy = proxy(OPENYUANRONG, wrong.uri(), seen)) {
            HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(proxy.uri()
                            + "/api/jobs?token=query-secret-0123")).header("X-Answer", "gzip")
                    .header("X-Auth", "header-secret-4567").header("Cookie", "iam_token=cookie-secret-89ab").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, answer.statusCode());
            awaitExchanges(seen, 1);
            ValidatingProxy.Exchange exchange = seen.get(0);
            assertFalse(exchange.conforms(), exchange::toString);
            assertTrue(exchange.response().orElseThrow().violations().stream().map(Violation::pointer)
                    .anyMatch("/0/submission_id"::equals), exchange::toString);
            String written = exchange.line() + exchange;
            for (String secret : List.of("query-secret-0123", "header-secret-4567", "cookie-secret-89ab")) {
                assertFalse(written.contains(secret), written);
            }
        }
    }

    @Test
    void theProxyReSignsAkSkRequestsForTheUpstreamAndPassesTokensUntouched() throws Exception {
        AkSkCredentials keys = AkSkCredentials.of("HPUAPROXYACCESSKEY", "proxy-secret-key-0123456789");
        List<ValidatingProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0, Clock.systemUTC(), FrontDoor.open().withAkSk(keys));
             ValidatingProxy resigning = ValidatingProxy.start(MODELARTS, server.baseUri(),
                     ValidatingProxy.Options.defaults().resign(keys).listener(seen::add));
             ValidatingProxy plain = proxy(MODELARTS, server.baseUri(), seen)) {
            // The client signs for the host it talks to, the proxy: a signature the upstream cannot accept.
            dev.jobsopenapi.modelarts.client.ApiClient client = new dev.jobsopenapi.modelarts.client.ApiClient();
            client.setRequestInterceptor(AkSkSigningInterceptor.with(keys));
            client.updateBaseUri(resigning.uri().toString());
            assertFalse(new DevServerJobsApi(client).listDevServerJobs("proj-1", null, null, null, null, null).getData().isEmpty());
            client.updateBaseUri(plain.uri().toString());
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(plain.uri() + "/v1/proj-1/dev-servers/jobs"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode(), refused.body());
        }
    }

    @Test
    void manyClientsAtOnceEachGetTheirOwnAnswerAndEveryExchangeIsReported() throws Exception {
        List<ValidatingProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0); ValidatingProxy proxy = proxy(OPENYUANRONG, server.baseUri(), seen)) {
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 160; i++) {
                String path = i % 2 == 0 ? "/api/jobs" : "/api/jobs/app-missing-" + i;
                calls.add(clients.submit(() -> HTTP.send(HttpRequest.newBuilder(URI.create(proxy.uri() + path)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertEquals(i % 2 == 0 ? 200 : 404, calls.get(i).get());
            }
            clients.shutdown();
            awaitExchanges(seen, 160);
            assertEquals(160, seen.size());
            assertTrue(seen.stream().allMatch(ValidatingProxy.Exchange::conforms), seen::toString);
        }
    }

    @Test
    void anUpstreamThatHangsIsA504AtTheDeadlineAndOneThatHangsUpA502() throws Exception {
        List<ValidatingProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ValidatingProxy proxy = ValidatingProxy.start(OPENYUANRONG, URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                     ValidatingProxy.Options.defaults().timeout(Duration.ofSeconds(1)).listener(seen::add))) {
            HttpResponse<String> late = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> HTTP.send(
                    HttpRequest.newBuilder(URI.create(proxy.uri() + "/api/jobs")).build(), HttpResponse.BodyHandlers.ofString()));
            assertEquals(504, late.statusCode(), late.body());
            assertOpenYuanrongError(late, "did not answer within 1 s");
        }
        try (ServerSocket rude = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ValidatingProxy proxy = ValidatingProxy.start(OPENYUANRONG, URI.create("http://127.0.0.1:" + rude.getLocalPort()),
                     ValidatingProxy.Options.defaults().timeout(Duration.ofSeconds(5)).listener(seen::add))) {
            Thread hangUp = new Thread(() -> {
                while (!rude.isClosed()) {   // every connection, as the client may retry once
                    try (Socket socket = rude.accept()) {
                        socket.setSoLinger(true, 0); // a reset, not a clean end
                    } catch (IOException ignored) {
                        // closed: the test is over
                    }
                }
            });
            hangUp.setDaemon(true);
            hangUp.start();
            HttpResponse<String> reset = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> HTTP.send(
                    HttpRequest.newBuilder(URI.create(proxy.uri() + "/api/jobs")).build(), HttpResponse.BodyHandlers.ofString()));
            assertEquals(502, reset.statusCode(), reset.body());
            assertOpenYuanrongError(reset, "the upstream could not be reached");
        }
        awaitExchanges(seen, 2);
        assertTrue(seen.stream().allMatch(e -> !e.conforms() && e.response().orElseThrow().violations().get(0).keyword()
                .equals("upstream")), seen::toString);
    }

    @Test
    void closingWaitsUntilEveryExchangeInProgressIsReported() throws Exception {
        List<ValidatingProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            ValidatingProxy proxy = ValidatingProxy.start(OPENYUANRONG, server.baseUri(), ValidatingProxy.Options.defaults()
                    .listener(exchange -> {
                        try {
                            Thread.sleep(300); // a listener slower than the answer
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("interrupted: the exchange was not reported", e);
                        }
                        seen.add(exchange);
                    }));
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(proxy.uri() + "/api/jobs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode());
            proxy.close();
            assertEquals(1, seen.size(), "reported by the time close() returns");
            assertTrue(seen.get(0).response().isPresent() && seen.get(0).conforms(), seen::toString);
        }
    }

    @Test
    void aRedirectReachesTheClientAsSentAndIsNeverFollowed() throws Exception {
        try (WrongServer wrong = new WrongServer(); ValidatingProxy proxy = proxy(OPENYUANRONG, wrong.uri(), new ArrayList<>())) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(proxy.uri() + "/api/jobs"))
                    .header("X-Answer", "redirect").header("X-Auth", "secret-token").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, answer.statusCode());
            assertEquals("http://elsewhere.invalid/api/jobs", answer.headers().firstValue("Location").orElseThrow());
            assertEquals(1, wrong.requests.get(), "one request upstream: the redirect was not followed");
        }
    }

    @Test
    void aRequestBodyOverTheLimitIsA413AndNothingIsForwarded() throws Exception {
        List<ValidatingProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        try (WrongServer wrong = new WrongServer(); ValidatingProxy proxy = ValidatingProxy.start(OPENYUANRONG, wrong.uri(),
                ValidatingProxy.Options.defaults().maxRequestMib(1).listener(seen::add))) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(proxy.uri() + "/api/jobs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1])).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, answer.statusCode());
            assertOpenYuanrongError(answer, "over 1 MiB");
            assertEquals(0, wrong.requests.get(), "nothing forwarded");
        }
    }

    @Test
    void theProxysOwnRefusalsAreInTheErrorShapeOfModelArtsToo() throws Exception {
        try (WrongServer wrong = new WrongServer(); ValidatingProxy proxy = ValidatingProxy.start(MODELARTS, wrong.uri(),
                ValidatingProxy.Options.defaults().maxRequestMib(1))) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(proxy.uri() + "/v1/p1/dev-servers/jobs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1])).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, answer.statusCode());
            assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
            JsonNode error = JSON.readTree(answer.body());
            assertEquals("PROXY.REQUEST_TOO_LARGE", error.path("error_code").asText(), answer.body());
            assertTrue(error.path("error_msg").asText().startsWith("jobs-openapi proxy: the request body is over 1 MiB"), answer.body());
        }
    }

    /** The proxy's own answer as an openYuanrong job handler's error: a JSON string naming the proxy and the reason. */
    private static void assertOpenYuanrongError(HttpResponse<String> answer, String reason) throws IOException {
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""), answer.body());
        JsonNode error = JSON.readTree(answer.body());
        assertTrue(error.isTextual() && error.asText().startsWith("jobs-openapi proxy: ") && error.asText().contains(reason),
                answer.body());
    }

    /** Status, content type, encoding and body bytes of an answer. */
    private record Answer(int status, String contentType, String contentEncoding, byte[] body) {
    }

    private static Answer get(URI base, String path, String mode) throws Exception {
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Answer", mode).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                answer.headers().firstValue("Content-Encoding").orElse(""), answer.body());
    }

    private static void assertSame(Answer direct, Answer proxied) {
        assertEquals(direct.status(), proxied.status());
        assertEquals(direct.contentType(), proxied.contentType());
        assertEquals(direct.contentEncoding(), proxied.contentEncoding());
        assertArrayEquals(direct.body(), proxied.body());
    }

    private static void awaitExchanges(List<ValidatingProxy.Exchange> seen, int count) throws InterruptedException {
        for (int i = 0; i < 100 && seen.size() < count; i++) {
            Thread.sleep(50); // the listener hears of an exchange once its check ends, just after the answer
        }
    }

    /** A server whose job list breaks the spec: plain, gzip-compressed, and chunked. */
    private static final class WrongServer implements AutoCloseable {
        private static final byte[] WRONG = "[{\"submission_id\": 5, \"status\": \"RUNNING\"}]".getBytes(StandardCharsets.UTF_8);
        private final HttpServer server;
        private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

        WrongServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                String mode = String.valueOf(exchange.getRequestHeaders().getFirst("X-Answer"));
                if (mode.equals("redirect")) {
                    exchange.getResponseHeaders().set("Location", "http://elsewhere.invalid/api/jobs");
                    exchange.sendResponseHeaders(302, -1);
                    exchange.close();
                    return;
                }
                byte[] body = WRONG;
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                if (mode.equals("gzip")) {
                    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                        gzip.write(WRONG);
                    }
                    body = zipped.toByteArray();
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                }
                exchange.sendResponseHeaders(200, mode.equals("chunked") ? 0 : body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
