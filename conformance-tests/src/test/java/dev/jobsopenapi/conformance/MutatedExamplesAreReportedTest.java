package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check can fail: a broken copy of a documented example is reported at the exact field that is wrong. */
class MutatedExamplesAreReportedTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ApiContract modelArts = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private final ApiContract openYuanrong = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);

    @Test
    void aNumberWhereAStringBelongsIsReportedAtItsPointer() {
        assertSingleViolation(modelArts, "listDevServerJobs", "/data/0/id", NODES.numberNode(42), "type");
        assertSingleViolation(modelArts, "showDevServerJob", "/tasks/0/cloud_server/type", NODES.numberNode(5), "type");
    }

    @Test
    void aStringWhereAnIntegerBelongsIsReportedAtItsPointer() {
        assertSingleViolation(openYuanrong, "listJobs", "/0/driver_exit_code", NODES.textNode("0"), "type");
        assertSingleViolation(modelArts, "listDevServerJobs", "/total", NODES.textNode("2"), "type");
    }

    @Test
    void aMissingRequiredFieldIsReportedAtThePointerItWouldHave() {
        assertSingleViolation(openYuanrong, "listJobs", "/0/submission_id", null, "required");
        assertSingleViolation(openYuanrong, "listJobs", "/0/status", null, "required");
    }

    @Test
    void aModelArtsAnswerWithoutAFieldNoSourceMakesMandatoryConforms() {
        // Every example carries these (x-present-in-every-example), but neither the seeds nor the SDKs require them.
        for (String[] removed : new String[][] {{"listDevServerJobs", "/data/1/id"}, {"listDevServerJobs", "/total"},
                {"showDevServerJob", "/tasks/0/status"}, {"showDevServerJob", "/id"}}) {
            ValidationResult result = mutate(modelArts, removed[0], removed[1], null);
            assertTrue(result.isValid(), result::toString);
        }
    }

    @Test
    void aTimestampThatIsNeitherANumberNorDigitsIsReported() {
        ValidationResult result = mutate(modelArts, "listDevServerJobs", "/data/0/create_at", NODES.textNode("2025-06-10"));
        assertFalse(result.isValid());
        assertTrue(result.violations().stream().allMatch(v -> v.pointer().equals("/data/0/create_at")), result::toString);
        ValidationResult fraction = mutate(openYuanrong, "listJobs", "/0/start_time", NODES.numberNode(1755484077.5));
        assertTrue(fraction.violations().stream().anyMatch(v -> v.pointer().equals("/0/start_time")), fraction::toString);
    }

    @Test
    void aStringMapWithANonStringValueIsReported() {
        assertSingleViolation(openYuanrong, "listJobs", "/0/metadata/ttl", NODES.numberNode(1250), "type");
    }

    @Test
    void everyViolationIsListedNotJustTheFirst() {
        ObjectNode body = example(modelArts, "listDevServerJobs").deepCopy();
        ((ObjectNode) body.at("/data/0")).put("id", 1);
        ((ObjectNode) body.at("/data/1")).put("name", 2);
        body.put("pages", "one");
        ValidationResult result = modelArts.validateResponse(Target.operation("listDevServerJobs"), "200", "application/json", Body.of(body));
        assertEquals(List.of("/data/0/id", "/data/1/name", "/pages"),
                result.violations().stream().map(Violation::pointer).sorted().toList(), result::toString);
    }

    @Test
    void violationsNameTheRuleInTheSpec() {
        ValidationResult result = mutate(modelArts, "listDevServerJobs", "/data/0/id", NODES.numberNode(42));
        Violation violation = result.violations().get(0);
        assertEquals("modelarts-devserver-jobs.yaml#/components/schemas/DevServerJobListResponse/properties/id/type",
                violation.schemaLocation());
        assertTrue(violation.message().contains("integer"), violation.message());
    }

    @Test
    void anArrayWhereAnObjectBelongsIsReportedAtTheDocumentRoot() {
        ValidationResult result = modelArts.validateResponse(Target.operation("listDevServerJobs"), "200", "application/json", Body.of(NODES.arrayNode()));
        assertEquals(List.of(""), result.violations().stream().map(Violation::pointer).distinct().toList(), result::toString);
    }

    @Test
    void anUndocumentedOperationStatusOrContentTypeIsAViolationNotAnException() {
        JsonNode body = example(openYuanrong, "listJobs");
        assertEquals("operation", openYuanrong.validateResponse(Target.operation("deleteEverything"), "200", "application/json", Body.of(body))
                .violations().get(0).keyword());
        assertEquals("status", openYuanrong.validateResponse(Target.operation("listJobs"), "418", "application/json", Body.of(body))
                .violations().get(0).keyword());
        assertEquals("content-type", openYuanrong.validateResponse(Target.operation("listJobs"), "200", "text/html", Body.of(body))
                .violations().get(0).keyword());
        assertTrue(openYuanrong.validateResponse(Target.operation("listJobs"), "200", "application/json; charset=utf-8", Body.of(body)).isValid());
    }

    private static JsonNode example(ApiContract contract, String operationId) {
        return contract.example(operationId, "200").orElseThrow().value();
    }

    /** Copies the operation's first example and sets (or, for {@code null}, removes) the value at the pointer. */
    private static ValidationResult mutate(ApiContract contract, String operationId, String pointer, JsonNode value) {
        JsonNode body = example(contract, operationId).deepCopy();
        JsonPointer target = JsonPointer.compile(pointer);
        JsonNode parent = body.at(target.head());
        String last = target.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
        return contract.validateResponse(Target.operation(operationId), "200", "application/json", Body.of(body));
    }

    private static void assertSingleViolation(ApiContract contract, String operationId, String pointer,
                                              JsonNode value, String keyword) {
        ValidationResult result = mutate(contract, operationId, pointer, value);
        assertEquals(1, result.violations().size(), result::toString);
        Violation violation = result.violations().get(0);
        assertEquals(pointer, violation.pointer(), result::toString);
        assertEquals(keyword, violation.keyword(), result::toString);
    }
}
