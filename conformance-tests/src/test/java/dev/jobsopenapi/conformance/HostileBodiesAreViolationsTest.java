package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each class of malformed body is one violation with a message that says what is wrong (and, where there
 * is one, the pointer of the field), through the library API, never an exception. The README's "Hostile
 * input" table lists these rows.
 */
class HostileBodiesAreViolationsTest {

    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final ApiContract MODELARTS = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("empty", "", "json", "", "the body is empty"),
                Arguments.of("blank", " \n ", "json", "", "the body is empty"),
                Arguments.of("nesting beyond Jackson's limit", "[".repeat(100_000), "json", "", "nests deeper than 1000 levels"),
                Arguments.of("NaN", "[NaN]", "json", "", "NaN and Infinity are not JSON numbers"),
                Arguments.of("Infinity", "[-Infinity]", "json", "", "NaN and Infinity are not JSON numbers"),
                Arguments.of("byte-order mark", "\uFEFF[]", "encoding", "", "byte-order mark"),
                Arguments.of("trailing garbage", "[] }", "json", "", "the body is not JSON"),
                Arguments.of("several documents", "[] []", "json", "", "more than one JSON document"),
                Arguments.of("truncated", "[{\"submission_id\": \"a", "json", "", "the body is not JSON"),
                Arguments.of("duplicate key", "[{\"submission_id\":\"a\",\"status\":\"RUNNING\",\"status\":\"FAILED\"}]",
                        "duplicate-key", "/0/status", "a key appears twice"),
                Arguments.of("a number of 2000 digits", "[{\"submission_id\":\"a\",\"status\":\"x\",\"driver_exit_code\":"
                        + "9".repeat(2000) + "}]", "json", "", "beyond what the checker reads"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void aMalformedBodyIsOneViolationSayingWhy(String name, String body, String keyword, String pointer, String message) {
        ValidationResult result = OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(body));
        assertEquals(1, result.violations().size(), result::toString);
        Violation violation = result.violations().get(0);
        assertEquals(keyword, violation.keyword(), result::toString);
        assertEquals(pointer, violation.pointer(), result::toString);
        assertTrue(violation.message().contains(message), result::toString);
        assertEquals(1, violation.message().lines().count(), result::toString);
    }

    @Test
    void invalidUtf8BytesAreAViolationNamingTheByte() {
        byte[] latin1 = "[{\"submission_id\":\"é\",\"status\":\"x\"}]".getBytes(StandardCharsets.ISO_8859_1);
        ValidationResult result = OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(latin1));
        assertEquals("encoding", result.violations().get(0).keyword(), result::toString);
        assertTrue(result.violations().get(0).message().contains("not valid UTF-8 (at byte 19)"), result::toString);
        byte[] utf8 = "[{\"submission_id\":\"é\",\"status\":\"x\"}]".getBytes(StandardCharsets.UTF_8);
        assertTrue(OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(utf8)).isValid());
    }

    @Test
    void aTreeNestedBeyondTheLimitIsReportedNotWalked() {
        ArrayNode root = NODES.arrayNode();
        ArrayNode current = root;
        for (int i = 0; i < 100_000; i++) {
            current = current.addArray();
        }
        ValidationResult result = OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(root));
        assertEquals(1, result.violations().size(), result::toString);
        assertTrue(result.violations().get(0).message().contains("nests deeper than 1000 levels"), result::toString);
    }

    @Test
    void numbersBeyondTheirFormatAreReportedAtTheField() {
        ObjectNode job = NODES.objectNode().put("submission_id", "a").put("status", "RUNNING");
        job.put("driver_exit_code", 2_147_483_648L);
        assertEquals("/driver_exit_code", OPENYUANRONG.validateResponse(Target.operation("getJob"), "200", "application/json", Body.of(job))
                .violations().get(0).pointer());
        job.put("driver_exit_code", -2_147_483_649L);
        assertEquals("/driver_exit_code", OPENYUANRONG.validateResponse(Target.operation("getJob"), "200", "application/json", Body.of(job))
                .violations().get(0).pointer());
        JsonNode page = MODELARTS.example("listDevServerJobs", "200").orElseThrow().value().deepCopy();
        ((ObjectNode) page).put("total", BigInteger.ONE.shiftLeft(63));
        ValidationResult result = MODELARTS.validateResponse(Target.operation("listDevServerJobs"), "200", "application/json", Body.of(page));
        assertEquals("/total", result.violations().get(0).pointer(), result::toString);
    }

    @Test
    void anUnknownSchemaPointerIsAViolationNotAnException() {
        assertEquals("schema", OPENYUANRONG.validateAgainst("/components/schemas/Nope", Body.of(NODES.nullNode())).violations().get(0).keyword());
        assertEquals("schema", OPENYUANRONG.validateAgainst("not a pointer", Body.of(NODES.nullNode())).violations().get(0).keyword());
    }
}
