package dev.jobsopenapi.client;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/** A JDK HTTP server on 127.0.0.1 that answers every request with one canned response and remembers the request. */
final class CannedResponseServer implements AutoCloseable {

    /** What the server saw of the last request. */
    record SeenRequest(String method, URI uri, String authToken, String contentType, String body) {
    }

    private final HttpServer server;
    private final AtomicReference<SeenRequest> lastRequest = new AtomicReference<>();

    CannedResponseServer(String jsonBody) throws IOException {
        this(200, "application/json", jsonBody);
    }

    /** Answers every request with this status, content type and body. */
    CannedResponseServer(int status, String contentType, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lastRequest.set(new SeenRequest(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders().getFirst("X-Auth-Token"), exchange.getRequestHeaders().getFirst("Content-Type"),
                    requestBody));
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** For example {@code http://127.0.0.1:41234}. */
    String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A ModelArts client of this server. */
    dev.jobsopenapi.modelarts.client.ApiClient modelArtsClient() {
        dev.jobsopenapi.modelarts.client.ApiClient client = new dev.jobsopenapi.modelarts.client.ApiClient();
        client.updateBaseUri(baseUri());
        return client;
    }

    /** The openYuanrong job API of this server. */
    dev.jobsopenapi.openyuanrong.client.api.JobsApi openYuanrongJobs() {
        dev.jobsopenapi.openyuanrong.client.ApiClient client = new dev.jobsopenapi.openyuanrong.client.ApiClient();
        client.updateBaseUri(baseUri());
        return new dev.jobsopenapi.openyuanrong.client.api.JobsApi(client);
    }

    SeenRequest lastRequest() {
        return lastRequest.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
