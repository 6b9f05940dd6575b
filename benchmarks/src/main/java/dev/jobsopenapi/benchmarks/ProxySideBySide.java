package dev.jobsopenapi.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.http.ValidatingProxy;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The validating proxy next to direct calls, measured {@linkplain SideBySide side by side}: a ModelArts page of about
 * 2.5 MB fetched from a loopback server directly, through the proxy forwarding only (a spec that documents nothing,
 * so nothing is checked), and through the proxy checking the answer as it passes. Two references run beside them:
 * Jetty's own reverse proxy ({@code ProxyHandler.Reverse}, asynchronous in both directions, nothing checked), which
 * is what forwarding over Jetty's server and client costs at best, and a {@link ByteRelay} that copies bytes with no
 * HTTP at all, the floor of any proxy. Each call's time ends when the client has the answer's last byte. After the
 * rounds, each way runs alone once more and the CPU time per call of each party's threads is printed. Upstream,
 * proxies and client share one JVM: the upstream is the JDK's HTTP server, the client the JDK's. The client's read
 * buffer is a JDK setting: run it as it is and with {@code -Djdk.httpclient.bufsize=65536} to see its share. Run on
 * demand:
 * <pre>java [-Djdk.httpclient.bufsize=65536] -cp benchmarks/target/benchmarks.jar dev.jobsopenapi.benchmarks.ProxySideBySide [ROUNDS]</pre>
 */
public final class ProxySideBySide {

    private static final String PATH = "/v1/proj-1/dev-servers/jobs";

    private ProxySideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] page = Bodies.modelArtsList(11_000).getBytes(StandardCharsets.UTF_8);
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        upstream.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        ExecutorService upstreamThreads = Executors.newFixedThreadPool(4);
        upstream.setExecutor(upstreamThreads);
        upstream.start();
        URI direct = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
        ApiContract nothingDocumented = ApiContract.of("nothing", new ObjectMapper().readTree(
                "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"none\", \"version\": \"1\"}, \"paths\": {}}"));
        Server jetty = jettyProxy(direct);
        try (ValidatingProxy forwarding = ValidatingProxy.start(nothingDocumented, direct, ValidatingProxy.Options.defaults());
             ValidatingProxy checking = ValidatingProxy.start(ApiContract.load("modelarts-devserver-jobs"), direct,
                     ValidatingProxy.Options.defaults());
             ByteRelay relay = new ByteRelay(direct)) {
            Map<String, Callable<?>> ways = new LinkedHashMap<>();
            ways.put("direct", call(direct));
            ways.put("through a byte relay (no HTTP; the floor)", call(relay.uri()));
            ways.put("through Jetty's ProxyHandler (nothing checked)", call(URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort())));
            ways.put("through the proxy, forwarding only", call(forwarding.uri()));
            ways.put("through the proxy, checking the answer", call(checking.uri()));
            int warmup = Math.max(200, rounds / 4);
            SideBySide calls = SideBySide.run(ways, warmup, rounds, new Random(1));
            System.out.printf("a %,d-byte ModelArts page; %,d rounds (after %,d to warm up), each way once per round in a"
                    + " random order; %s, %d cores%n", page.length, rounds, warmup, System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
            calls.print(System.out, "| Call | median | p90 | median ÷ direct's (99% interval) |", "ms", 1_000_000);
            printCpu(ways, Math.max(100, rounds / 4));
        } finally {
            jetty.stop();
            upstream.stop(0);
            upstreamThreads.shutdownNow();
        }
    }

    /**
     * Each way on its own, {@code exchanges} calls in a row: the CPU time each party's threads spent per call. The
     * parties share the machine's cores, so what a proxy spends is added to the call's time.
     */
    private static void printCpu(Map<String, Callable<?>> ways, int exchanges) throws Exception {
        System.out.printf("%nCPU time per call by thread group, each way run alone for %,d calls:%n", exchanges);
        for (Map.Entry<String, Callable<?>> way : ways.entrySet()) {
            ThreadCpu before = ThreadCpu.now();
            for (int i = 0; i < exchanges; i++) {
                way.getValue().call();
            }
            StringBuilder line = new StringBuilder("- " + way.getKey() + ":");
            ThreadCpu.now().perExchangeSince(before, exchanges).forEach((group, nanos) -> {
                if (nanos >= 20_000) {
                    line.append(String.format(" %s %.2f ms;", group, nanos / 1e6));
                }
            });
            System.out.println(line);
        }
    }

    /** Jetty's reverse proxy to the upstream on a free loopback port, with Jetty's defaults. */
    private static Server jettyProxy(URI upstream) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("jetty-proxyhandler");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new ProxyHandler.Reverse(request -> HttpURI.from(upstream + request.getHttpURI().getPathQuery())));
        server.start();
        return server;
    }

    /** A GET of the page through its own client (own connection), the whole answer read. */
    private static Callable<Integer> call(URI base) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + PATH)).build();
        return () -> {
            HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("status " + answer.statusCode());
            }
            return answer.body().length;
        };
    }
}
