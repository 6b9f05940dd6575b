package dev.jobsopenapi.otherlanguages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.reference.FrontDoor;
import dev.jobsopenapi.reference.FrontendJwt;
import dev.jobsopenapi.reference.ReferenceServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Python clients openapi-generator makes from both specs ({@code python}, pydantic v2) read every documented
 * example and every frontend job shape — the ModelArts times as an {@code int} — write each back
 * unchanged, call every operation of both APIs on the mock server, and pass the frontend's token to a guarded one;
 * the Python clients swagger-codegen 3 makes ({@code python}) call every operation and read each answer as sent.
 */
class GeneratedPythonClientsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path GENERATED = MODULE.resolve("target/generated-clients");
    private static final String JWT_SECRET = "other-language-clients-jwt-secret";

    private static String developerToken() {
        return FrontendJwt.mint(JWT_SECRET, "tenant-1", FrontendJwt.DEVELOPER, java.time.Instant.now().plusSeconds(3600));
    }

    @Test
    void theGeneratedPythonClientsReadEveryAnswerAndCallEveryOperation() throws Exception {
        PythonTools.require();
        Path cases = MODULE.resolve("target/client-cases.json");
        ClientCases.Counts counts = ClientCases.write(cases);
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0);
             ReferenceServer guarded = ReferenceServer.start("127.0.0.1", 0, FrontDoor.open().withJwtSecret(JWT_SECRET))) {
            String output = PythonTools.run(List.of(GENERATED.resolve("python/modelarts"), GENERATED.resolve("python/openyuanrong")),
                    MODULE.resolve("src/test/python/check_clients.py"),
                    server.baseUri().toString(), cases.toString(), guarded.baseUri().toString(), developerToken());
            JsonNode summary = new ObjectMapper().readTree(output.strip().lines().reduce((a, b) -> b).orElseThrow());
            assertEquals(List.of(), new ObjectMapper().convertValue(summary.get("failures"), List.class), output);
            assertEquals(counts.examples(), summary.get("examples").asInt());
            assertEquals(counts.frontendJobs(), summary.get("frontendJobs").asInt());
            assertEquals(counts.modelArtsTimes(), summary.get("modelArtsTimes").asInt(), "every ModelArts time was looked at");
            assertEquals(13, summary.get("operations").size(), summary.toString());
        }
    }

    @Test
    void theSwaggerCodegenPythonClientsCallEveryOperationAndReadEachAnswerAsSent() throws Exception {
        PythonTools.require();
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            Path planFile = MODULE.resolve("target/swagger-codegen-python-plan.json");
            PlannedCall.Plan plan = PlannedCall.writePlan(server.baseUri(), planFile);
            String output = PythonTools.run(
                    List.of(GENERATED.resolve("swagger-codegen-python/modelarts"), GENERATED.resolve("swagger-codegen-python/openyuanrong")),
                    MODULE.resolve("src/test/python/check_swagger_python.py"), planFile.toString(), server.baseUri().toString());
            JsonNode summary = plan.assertFollowedIn(output);
            assertTrue(summary.get("modelArtsTimes").asInt() > 0, "a ModelArts time was decoded as an int: " + summary);
        }
    }
}
