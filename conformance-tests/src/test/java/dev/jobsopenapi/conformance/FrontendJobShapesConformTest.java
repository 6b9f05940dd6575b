package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.specs.BundledSpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The openYuanrong spec accepts every job the frontend's code can write, in every state and every combination
 * of unset fields, and still reports a value of the wrong JSON type in any field of any of them, at that
 * field's pointer (see {@link FrontendJobs} for how the jobs are built).
 */
class FrontendJobShapesConformTest {

    private static final ApiContract CONTRACT = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Wrong values for a field Go declares {@code string}: JSON can only carry a string there. */
    private static final List<JsonNode> NOT_A_STRING = List.of(NODES.numberNode(1755484077), NODES.booleanNode(true),
            NODES.nullNode(), NODES.arrayNode(), NODES.objectNode());
    /** Wrong values for Go's {@code int32}. */
    private static final List<JsonNode> NOT_AN_INT32 = List.of(NODES.textNode("0"), NODES.numberNode(1.5),
            NODES.booleanNode(false), NODES.nullNode(), NODES.numberNode(BigInteger.valueOf(2_147_483_648L)));
    /** Wrong values for a Go map (which may be {@code null}) and for the {@code DriverInfo} struct (which may not). */
    private static final List<JsonNode> NOT_A_MAP = List.of(NODES.arrayNode().add("a"), NODES.textNode("{}"),
            NODES.numberNode(5), NODES.booleanNode(true));

    @Test
    void everyShapeTheFrontendCanWriteConformsAlone() {
        List<String> failures = new ArrayList<>();
        for (FrontendJobs.Shape shape : FrontendJobs.shapes()) {
            ObjectNode job = FrontendJobs.job(shape, FrontendJobs.plainValues());
            ValidationResult result = CONTRACT.validateResponse(Target.operation("getJob"), "200", "application/json", Body.of(job));
            if (!result.isValid()) {
                failures.add(shape + ": " + result);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everyShapeConformsInOneList() {
        ArrayNode list = NODES.arrayNode();
        FrontendJobs.shapes().forEach(shape -> list.add(FrontendJobs.job(shape, FrontendJobs.plainValues())));
        assertEquals(432, list.size());
        ValidationResult result = CONTRACT.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(list));
        assertTrue(result.isValid(), result::toString);
    }

    @Property(tries = 1000)
    void anyContentsInAnyShapeConform(@ForAll(supplier = FrontendJobs.AnyShape.class) FrontendJobs.Shape shape,
                                      @ForAll(supplier = FrontendJobs.AnyValues.class) FrontendJobs.Values values) {
        ObjectNode job = FrontendJobs.job(shape, values);
        ValidationResult result = CONTRACT.validateResponse(Target.operation("getJob"), "200", "application/json", Body.of(job));
        assertTrue(result.isValid(), () -> shape + " " + job + ": " + result);
    }

    @Test
    void aWrongTypeInAnyFieldOfAnyShapeIsReportedAtThatField() {
        int mutations = 0;
        List<String> missed = new ArrayList<>();
        for (FrontendJobs.Shape shape : FrontendJobs.shapes()) {
            ObjectNode job = FrontendJobs.job(shape, FrontendJobs.plainValues());
            for (Map.Entry<String, List<JsonNode>> field : wrongValuesByField(job).entrySet()) {
                for (JsonNode wrong : field.getValue()) {
                    ObjectNode mutated = job.deepCopy();
                    set(mutated, field.getKey(), wrong);
                    ArrayNode list = NODES.arrayNode().add(job).add(mutated);
                    mutations += 2;
                    ValidationResult alone = CONTRACT.validateResponse(Target.operation("getJob"), "200", "application/json", Body.of(mutated));
                    if (alone.violations().stream().noneMatch(v -> v.pointer().equals(field.getKey()))) {
                        missed.add(shape + " " + field.getKey() + "=" + wrong + " alone: " + alone);
                    }
                    ValidationResult inList = CONTRACT.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(list));
                    if (inList.violations().stream().noneMatch(v -> v.pointer().equals("/1" + field.getKey()))) {
                        missed.add(shape + " " + field.getKey() + "=" + wrong + " in a list: " + inList);
                    }
                }
            }
        }
        System.out.printf("openYuanrong job type mutations: %d of %d reported at their field (%.1f%%)%n",
                mutations - missed.size(), mutations, 100.0 * (mutations - missed.size()) / mutations);
        assertEquals(List.of(), missed.stream().limit(20).toList());
        assertTrue(mutations > 30_000, "only " + mutations + " mutations");
    }

    /** Each field of the job (and of its nested objects) with the values its Go type cannot produce. */
    static Map<String, List<JsonNode>> wrongValuesByField(ObjectNode job) {
        Map<String, List<JsonNode>> wrong = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = job.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String pointer = "/" + field.getKey();
            switch (field.getKey()) {
                case "driver_exit_code" -> wrong.put(pointer, NOT_AN_INT32);
                case "metadata", "runtime_env" -> {
                    wrong.put(pointer, NOT_A_MAP);
                    field.getValue().fieldNames().forEachRemaining(name -> wrong.put(pointer + "/" + name, NOT_A_STRING));
                }
                case "driver_info" -> {
                    List<JsonNode> notAStruct = new ArrayList<>(NOT_A_MAP);
                    notAStruct.add(NODES.nullNode());
                    wrong.put(pointer, notAStruct);
                    field.getValue().fieldNames().forEachRemaining(name -> wrong.put(pointer + "/" + name, NOT_A_STRING));
                }
                default -> wrong.put(pointer, NOT_A_STRING);
            }
        }
        return wrong;
    }

    static void set(ObjectNode job, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = slash == 0 ? job : (ObjectNode) job.at(pointer.substring(0, slash));
        parent.set(pointer.substring(slash + 1), value);
    }

    @Test
    void theListExampleOfEveryStateHoldsTheGetExamples() {
        JsonNode list = CONTRACT.examples().stream()
                .filter(e -> e.operationId().equals("listJobs") && e.name().equals("everyState"))
                .findFirst().orElseThrow().value();
        List<JsonNode> jobs = new ArrayList<>();
        for (String name : List.of("pending", "running", "failed", "stopped")) {
            jobs.add(CONTRACT.examples().stream()
                    .filter(e -> e.operationId().equals("getJob") && e.name().equals(name))
                    .findFirst().orElseThrow().value());
        }
        assertEquals(jobs, List.copyOf(toList(list)));
    }

    @Test
    void theDocumentedExamplesCoverEveryStateAndEveryUnsetForm() {
        List<JsonNode> jobs = CONTRACT.examples().stream().filter(e -> e.operationId().equals("getJob") && e.status().equals("200"))
                .map(DocumentedExample::value).toList();
        assertEquals(List.of("SUCCEEDED", "PENDING", "RUNNING", "FAILED", "STOPPED"), jobs.stream().map(j -> j.get("status").asText()).toList());
        assertTrue(jobs.stream().anyMatch(j -> j.get("start_time").asText().isEmpty()));
        assertTrue(jobs.stream().anyMatch(j -> j.get("end_time").asText().isEmpty() && !j.get("start_time").asText().isEmpty()));
        assertTrue(jobs.stream().anyMatch(j -> j.get("metadata").isNull()));
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
