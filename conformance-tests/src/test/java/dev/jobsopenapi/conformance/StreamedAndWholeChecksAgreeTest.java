package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.specs.BundledSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streamed check of a response (list elements read and checked one at a time, the quick check first) reports
 * exactly what checking the whole parsed document with the full validator reports: the same violations, pointers
 * and order. Proven on every documented example, every schema mutation of them, every wrong-typed field of every
 * job shape the openYuanrong frontend writes (placed in a list), generated pages with mutated jobs, and arbitrary
 * text and bytes; and the quick check never clears a value the full validator faults.
 */
class StreamedAndWholeChecksAgreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ApiContract MODELARTS = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final List<JsonNode> ODD_VALUES = List.of(NODES.textNode("mutant"), NODES.textNode(""), NODES.textNode("-1"),
            NODES.numberNode(7), NODES.numberNode(-1), NODES.numberNode(1.5), NODES.numberNode(new java.math.BigInteger("99999999999999999999")),
            NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(), NODES.objectNode().put("x", 1));

    @Test
    void everyDocumentedResponseExampleGetsTheSameVerdictBothWays() {
        int checked = 0;
        for (ApiContract contract : List.of(MODELARTS, OPENYUANRONG)) {
            for (DocumentedExample example : contract.examples()) {
                if (!example.isRequest()) {
                    assertAgree(contract, example.operationId(), example.status(), example.mediaType(), example.value().toString());
                    checked++;
                }
            }
        }
        assertTrue(checked > 20, checked + " examples");
    }

    @Test
    void theQuickCheckClearsEveryConformingDocumentedExample() throws IOException {
        // Otherwise a conforming body would silently take the slow path: the quick check must know every keyword used.
        for (ApiContract contract : List.of(MODELARTS, OPENYUANRONG)) {
            SchemaShapes quick = shapesOf(contract);
            for (DocumentedExample example : contract.examples()) {
                String schema = SchemaMutationsAreReportedPropertyTest.schemaPointer(contract, example);
                assertEquals(QuickRule.Verdict.VALID, quick.test(schema, example.value()), example::toString);
            }
        }
    }

    @Test
    void theTokenCheckClearsEveryConformingDocumentedResponseAndEveryFrontendJobShapeInAList() throws IOException {
        // Otherwise conforming bodies would silently be read twice: the first pass must follow every schema used.
        int cleared = 0;
        for (ApiContract contract : List.of(MODELARTS, OPENYUANRONG)) {
            TokenCheck tokens = new TokenCheck(shapesOf(contract));
            for (DocumentedExample example : contract.examples()) {
                String text = example.value().toString();
                if (!example.isRequest() && text.length() >= 64) {
                    String schema = SchemaMutationsAreReportedPropertyTest.schemaPointer(contract, example);
                    assertTrue(tokens.clean(schema, text), example::toString);
                    assertTrue(tokens.clean(schema, text.getBytes(StandardCharsets.UTF_8)), example::toString);
                    cleared++;
                }
            }
        }
        TokenCheck tokens = new TokenCheck(shapesOf(OPENYUANRONG));
        String listSchema = responseSchema(OPENYUANRONG, "listJobs");
        for (FrontendJobs.Shape shape : FrontendJobs.shapes()) {
            String list = NODES.arrayNode().add(FrontendJobs.job(shape, FrontendJobs.plainValues())).toString();
            assertTrue(tokens.clean(listSchema, list), list);
            cleared++;
        }
        assertTrue(cleared > 400, cleared + " bodies");
    }

    @Test
    void theTokenCheckLeavesEveryBodyWithSomethingToReportToTheFullCheck() throws IOException {
        TokenCheck tokens = new TokenCheck(shapesOf(OPENYUANRONG));
        String listSchema = responseSchema(OPENYUANRONG, "listJobs");
        String job = FrontendJobs.job(FrontendJobs.shapes().get(0), FrontendJobs.plainValues()).toString();
        String list = "[" + job + "," + job + "]";
        assertTrue(tokens.clean(listSchema, list));
        for (String body : List.of(list.replace("\"status\":\"", "\"status\":7,\"x\":\""), // a wrong type
                list.replace("{\"", "{\"status\":\"RUNNING\",\""),                        // a key twice
                list + " ",                                                                       // still clean
                list + "[]",                                                                      // two documents
                "\uFEFF" + list,                                                                 // a byte-order mark
                list.substring(0, list.length() - 1))) {                                          // cut short
            ValidationResult full = OPENYUANRONG.validateResponseWhole("listJobs", "200", "application/json", body);
            assertEquals(full.isValid(), tokens.clean(listSchema, body), body);
            assertEquals(full.isValid(), tokens.clean(listSchema, body.getBytes(StandardCharsets.UTF_8)), body);
        }
        byte[] bytes = list.getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length / 2] = (byte) 0xC0; // not UTF-8
        assertTrue(!tokens.clean(listSchema, bytes));
    }

    @Provide
    Arbitrary<SchemaMutationsAreReportedPropertyTest.Mutation> everyMutation() {
        return Arbitraries.of(SchemaMutationsAreReportedPropertyTest.MUTATIONS);
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everySchemaMutationOfTheExamplesGetsTheSameViolationsBothWays(
            @ForAll("everyMutation") SchemaMutationsAreReportedPropertyTest.Mutation mutation) throws IOException {
        DocumentedExample example = mutation.example();
        ApiContract contract = mutation.contract();
        String schema = SchemaMutationsAreReportedPropertyTest.schemaPointer(contract, example);
        assertQuickCheckIsSound(contract, schema, example.value());
        if (!example.isRequest()) {
            assertAgree(contract, example.operationId(), example.status(), example.mediaType(), example.value().toString());
        }
    }

    @Test
    void everyWrongTypedFieldOfEveryFrontendJobShapeInAListGetsTheSameViolationsBothWays() {
        int lists = 0;
        for (FrontendJobs.Shape shape : FrontendJobs.shapes()) {
            ObjectNode job = FrontendJobs.job(shape, FrontendJobs.plainValues());
            for (Map.Entry<String, List<JsonNode>> field : FrontendJobShapesConformTest.wrongValuesByField(job).entrySet()) {
                for (JsonNode wrong : field.getValue()) {
                    ObjectNode mutated = job.deepCopy();
                    FrontendJobShapesConformTest.set(mutated, field.getKey(), wrong);
                    ArrayNode list = NODES.arrayNode().add(job).add(mutated).add(job);
                    assertAgree(OPENYUANRONG, "listJobs", "200", "application/json", list.toString());
                    lists++;
                }
            }
        }
        assertTrue(lists > 30_000, lists + " lists");
    }

    @Property(tries = 300)
    void generatedListsWithMutatedJobsGetTheSameViolationsBothWays(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        boolean modelArts = random.nextBoolean();
        ApiContract contract = modelArts ? MODELARTS : OPENYUANRONG;
        ArrayNode jobs = NODES.arrayNode();
        List<JsonNode> documented = documentedJobs(contract);
        int size = random.nextInt(12);
        for (int i = 0; i < size; i++) {
            JsonNode job = documented.get(random.nextInt(documented.size())).deepCopy();
            if (job instanceof ObjectNode object && random.nextInt(3) == 0) {
                mutate(object, random);
            }
            jobs.add(job);
        }
        if (random.nextInt(10) == 0) {
            jobs.add(ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
        }
        JsonNode body = jobs;
        if (modelArts) {
            ObjectNode page = NODES.objectNode();
            List<String> order = new ArrayList<>(List.of("current", "data", "pages", "size", "total"));
            java.util.Collections.shuffle(order, random);
            for (String field : order) {
                if (random.nextInt(8) == 0) {
                    continue; // a required field left out
                }
                page.set(field, field.equals("data") ? jobs : random.nextInt(6) == 0
                        ? ODD_VALUES.get(random.nextInt(ODD_VALUES.size())) : NODES.numberNode(random.nextInt(100)));
            }
            if (random.nextInt(6) == 0) {
                page.put("extra", "field");
            }
            body = page;
        }
        String operation = modelArts ? "listDevServerJobs" : "listJobs";
        assertAgree(contract, operation, "200", "application/json", body.toString());
        assertQuickCheckIsSound(contract, responseSchema(contract, operation), body);
    }

    @Property(tries = 1000)
    void arbitraryTextGetsTheSameVerdictBothWays(@ForAll("jsonishText") String text, @ForAll boolean modelArts) {
        ApiContract contract = modelArts ? MODELARTS : OPENYUANRONG;
        assertAgree(contract, modelArts ? "listDevServerJobs" : "listJobs", "200", "application/json", text);
    }

    @Property(tries = 1000)
    void arbitraryBytesGetTheSameVerdictBothWays(@ForAll @Size(max = 40) byte[] noise, @ForAll("jsonishText") String text,
                                                 @ForAll boolean noiseFirst) throws IOException {
        byte[] json = text.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[noise.length + json.length];
        System.arraycopy(noiseFirst ? noise : json, 0, body, 0, noiseFirst ? noise.length : json.length);
        System.arraycopy(noiseFirst ? json : noise, 0, body, noiseFirst ? noise.length : json.length, noiseFirst ? json.length : noise.length);
        ValidationResult expected;
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            expected = OPENYUANRONG.validateResponseWhole("listJobs", "200", "application/json", decoded);
        } catch (CharacterCodingException e) {
            expected = null; // the whole-body decode names the first bad byte: compared below by its offset
        }
        ValidationResult fromBytes = OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(body));
        ValidationResult fromStream = OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(trickle(body)));
        assertEquals(fromBytes.isValid(), fromStream.isValid(), () -> fromBytes + " / " + fromStream);
        if (!fromBytes.equals(fromStream)) {
            // A stream (which may never end) is read only up to its first proven problem. Where the body in memory has
            // a problem with the whole document further on (a byte that is not UTF-8, which it reports first; no JSON
            // after the element the stream stopped at), the stream reports what it met first; otherwise its
            // violations are the first of the whole body's.
            List<String> wholeKeywords = fromBytes.violations().stream().map(Violation::keyword).toList();
            boolean documentProblem = wholeKeywords.size() == 1 && Set.of("json", "duplicate-key", "encoding").contains(wholeKeywords.get(0));
            boolean prefix = fromStream.violations().size() < fromBytes.violations().size()
                    && fromBytes.violations().subList(0, fromStream.violations().size()).equals(fromStream.violations());
            assertTrue(documentProblem || prefix, () -> fromBytes + " / " + fromStream);
            assertFalse(fromStream.violations().isEmpty(), fromStream::toString);
        }
        if (expected != null) {
            assertEquals(expected, fromBytes, () -> new String(body, StandardCharsets.UTF_8));
        } else {
            assertEquals(1, fromBytes.violations().size(), fromBytes::toString);
            assertEquals("the body is not valid UTF-8 (at byte " + firstBadByte(body) + ")", fromBytes.violations().get(0).message());
        }
    }

    @Test
    void keysTwiceInOneObjectAreTheSameProblemBothWays() {
        String page = "{\"current\":1,\"pages\":1,\"size\":1,\"total\":1,";
        for (String body : List.of(page + "\"data\":[],\"data\":[{\"id\":\"a\",\"status\":\"FINISHED\"}]}",
                page + "\"data\":[{\"id\":\"a\",\"id\":\"b\",\"status\":\"FINISHED\"}]}",
                page + "\"total\":2,\"data\":[]}",
                page + "\"data\":[{\"id\":7}],\"data\":[{\"id\":\"a\",\"status\":1,\"status\":2}]}")) {
            assertAgree(MODELARTS, "listDevServerJobs", "200", "application/json", body);
            assertEquals("duplicate-key", MODELARTS.validateResponse(Target.operation("listDevServerJobs"), "200", "application/json", Body.of(body))
                    .violations().get(0).keyword(), body);
        }
        String list = "[{\"submission_id\":\"a\",\"status\":\"RUNNING\",\"driver_info\":{\"id\":\"x\",\"id\":\"y\"}}]";
        assertAgree(OPENYUANRONG, "listJobs", "200", "application/json", list);
        assertEquals("/0/driver_info/id", OPENYUANRONG.validateResponse(Target.operation("listJobs"), "200", "application/json", Body.of(list))
                .violations().get(0).pointer());
    }

    @Provide
    Arbitrary<String> jsonishText() {
        Arbitrary<String> pieces = Arbitraries.of("[", "]", "{", "}", ",", ":", "\"id\"", "\"status\"", "\"data\"", "\"x\"", "1",
                "-0", "1.5e3", "true", "null", "NaN", " ", "\n", "\"\"", "\"\\u00e9\"", "\"💥\"", "\uFEFF", "\u000B", "//", "'a'");
        Arbitrary<String> documented = Arbitraries.of(MODELARTS, OPENYUANRONG).map(c -> c.examples().stream()
                .map(e -> e.value().toString()).toList()).flatMap(Arbitraries::of);
        Arbitrary<String> cut = documented.flatMap(s -> Arbitraries.integers().between(0, s.length()).map(n -> s.substring(0, n)));
        return Arbitraries.oneOf(pieces.list().ofMaxSize(30).map(l -> String.join("", l)), documented, cut);
    }

    private static void assertAgree(ApiContract contract, String operationId, String status, String mediaType, String body) {
        ValidationResult whole = contract.validateResponseWhole(operationId, status, mediaType, body);
        ValidationResult streamed = contract.validateResponse(Target.operation(operationId), status, mediaType, Body.of(body));
        assertEquals(whole, streamed, () -> body);
        ValidationResult fromBytes = contract.validateResponse(Target.operation(operationId), status, mediaType, Body.of(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(whole, fromBytes, () -> body);
    }

    private static void assertQuickCheckIsSound(ApiContract contract, String schemaPointer, JsonNode value) throws IOException {
        if (shapesOf(contract).test(schemaPointer, value) == QuickRule.Verdict.VALID) {
            List<Violation> reported = contract.validateAgainst(schemaPointer, Body.of(value)).violations();
            assertEquals(List.of(), reported, () -> "the quick check cleared " + value);
        }
    }

    private static final Map<String, SchemaShapes> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The shapes of a bundled spec, with their quick rules, on their own (no full validator behind them). */
    private static SchemaShapes shapesOf(ApiContract contract) throws IOException {
        SchemaShapes shapes = SHAPES.get(contract.name());
        if (shapes == null) {
            shapes = new SchemaShapes(specOf(contract), new QuickCheck(SchemaChecker.CONFIG.getRegularExpressionFactory()));
            SHAPES.put(contract.name(), shapes);
        }
        return shapes;
    }

    private static SpecDocument specOf(ApiContract contract) throws IOException {
        BundledSpec spec = BundledSpec.byName(contract.name());
        try (InputStream in = spec.open()) {
            return SpecDocument.read(spec.specName(), in, spec.resourcePath());
        }
    }

    private static String responseSchema(ApiContract contract, String operationId) {
        DocumentedExample example = contract.example(operationId, "200").orElseThrow();
        return SchemaMutationsAreReportedPropertyTest.schemaPointer(contract, example);
    }

    /** The jobs of the documented list examples (and the details example for openYuanrong jobs). */
    private static List<JsonNode> documentedJobs(ApiContract contract) {
        List<JsonNode> jobs = new ArrayList<>();
        for (DocumentedExample example : contract.examples()) {
            if (example.status().equals("200") && example.operationId().startsWith("list") && !example.operationId().contains("Template")) {
                JsonNode list = example.value().isArray() ? example.value() : example.value().path("data");
                list.forEach(jobs::add);
            }
        }
        assertTrue(!jobs.isEmpty(), "no documented jobs in " + contract.name());
        return jobs;
    }

    /** Replaces, adds or removes one field of the job, or one field of an object inside it. */
    private static void mutate(ObjectNode job, Random random) {
        List<String> names = new ArrayList<>();
        job.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            job.set("status", ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
            return;
        }
        String name = names.get(random.nextInt(names.size()));
        JsonNode value = job.get(name);
        switch (random.nextInt(4)) {
            case 0 -> job.remove(name);
            case 1 -> job.set("added-" + random.nextInt(3), ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
            case 2 -> {
                if (value instanceof ObjectNode inner && inner.size() > 0) {
                    mutate(inner, random);
                } else {
                    job.set(name, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
                }
            }
            default -> job.set(name, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
        }
    }

    /** A stream that hands on one to three bytes per read, so decoding meets every chunk boundary. */
    private static InputStream trickle(byte[] body) {
        return new ByteArrayInputStream(body) {
            private final Random random = new Random(body.length);

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(3)));
            }
        };
    }

    private static int firstBadByte(byte[] body) {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer);
            return -1;
        } catch (CharacterCodingException e) {
            return buffer.position();
        }
    }
}
