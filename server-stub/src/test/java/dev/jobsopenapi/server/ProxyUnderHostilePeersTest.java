package dev.jobsopenapi.server;

import com.sun.net.httpserver.HttpServer;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.http.ValidatingProxy;
import dev.jobsopenapi.reference.ReferenceServer;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validating proxy between hostile peers: clients that send their heads slowly or hang up, upstreams that stall
 * or end an answer early, headers that try to smuggle a header or name hop-by-hop ones. Nothing freezes it, leaks a
 * descriptor, passes an injected header on, or goes unreported. Every loop is bounded and stays on loopback.
 */
class ProxyUnderHostilePeersTest {

    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void slowHeadsHoldNoThreadOfTheProxy() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0);
             ValidatingProxy proxy = ValidatingProxy.start(OPENYUANRONG, server.baseUri(), ValidatingProxy.Options.defaults().threads(4))) {
            for (int i = 0; i < 32; i++) { // eight times its threads, each stopped inside its head
                Socket socket = new Socket(proxy.uri().getHost(), proxy.uri().getPort());
                socket.getOutputStream().write("GET /api/jobs HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            HttpResponse<String> served = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> HTTP.send(
                    HttpRequest.newBuilder(URI.create(proxy.uri() + "/api/jobs")).build(), HttpResponse.BodyHandlers.ofString()));
            assertEquals(200, served.statusCode());
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void anUpstreamThatStallsMidAnswerIsCutAtTheDeadlineAndReportedAndFreesItsThread() throws Exception {
        List<ValidatingProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        try (RawUpstream stalling = new RawUpstream("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[", true);
             ValidatingProxy proxy = ValidatingProxy.start(OPENYUANRONG, stalling.uri(), ValidatingProxy.Options.defaults()
                     .threads(2).timeout(Duration.ofSeconds(1)).listener(seen::add))) {
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<String>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) { // twice the proxy's threads: the later ones are served after the cut-offs
                    calls.add(clients.submit(() -> raw(proxy.uri(), "GET /api/jobs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
                }
                for (java.util.concurrent.Future<String> call : calls) {
                    String answer = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> call.get());
                    assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 200"), answer);
                    assertFalse(answer.endsWith("]"), "a truncated answer never looks whole: " + answer);
                }
            } finally {
                clients.shutdownNow();
            }
            awaitExchanges(seen, 4);
            assertTrue(seen.stream().allMatch(e -> !e.conforms() && e.response().orElseThrow().violations().get(0)
                    .keyword().equals("upstream")), seen::toString);
        }
    }

    @Test
    void anUpstreamThatEndsItsAnswerEarlyIsAReportedFailureNotASilentTruncation() throws Exception {
        List<ValidatingProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        try (RawUpstream truncating = new RawUpstream("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[{\"sub", false);
             ValidatingProxy proxy = ValidatingProxy.start(OPENYUANRONG, truncating.uri(), ValidatingProxy.Options.defaults().listener(seen::add))) {
            String answer = raw(proxy.uri(), "GET /api/jobs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertFalse(answer.contains("Content-Length: 100") && answer.length() >= answer.indexOf("\r\n\r\n") + 104,
                    "the client never gets a whole-looking answer: " + answer);
            awaitExchanges(seen, 1);
            assertEquals("upstream", seen.get(0).response().orElseThrow().violations().get(0).keyword(), seen::toString);
            assertTrue(seen.get(0).response().orElseThrow().violations().get(0).message().contains("ended its answer early"), seen::toString);
        }
    }

    @Test
    void clientsThatHangUpMidAnswerLeakNoDescriptor() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "SKIPPED: no /proc/self/fd to count descriptors with");
        byte[] big = ("[" + "{\"submission_id\":\"app-1\",\"status\":\"RUNNING\"},".repeat(40_000) + "{\"submission_id\":\"app-2\"}]")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, big.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(big);
            } catch (IOException proxyLetGo) {
                // the proxy released the upstream connection when its client hung up
            }
        });
        upstream.setExecutor(Executors.newFixedThreadPool(8));
        upstream.start();
        try (ValidatingProxy proxy = ValidatingProxy.start(OPENYUANRONG, URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()),
                ValidatingProxy.Options.defaults())) {
            abortClients(proxy.uri(), 50); // warm up: pools and caches settle
            Thread.sleep(1_000);
            long before = count(fds);
            abortClients(proxy.uri(), 600);
            Thread.sleep(2_000);
            long after = count(fds);
            assertTrue(after - before < 20, "descriptors before " + before + ", after 600 aborted clients " + after);
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void aHeaderWithACarriageReturnOrAControlCharacterIsRefusedReportedAndNotForwarded() throws Exception {
        List<ValidatingProxy.Exchange> seen = new CopyOnWriteArrayList<>();
        AtomicReference<String> forwarded = new AtomicReference<>("");
        HttpServer upstream = echoingHeaders(forwarded);
        try (ValidatingProxy proxy = ValidatingProxy.start(OPENYUANRONG, URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()),
                ValidatingProxy.Options.defaults().listener(seen::add))) {
            for (String header : List.of("X-A: a\rX-injected: 1", "X-A: a\u0001b", "X-A: a\u0000b")) {
                String answer = raw(proxy.uri(), "GET /api/jobs HTTP/1.1\r\nHost: x\r\n" + header + "\r\nConnection: close\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 400"), header.replace("\r", "\\r") + " -> " + answer);
                assertTrue(answer.contains("Content-Type: application/json") && answer.endsWith("\"")
                        && answer.contains("\r\n\r\n\"jobs-openapi proxy: "), "an openYuanrong error, a JSON string: " + answer);
            }
            assertFalse(forwarded.get().toLowerCase().contains("x-injected"), forwarded.get());
            awaitExchanges(seen, 3);
            assertTrue(seen.stream().allMatch(e -> !e.conforms()), seen::toString);
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void aRefusalSentBeforeTheBodyIsReadSaysConnectionClose() throws Exception {
        AtomicReference<String> forwarded = new AtomicReference<>("");
        HttpServer upstream = echoingHeaders(forwarded);
        try (ValidatingProxy proxy = ValidatingProxy.start(OPENYUANRONG, URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()),
                ValidatingProxy.Options.defaults())) {
            String answer = raw(proxy.uri(), "POST /api/jobs;x HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n{}");
            assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("Connection: close"), answer);
            assertTrue(forwarded.get().isEmpty(), "nothing forwarded: " + forwarded.get());
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void headersNamedInConnectionAreHopByHopAndNotForwarded() throws Exception {
        AtomicReference<String> forwarded = new AtomicReference<>("");
        HttpServer upstream = echoingHeaders(forwarded);
        try (ValidatingProxy proxy = ValidatingProxy.start(OPENYUANRONG, URI.create("http://127.0.0.1:" + upstream.getAddress().getPort()),
                ValidatingProxy.Options.defaults())) {
            String answer = raw(proxy.uri(), "GET /api/jobs HTTP/1.1\r\nHost: x\r\nConnection: close, X-Hop\r\nX-Hop: secret-hop\r\n"
                    + "X-Kept: kept\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(forwarded.get().contains("x-kept"), forwarded.get());
            assertFalse(forwarded.get().contains("x-hop"), forwarded.get());
        } finally {
            upstream.stop(0);
        }
    }

    /** An upstream that answers every request with the same list and remembers the header names it got. */
    private static HttpServer echoingHeaders(AtomicReference<String> names) throws IOException {
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            names.set(String.join(",", exchange.getRequestHeaders().keySet()).toLowerCase());
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        return upstream;
    }

    private static void abortClients(URI proxy, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            try (Socket client = new Socket(proxy.getHost(), proxy.getPort())) {
                client.getOutputStream().write("GET /api/jobs HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                client.getInputStream().readNBytes(4096); // the head and a little of the body, then hang up
            }
        }
    }

    private static long count(Path fds) throws IOException {
        try (var list = Files.list(fds)) {
            return list.count();
        }
    }

    private static void awaitExchanges(List<ValidatingProxy.Exchange> seen, int count) throws InterruptedException {
        for (int i = 0; i < 200 && seen.size() < count; i++) {
            Thread.sleep(50);
        }
        assertEquals(count, seen.size(), seen::toString);
    }

    /** Sends a raw request and reads whatever comes back until the connection ends (or 15 s pass). */
    private static String raw(URI base, String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (IOException cut) {
                // what arrived before the connection ended
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** An upstream that answers every connection with the same bytes, then stalls (keeps it open) or hangs up. */
    private static final class RawUpstream implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        RawUpstream(String answer, boolean stall) throws IOException {
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        InputStream in = connection.getInputStream();
                        in.read(new byte[8192]); // the request's head
                        connection.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                        connection.getOutputStream().flush();
                        if (stall) {
                            open.add(connection);
                        } else {
                            connection.close();
                        }
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "raw-upstream");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : open) {
                connection.close();
            }
        }
    }
}
