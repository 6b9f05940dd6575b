package dev.jobsopenapi.conformance;

import dev.jobsopenapi.conformance.junit.ConformanceAssertions;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public checking API: operation lookup, raw bodies, request lines, and the JUnit helper. */
class ContractApiTest {

    private static final ApiContract MODELARTS = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);

    private static String exampleText(ApiContract contract, String operationId) {
        return contract.example(operationId, "200").orElseThrow().value().toString();
    }

    @Test
    void concretePathsResolveToTheirTemplatedOperation() {
        assertEquals("showDevServerJob", MODELARTS.operation("GET", "/v1/abc/dev-servers/jobs/xyz").orElseThrow().operationId());
        assertEquals("listDevServerJobs", MODELARTS.operation("get", "/v1/abc/dev-servers/jobs?visible=true").orElseThrow().operationId());
        assertEquals("listJobs", OPENYUANRONG.operation("GET", "/api/jobs/").orElseThrow().operationId());
        assertTrue(MODELARTS.operation("GET", "/v1/abc/dev-servers/jobs/xyz/extra").isEmpty());
        assertTrue(MODELARTS.operation("DELETE", "/v1/abc/dev-servers/jobs/xyz").isEmpty());
    }

    @Test
    void pathVariablesAreDecoded() {
        Operation show = MODELARTS.operation("showDevServerJob").orElseThrow();
        assertEquals(java.util.Map.of("project_id", "a b", "id", "x+y"),
                show.match("/v1/a%20b/dev-servers/jobs/x+y").orElseThrow());
    }

    @Test
    void aPathThatDoesNotNormaliseCleanlyIsServedByNoOperation() {
        assertTrue(MODELARTS.operation("showDevServerJob").orElseThrow().match("/v1/p/dev-servers/jobs/x%2Fy").isEmpty());
        assertTrue(MODELARTS.operation("GET", "/v1;/p/dev-servers/jobs").isEmpty());
        Violation refused = MODELARTS.validateRequest(Target.route("GET", "/v1;/p/dev-servers/jobs"), null, Body.none())
                .violations().get(0);
        assertEquals("path", refused.keyword());
        assertTrue(refused.message().contains("matrix parameter"), refused::toString);
    }

    @Test
    void aResponseCheckedByMethodAndPathFindsItsOperation() {
        String body = exampleText(MODELARTS, "showDevServerJob");
        assertTrue(MODELARTS.validateResponse(Target.route("GET", "/v1/abc/dev-servers/jobs/xyz"), "200", "application/json", Body.of(body)).isValid());
        assertEquals("path", MODELARTS.validateResponse(Target.route("GET", "/v2/nothing"), "200", "application/json", Body.of(body))
                .violations().get(0).keyword());
        assertEquals("method", MODELARTS.validateResponse(Target.route("PUT", "/v1/abc/dev-servers/jobs"), "200", "application/json", Body.of(body))
                .violations().get(0).keyword());
    }

    @Test
    void aLiteralPathSegmentWinsOverATemplatedOne() {
        assertEquals("listDevServerJobTemplates", MODELARTS.operation("GET", "/v1/abc/dev-servers/jobs/templates?type=COMMON")
                .orElseThrow().operationId());
        assertEquals("showDevServerJob", MODELARTS.operation("GET", "/v1/abc/dev-servers/jobs/template").orElseThrow().operationId());
        assertEquals("deleteDevServerJobs", MODELARTS.operation("DELETE", "/v1/abc/dev-servers/jobs").orElseThrow().operationId());
    }

    @Test
    void emptyAndNonJsonBodiesAreViolationsNotExceptions() {
        for (String body : new String[] {"", "   ", "<html>oops</html>", "{\"a\":", "[] []"}) {
            ValidationResult result = OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(body));
            assertEquals(1, result.violations().size(), body);
            assertEquals("json", result.violations().get(0).keyword(), body);
            assertEquals(1, result.violations().get(0).message().lines().count(), result::toString);
        }
        assertTrue(OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of("[]")).isValid());
    }

    @Test
    void requestParametersAreCheckedAgainstTheirConstraints() {
        assertTrue(MODELARTS.validateRequest(Target.route("GET", "/v1/proj-1/dev-servers/jobs?visible=true&status=FINISHED"), null, Body.none()).isValid());
        assertTrue(MODELARTS.validateRequest(Target.route("GET", "/v1/proj-1/dev-servers/jobs/" + "j".repeat(64)), null, Body.none()).isValid());

        assertPointers(MODELARTS.validateRequest(Target.route("GET", "/v1/bad_id/dev-servers/jobs"), null, Body.none()), "/path/project_id");
        assertPointers(MODELARTS.validateRequest(Target.route("GET", "/v1/" + "p".repeat(65) + "/dev-servers/jobs"), null, Body.none()), "/path/project_id");
        assertPointers(MODELARTS.validateRequest(Target.route("GET", "/v1/proj-1/dev-servers/jobs/" + "j".repeat(65)), null, Body.none()), "/path/id");
        assertPointers(MODELARTS.validateRequest(Target.route("GET", "/v1/proj-1/dev-servers/jobs?visible=maybe"), null, Body.none()), "/query/visible");
        assertPointers(MODELARTS.validateRequest(Target.route("GET", "/v1/proj-1/dev-servers/jobs?id="), null, Body.none()), "/query/id");
        assertPointers(MODELARTS.validateRequest(Target.route("GET", "/v1/proj-1/dev-servers/jobs?page=2"), null, Body.none()), "/query/page");
        assertEquals("path", MODELARTS.validateRequest(Target.route("GET", "/v1/proj-1/elsewhere"), null, Body.none()).violations().get(0).keyword());
    }

    @Test
    void theJunitHelperFailsWithEveryViolation() {
        ApiContract contract = MODELARTS;
        String body = exampleText(contract, "listDevServerJobs").replace("\"pages\":1", "\"pages\":\"one\"")
                .replace("\"total\":2", "\"total\":\"two\"");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () ->
                ConformanceAssertions.assertResponseConforms(contract, Target.operation("listDevServerJobs"), "200", "application/json", Body.of(body)));
        assertTrue(e.getMessage().contains("/pages: ") && e.getMessage().contains("/total: "), e.getMessage());
        ConformanceAssertions.assertResponseConforms(contract, Target.operation("listDevServerJobs"), "200", "application/json", Body.of(exampleText(contract, "listDevServerJobs")));
        ConformanceAssertions.assertRequestConforms(contract, Target.route("GET", "/v1/proj-1/dev-servers/jobs?visible=false"), null, Body.none());
        assertThrows(AssertionFailedError.class, () ->
                ConformanceAssertions.assertRequestConforms(contract, Target.route("GET", "/v1/proj_1/dev-servers/jobs"), null, Body.none()));
    }

    @Test
    void specsLoadByBundledNameOrFileAndBadFilesAreClearErrors(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        assertEquals("openyuanrong-jobs", ApiContract.load("openyuanrong-jobs").name());
        Path copy = dir.resolve("my-spec.yaml");
        try (var in = BundledSpec.OPENYUANRONG_JOBS.open()) {
            Files.copy(in, copy);
        }
        assertEquals("my-spec", ApiContract.load(copy.toString()).name());
        assertThrows(NoSuchFileException.class, () -> ApiContract.load(dir.resolve("missing.yaml").toString()));
        Path notOpenApi = Files.writeString(dir.resolve("other.yaml"), "name: not an api\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiContract.load(notOpenApi));
        assertTrue(e.getMessage().contains("not an OpenAPI 3.0 document"), e.getMessage());
        Path notYaml = Files.writeString(dir.resolve("broken.yaml"), "openapi: [3.0.3\n");
        assertThrows(IllegalArgumentException.class, () -> ApiContract.load(notYaml));
    }

    @Test
    void resultsAreImmutable() {
        ValidationResult result = OPENYUANRONG.validateResponse(Target.operation("listJobs"), "418", "application/json", Body.of("[]"));
        assertThrows(UnsupportedOperationException.class, () -> result.violations().clear());
        List<Violation> mutable = new java.util.ArrayList<>(result.violations());
        ValidationResult copy = new ValidationResult("s", mutable);
        mutable.clear();
        assertEquals(1, copy.violations().size());
    }

    @Test
    void aTenThousandJobListIsCheckedInOnePass() throws Exception {
        JsonNode job = OPENYUANRONG.examples().get(0).value().get(0);
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            body.append(i == 0 ? "" : ",").append(job);
        }
        body.append(']');
        ValidationResult result = OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(body.toString()));
        assertTrue(result.isValid(), () -> result.violations().subList(0, 3).toString());
        String broken = body.toString().replaceFirst("\"driver_exit_code\":0", "\"driver_exit_code\":\"0\"");
        assertPointers(OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(broken)), "/0/driver_exit_code");
    }

    private static void assertPointers(ValidationResult result, String... pointers) {
        assertEquals(List.of(pointers), result.violations().stream().map(Violation::pointer).distinct().toList(), result::toString);
    }
}
