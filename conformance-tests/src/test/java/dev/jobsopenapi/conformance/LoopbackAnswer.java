package dev.jobsopenapi.conformance;

import com.sun.net.httpserver.HttpServer;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A one-shot JDK HTTP server on loopback: answers a GET of {@code /api/jobs} with a JSON body, live. */
public final class LoopbackAnswer {

    /** What a test does with the live response while the server still runs. */
    @FunctionalInterface
    public interface Use<T> {
        T apply(HttpResponse<InputStream> response) throws Exception;
    }

    private LoopbackAnswer() {
    }

    /** Serves the body, GETs it, and hands the response (body unread) to {@code use}. */
    public static <T> T get(byte[] body, Use<T> use) throws Exception {
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
            return use.apply(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/jobs")).build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        } finally {
            server.stop(0);
        }
    }
}
