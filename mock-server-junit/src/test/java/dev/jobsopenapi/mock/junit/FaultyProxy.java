package dev.jobsopenapi.mock.junit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A server with one deliberate fault: a proxy in front of the reference server that forwards every exchange
 * and spoils one kind of answer, as a faulty implementation of the API would.
 */
final class FaultyProxy implements AutoCloseable {

    /** The faults, one per proxy. */
    enum Fault {
        /** A submit whose body has {@code metadata} is a 500. */
        SERVER_ERROR_ON_METADATA,
        /** A submit without {@code entrypoint} is accepted. */
        ACCEPTS_SUBMIT_WITHOUT_ENTRYPOINT,
        /** A deleted job is still served. */
        SERVES_DELETED_JOBS,
        /** A submitted job is answered but never kept. */
        LOSES_SUBMITTED_JOBS,
        /** The job list is sent as text/plain. */
        WRONG_CONTENT_TYPE,
        /** An unknown job is a 410, a status the spec does not document. */
        UNDOCUMENTED_STATUS,
        /** ModelArts times are sent as strings of digits, not numbers. */
        TIMES_AS_STRINGS
    }

    private final HttpServer server;
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    FaultyProxy(URI target, Fault fault) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try {
                handle(exchange, target, fault);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange, URI target, Fault fault) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        boolean submit = method.equals("POST") && path.equals("/api/jobs");
        if (fault == Fault.SERVER_ERROR_ON_METADATA && submit && text.contains("\"metadata\"")) {
            answer(exchange, 500, "application/json", "\"internal error\"");
            return;
        }
        if (fault == Fault.ACCEPTS_SUBMIT_WITHOUT_ENTRYPOINT && submit && !text.contains("\"entrypoint\"")) {
            answer(exchange, 200, "application/json", "{\"submission_id\":\"app-accepted\"}");
            return;
        }
        if (fault == Fault.LOSES_SUBMITTED_JOBS && submit) {
            answer(exchange, 200, "application/json", "{\"submission_id\":\"app-lost-" + System.nanoTime() + "\"}");
            return;
        }
        if (fault == Fault.SERVES_DELETED_JOBS && method.equals("GET") && deleted.contains(path)) {
            answer(exchange, 200, "application/json", "{\"submission_id\":\"" + path.substring(path.lastIndexOf('/') + 1)
                    + "\",\"status\":\"SUCCEEDED\"}");
            return;
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + path + (query == null ? "" : "?" + query)))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!Set.of("host", "connection", "content-length", "expect", "upgrade").contains(name.toLowerCase())) {
                values.forEach(value -> forward.header(name, value));
            }
        });
        HttpResponse<String> response = upstream.send(forward.build(), HttpResponse.BodyHandlers.ofString());
        String contentType = response.headers().firstValue("Content-Type").orElse("application/json");
        String answer = response.body();
        int status = response.statusCode();
        if (fault == Fault.SERVES_DELETED_JOBS && method.equals("DELETE") && status == 200 && answer.equals("true")) {
            deleted.add(path);
        }
        if (fault == Fault.WRONG_CONTENT_TYPE && method.equals("GET") && path.equals("/api/jobs")) {
            contentType = "text/plain";
        }
        if (fault == Fault.UNDOCUMENTED_STATUS && status == 404 && method.equals("GET")) {
            status = 410;
        }
        if (fault == Fault.TIMES_AS_STRINGS) {
            answer = answer.replaceAll("\"(create_at|update_at)\":(\\d+)", "\"$1\":\"$2\"");
        }
        answer(exchange, status, contentType, answer);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
