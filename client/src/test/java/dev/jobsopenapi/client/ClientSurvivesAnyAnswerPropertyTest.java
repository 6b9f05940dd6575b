package dev.jobsopenapi.client;

import com.sun.net.httpserver.HttpServer;
import dev.jobsopenapi.modelarts.client.api.DevServerJobsApi;
import dev.jobsopenapi.modelarts.client.model.DevServerJobCreateRequest;
import dev.jobsopenapi.modelarts.client.model.ServerJobDeleteRequest;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.openyuanrong.client.model.JobSubmitRequest;
import dev.jobsopenapi.openyuanrong.client.model.SubmitRuntimeEnv;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whatever a server answers — any status, any content type, any bytes, a body cut short, the right JSON of the
 * wrong shape — every operation of both generated clients either returns a model or throws its API's own
 * {@code ApiException} that keeps the status and the bytes that arrived, never a bare Jackson or I/O
 * exception. A loopback server plays the server.
 */
class ClientSurvivesAnyAnswerPropertyTest {

    /** One answer: status, content type, body, and whether the connection drops half-way through the body. */
    record Answer(int status, String contentType, byte[] body, boolean cutShort) {
        /** The bytes the server sends in full: none for a 204, which has no body. */
        byte[] sentBody() {
            return status == 204 ? new byte[0] : body;
        }

        /** Whether the connection really drops half-way: a body of one byte or none has no half to drop after. */
        boolean cuts() {
            return cutShort && sentBody().length > 1;
        }

        /** The bytes that reach the client. */
        byte[] arrived() {
            return cuts() ? java.util.Arrays.copyOf(body, body.length / 2) : sentBody();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body.length + " bytes" + (cuts() ? " cut short" : "") + ": "
                    + new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8);
        }
    }

    private static final AtomicReference<Answer> NEXT = new AtomicReference<>();
    private static HttpServer server;

    @BeforeContainer
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Answer answer = NEXT.get();
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            // One exchange per connection: no call sees a connection an earlier, broken answer left behind.
            exchange.getResponseHeaders().add("Connection", "close");
            byte[] body = answer.sentBody();
            if (answer.cuts()) {
                exchange.sendResponseHeaders(answer.status(), body.length + 100L);
                OutputStream out = exchange.getResponseBody();
                out.write(body, 0, body.length / 2);
                out.flush();
                exchange.close();   // fewer bytes than announced: the server drops the connection
                return;
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterContainer
    static void stop() {
        server.stop(0);
    }

    private static String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Provide
    Arbitrary<Answer> answers() {
        // 304 carries no body by definition (the JDK server drops it), so it cannot test that the body is kept.
        Arbitrary<Integer> status = Arbitraries.oneOf(Arbitraries.of(200, 201, 204, 400, 404, 500, 502),
                Arbitraries.integers().between(200, 599).filter(code -> code != 304));
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json; charset=utf-8", "text/html",
                "text/plain", "application/octet-stream", "");
        Arbitrary<byte[]> body = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.of("[]", "{}", "true", "false", "null", "\"failed get job\"", "[{\"submission_id\":1}]",
                        "{\"error_code\":\"ModelArts.6404\",\"error_msg\":\"DevServer does not exist.\"}", "{\"current\":\"x\"}",
                        "[{\"start_time\":\"abc\"}]", "{\"create_at\":1.5}", "<html>502 Bad Gateway</html>", "", "   ",
                        "[" .repeat(5000), "\uFEFF{}", "{\"data\":[{\"create_at\":99999999999999999999}]}")
                        .map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)));
        return Combinators.combine(status, contentType, body, Arbitraries.of(false, false, false, true)).as(Answer::new);
    }

    @Property(tries = 300)
    void everyOperationReturnsOrThrowsItsApiExceptionKeepingStatusAndBody(@ForAll("answers") Answer answer) throws Exception {
        NEXT.set(answer);
        dev.jobsopenapi.openyuanrong.client.ApiClient yuanrong = new dev.jobsopenapi.openyuanrong.client.ApiClient();
        yuanrong.updateBaseUri(baseUri());
        JobsApi jobs = new JobsApi(yuanrong);
        dev.jobsopenapi.modelarts.client.ApiClient modelArts = new dev.jobsopenapi.modelarts.client.ApiClient();
        modelArts.updateBaseUri(baseUri());
        DevServerJobsApi devServerJobs = new DevServerJobsApi(modelArts);
        JobSubmitRequest submit = new JobSubmitRequest().entrypoint("python a.py").runtimeEnv(new SubmitRuntimeEnv().workingDir("w"));
        DevServerJobCreateRequest create = new DevServerJobCreateRequest().name("n").type("COMMON").serverIds(List.of("s"))
                .items(List.of());

        List<ThrowingCall> calls = List.of(
                jobs::listJobs, () -> jobs.getJob("app-1"), () -> jobs.submitJob(submit, null, null),
                () -> jobs.stopJob("app-1"), () -> jobs.deleteJob("app-1"),
                () -> devServerJobs.listDevServerJobs("p", null, null, null, null, null),
                () -> devServerJobs.showDevServerJob("p", "j"), () -> devServerJobs.createDevServerJob("p", create),
                () -> devServerJobs.deleteDevServerJobs("p", new ServerJobDeleteRequest().jobIds(List.of("j"))),
                () -> devServerJobs.listDevServerJobTemplates("p", null, null, null));
        for (ThrowingCall call : calls) {
            try {
                call.run();
                assertTrue(answer.status() / 100 == 2 && !answer.cuts(), () -> "returned normally for " + answer);
            } catch (dev.jobsopenapi.openyuanrong.client.ApiException e) {
                assertKept(answer, e.getCode(), e.getResponseBody(), e);
            } catch (dev.jobsopenapi.modelarts.client.ApiException e) {
                assertKept(answer, e.getCode(), e.getResponseBody(), e);
            } catch (Exception e) {
                fail("a " + e.getClass().getName() + " escaped for " + answer, e);
            }
        }
    }

    private static void assertKept(Answer answer, int code, String body, Exception e) {
        assertEquals(answer.status(), code, () -> "status lost for " + answer + ": " + e);
        if (answer.status() == 204) {
            return;
        }
        assertEquals(new String(answer.arrived(), StandardCharsets.UTF_8), body == null ? "" : body,
                () -> "the bytes that arrived were lost for " + answer);
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
