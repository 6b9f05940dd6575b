package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.jobsopenapi.specs.NodeTools;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast paths are proven on any schema, not only the bundled specs': every test of the official JSON Schema Test
 * Suite's draft 4 files (as packaged on npm, {@code json-schema-test-suite}) whose schema uses only keywords the
 * OpenAPI 3.0 Schema Object has is run through a one-operation spec loaded by {@link ApiContract}, by every entry
 * point (response and request, by operation id and by route, as text, bytes, stream and tree, short and padded past
 * the token pass's threshold, and {@code validateAgainst}), and the verdict and the rules broken must be those of
 * the networknt validator called directly on the schema. Where networknt itself departs from the suite, the
 * departure is listed below with its reason, and must stay exactly that list.
 */
class JsonSchemaTestSuiteAgreesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUITE = "json-schema-test-suite";
    /** Keywords of the OpenAPI 3.0 Schema Object that the suite's draft 4 tests exercise. */
    private static final Set<String> OPENAPI_KEYWORDS = Set.of("title", "description", "default", "multipleOf", "maximum",
            "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
            "uniqueItems", "maxProperties", "minProperties", "required", "enum", "type", "allOf", "oneOf", "anyOf", "not",
            "items", "properties", "additionalProperties", "format");
    /**
     * Where networknt (OpenAPI 3.0 dialect, format assertions on) does not give the suite's answer, and why. Keyed by
     * file, group and test description.
     */
    private static final Map<String, String> NETWORKNT_DEPARTS = Map.of(
            "optional/format.json | validation of URIs | a valid protocol-relative URI",
            "'//foo.bar/?baz=qux#quux' is a URI reference, not a URI (RFC 3986, section 4.2): networknt says invalid, as"
                    + " the suite itself has since come to say (its later optional/format/uri.json calls it an invalid"
                    + " protocol-relative URI reference); this packaged copy predates that correction");

    private static final SchemaRegistry REFERENCE = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    @Test
    void everyEntryPointAgreesWithNetworkntOnEverySuiteTestOpenApiCanExpress() throws IOException {
        NodeTools.requirePackage(SUITE);
        Path draft4 = NodeTools.nodeModules().resolve(SUITE).resolve("tests/draft4");
        List<String> disagreements = new ArrayList<>();
        List<String> departures = new ArrayList<>();
        int tests = 0;
        try (Stream<Path> files = Stream.concat(Files.list(draft4), Files.list(draft4.resolve("optional")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String fileName = draft4.relativize(file).toString();
                for (JsonNode group : JSON.readTree(file.toFile())) {
                    JsonNode schema = group.get("schema");
                    if (!expressible(schema)) {
                        continue;
                    }
                    ApiContract contract = ApiContract.of("suite", oneOperationSpec(schema));
                    Schema reference = REFERENCE.getSchema(schema);
                    for (JsonNode test : group.get("tests")) {
                        String name = fileName + " | " + group.get("description").asText() + " | " + test.get("description").asText();
                        JsonNode data = test.get("data");
                        List<String> expected = reference.validate(data).stream().map(Error::getKeyword).sorted().toList();
                        if (expected.isEmpty() != test.get("valid").asBoolean()) {
                            departures.add(name);
                        }
                        for (Map.Entry<String, List<Violation>> way : everyWay(contract, data).entrySet()) {
                            List<String> found = way.getValue().stream().map(Violation::keyword).sorted().toList();
                            if (!found.equals(expected)) {
                                disagreements.add(name + " by " + way.getKey() + ": " + found + ", networknt " + expected);
                            }
                        }
                        tests++;
                    }
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertEquals(NETWORKNT_DEPARTS.keySet().stream().sorted().toList(), departures.stream().sorted().toList(),
                "where networknt departs from the suite");
        assertTrue(tests > 200, tests + " suite tests");
        System.out.println("JSON Schema Test Suite (draft 4, OpenAPI 3.0 keywords): " + tests + " tests, each by "
                + everyWay(ApiContract.of("suite", oneOperationSpec(JSON.createObjectNode())), JSON.nullNode()).size()
                + " entry points, agree with networknt");
    }

    /** Every way the library checks a body, each with the violations it reports. */
    private static Map<String, List<Violation>> everyWay(ApiContract contract, JsonNode data) {
        String text = data.toString();
        String padded = text + " ".repeat(80); // past the length below which the token pass is not tried
        Map<String, List<Violation>> ways = new java.util.LinkedHashMap<>();
        for (String body : List.of(text, padded)) {
            String size = body == text ? "" : " (padded)";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Function<Body, List<Violation>> response = b -> contract.validateResponse(Target.operation("check"), "200",
                    "application/json", b).violations();
            ways.put("response text" + size, response.apply(Body.of(body)));
            ways.put("response bytes" + size, response.apply(Body.of(bytes)));
            ways.put("response stream" + size, response.apply(Body.of(new ByteArrayInputStream(bytes))));
            ways.put("response by route" + size, contract.validateResponse(Target.route("POST", "/check"), "200",
                    "application/json", Body.of(body)).violations());
            ways.put("request text" + size, contract.validateRequest(Target.operation("check"), "application/json",
                    Body.of(body)).violations());
            ways.put("request by route, bytes" + size, contract.validateRequest(Target.route("POST", "/check"),
                    "application/json", Body.of(bytes)).violations());
            ways.put("validateAgainst" + size, contract.validateAgainst("/components/schemas/S", Body.of(body)).violations());
        }
        ways.put("response tree", contract.validateResponse(Target.operation("check"), "200", "application/json",
                Body.of(data)).violations());
        return ways;
    }

    /** A spec whose one operation takes and answers the schema: inline in the request, by reference in the answer. */
    private static JsonNode oneOperationSpec(JsonNode schema) {
        ObjectNode spec = JSON.createObjectNode().put("openapi", "3.0.3");
        spec.putObject("info").put("title", "suite").put("version", "1");
        ObjectNode operation = spec.putObject("paths").putObject("/check").putObject("post").put("operationId", "check");
        operation.putObject("requestBody").putObject("content").putObject("application/json").set("schema", schema);
        operation.putObject("responses").putObject("200").put("description", "ok").putObject("content")
                .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/S");
        spec.putObject("components").putObject("schemas").set("S", schema);
        return spec;
    }

    /** True when the schema, and each schema in it, uses only keywords the OpenAPI 3.0 Schema Object has, as it has them. */
    private static boolean expressible(JsonNode schema) {
        if (!schema.isObject()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> keyword = it.next();
            JsonNode value = keyword.getValue();
            boolean fits = switch (keyword.getKey()) {
                case "type" -> value.isTextual();
                case "items", "not" -> expressible(value);
                case "additionalProperties" -> value.isBoolean() || expressible(value);
                case "allOf", "anyOf", "oneOf" -> value.isArray() && all(value, JsonSchemaTestSuiteAgreesTest::expressible);
                case "properties" -> value.isObject() && all(value, JsonSchemaTestSuiteAgreesTest::expressible);
                default -> OPENAPI_KEYWORDS.contains(keyword.getKey());
            };
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static boolean all(JsonNode container, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode element : container) {
            if (!test.test(element)) {
                return false;
            }
        }
        return true;
    }
}
