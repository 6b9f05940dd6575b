package dev.jobsopenapi.reference;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever body a client sends, the reference server's refusal names no Java class and repeats no Jackson wording. */
class NoRefusalNamesAJavaClassPropertyTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ReferenceServer server;

    @BeforeContainer
    static void start() {
        server = ReferenceServer.start("127.0.0.1", 0);
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 200)
    void noRefusalNamesAJavaClassOrJacksonsWording(@ForAll("jsonishBodies") String body, @ForAll boolean modelArts) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                        + (modelArts ? "/v1/p/dev-servers/jobs" : "/api/jobs")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400, answer.statusCode() + " " + answer.body());
        for (String leak : List.of("dev.jobsopenapi", "java.", "`", "Jackson", "StreamReadConstraints", "JobSubmitRequest",
                "DevServerJobCreateRequest", "Exception")) {
            assertFalse(answer.body().contains(leak), () -> body + " -> " + answer.body());
        }
    }

    @Provide
    Arbitrary<String> jsonishBodies() {
        Arbitrary<String> pieces = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"entrypoint\"", "\"runtime_env\"",
                "\"working_dir\"", "\"name\"", "\"server_ids\"", "\"items\"", "\"type\"", "\"metadata\"", "1", "-1.5e400",
                "true", "null", "\"x\"", "\"\\u0000\"", "NaN", " ");
        return pieces.list().ofMaxSize(25).map(list -> String.join("", list));
    }
}
