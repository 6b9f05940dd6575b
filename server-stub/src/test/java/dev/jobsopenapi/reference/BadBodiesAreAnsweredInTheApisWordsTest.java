package dev.jobsopenapi.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body the reference server cannot read is answered in the API's own words: the field as the spec names it and
 * what it must be, never Jackson's wording or a Java class name.
 */
class BadBodiesAreAnsweredInTheApisWordsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ReferenceServer server;

    @BeforeAll
    static void start() {
        server = ReferenceServer.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String message(String path, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), answer.body());
        var tree = JSON.readTree(answer.body());
        return tree.isTextual() ? tree.asText() : tree.get("error_msg").asText();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/v1/p/dev-servers/jobs|{\"name\":\"a\",\"server_ids\":[\"s\"],\"type\":\"COMMON\"}|invalid request body: items: is required",
        "/v1/p/dev-servers/jobs|{\"name\":\"a\",\"server_ids\":\"s\",\"type\":\"COMMON\",\"items\":[{\"type\":\"X\"}]}|invalid request body: server_ids: must be an array",
        "/v1/p/dev-servers/jobs|{\"name\":1,\"server_ids\":[\"s\"],\"type\":\"COMMON\",\"items\":[{\"type\":\"X\"}]}|invalid request body: name: must be a string",
        "/v1/p/dev-servers/jobs|{\"name\":\"a\",\"server_ids\":[\"s\"],\"type\":\"COMMON\",\"items\":[{\"type\":\"X\",\"spec\":[1]}]}|invalid request body: items[0].spec: must be an object",
        "/api/jobs|{\"entrypoint\":\"a\",\"runtime_env\":{\"working_dir\":\"w\"},\"entrypoint_num_cpus\":\"x\"}|invalid request body: entrypoint_num_cpus: must be a number",
        "/api/jobs|{\"entrypoint\":\"a\",\"runtime_env\":\"w\"}|invalid request body: runtime_env: must be an object",
        "/api/jobs|{\"runtime_env\":{\"working_dir\":\"w\"}}|invalid request body: entrypoint: is required",
        "/api/jobs|[1]|invalid request body: the body must be an object",
        "/v1/p/dev-servers/jobs|\"text\"|invalid request body: the body must be an object",
        "/v1/p/dev-servers/jobs|{\"name\":\"a\",\"server_ids\":[\"s\"],\"type\":\"COMMON\",\"items\":[{\"type\":\"X\"}],\"bogus\":1}|invalid request body: bogus: is not a field of this body (its fields: description, is_reboot, items, name, server_ids, type)",
    })
    void aBodyOfTheWrongShapeNamesTheFieldAndWhatItMustBe(String path, String body, String expected) throws Exception {
        assertEquals(expected, message(path, body));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"/v1/p/dev-servers/jobs|{\"name\":\"a\",", "/api/jobs|{\"entrypoint\":", "/api/jobs|{\"a\" 1}"})
    void aBodyThatIsNotJsonSaysSoWithoutJavaNames(String path, String body) throws Exception {
        String message = message(path, body);
        assertFalse(!message.startsWith("invalid request body: the body is not valid JSON: ") || message.contains("java.")
                || message.contains("`") || message.contains("Jackson"), message);
    }

    @Test
    void aBodyNestedBeyondTheLimitSaysSoWithoutJavaNames() throws Exception {
        String deep = "{\"entrypoint\":\"a\",\"runtime_env\":{\"working_dir\":\"w\"},\"metadata\":{\"a\":"
                + "[".repeat(1_100) + "]".repeat(1_100) + "}}";
        String message = message("/api/jobs", deep);
        assertFalse(message.contains("StreamReadConstraints") || message.contains("`"), message);
        assertTrue(message.startsWith("invalid request body: "), message);
    }
}
