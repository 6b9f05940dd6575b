package dev.jobsopenapi.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mock server misbehaves for one operation exactly as its faults say, and for no other. */
class FaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ReferenceServer server;

    @BeforeAll
    static void start() {
        server = ReferenceServer.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void clear() {
        server.faults().clear();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDroppedFieldIsMissingFromThatOperationsAnswerOnly() throws Exception {
        assertTrue(JSON.readTree(get("/api/jobs").body()).get(0).has("status"));
        server.faults().inject("listJobs", Fault.drop("/0/status"));
        HttpResponse<String> answer = get("/api/jobs");
        assertEquals(200, answer.statusCode());
        assertFalse(JSON.readTree(answer.body()).get(0).has("status"), answer.body());
        assertTrue(JSON.readTree(get("/v1/p/dev-servers/jobs").body()).get("data").get(0).has("status"));
    }

    @Test
    void aRetypedModelArtsTimeBecomesADigitString() throws Exception {
        JsonNode before = JSON.readTree(get("/v1/p/dev-servers/jobs").body()).at("/data/0/create_at");
        server.faults().inject("listDevServerJobs", Fault.retype("/data/0/create_at"));
        JsonNode after = JSON.readTree(get("/v1/p/dev-servers/jobs").body()).at("/data/0/create_at");
        assertTrue(before.isNumber() && after.isTextual(), before + " -> " + after);
        assertEquals(before.asText(), after.asText());
    }

    @Test
    void statusBodyAndDelayApplyInOrder() throws Exception {
        server.faults().inject("listJobs", Fault.status(503), Fault.body("{\"error\":\"down\"}"), Fault.delay(Duration.ofMillis(300)));
        long started = System.nanoTime();
        HttpResponse<String> answer = get("/api/jobs");
        assertTrue(System.nanoTime() - started >= 300_000_000L, "answered before the delay");
        assertEquals(503, answer.statusCode());
        assertEquals(JSON.readTree("{\"error\":\"down\"}"), JSON.readTree(answer.body()));
        server.faults().clear();
        assertEquals(200, get("/api/jobs").statusCode());
    }

    @Test
    void theCommandLineFormReadsOneFaultAtATimeAndAddsItToTheOperations() throws Exception {
        server.faults().inject("listJobs=status:418").inject("listJobs=drop:/0/type");
        assertEquals(2, server.faults().of("listJobs").size());
        HttpResponse<String> answer = get("/api/jobs");
        assertEquals(418, answer.statusCode());
        assertFalse(JSON.readTree(answer.body()).get(0).has("type"));
    }

    @Test
    void mistakesAreRefusedNamingWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> server.faults().inject("listJob", Fault.status(500)))
                .getMessage().contains("they have createDevServerJob, deleteDevServerJobs, deleteJob, getJob, "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parse("explode:1")).getMessage()
                .contains("the kinds are status, body, drop, retype and delay"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parse("status:99")).getMessage()
                .contains("100 to 599"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parse("drop:data")).getMessage()
                .contains("JSON pointer"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Fault.parse("body:{oops")).getMessage()
                .contains("a body is JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> server.faults().inject("listJobs")).getMessage()
                .contains("OPERATION_ID=KIND:ARGUMENT"));
    }
}
