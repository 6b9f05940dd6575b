package dev.jobsopenapi.conformance;

import dev.jobsopenapi.conformance.cli.ConformanceCliAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.specs.BundledSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promise that nothing a caller sends makes a check throw, proven with generated inputs: arbitrary JSON
 * trees and arbitrary text into every checking method of {@link ApiContract}, and arbitrary bytes and
 * arguments into the command line, which always exits 0, 1 or 2 and never prints a stack trace.
 */
class NothingTheCallerSendsThrowsPropertyTest {

    private static final List<ApiContract> CONTRACTS = List.of(
            ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS), ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Provide
    Arbitrary<JsonNode> json() {
        return Arbitraries.recursive(this::scalar, this::container, 0, 6);
    }

    private Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)).map(NODES::numberNode),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(BigDecimal.valueOf(d))),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of("1755484077", "", "RUNNING", "app-x", "ModelArts.6404").map(NODES::textNode));
    }

    private Arbitrary<JsonNode> container(Arbitrary<JsonNode> element) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("submission_id", "status", "start_time", "metadata",
                "runtime_env", "driver_info", "data", "id", "create_at", "tasks", "items", "error_code", "total"),
                Arbitraries.strings().ofMaxLength(8));
        Arbitrary<JsonNode> arrays = element.list().ofMaxSize(4).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys, element).ofMaxSize(5).map(fields -> {
            ObjectNode object = NODES.objectNode();
            fields.forEach(object::set);
            return object;
        });
        return Arbitraries.oneOf(arrays, objects);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("[]{}\",:0123456789eE.-+ntrufalse\\/\uFEFFNaI").ofMaxLength(60),
                json().map(JsonNode::toString),
                json().map(node -> node.toString() + node));
    }

    @Provide
    Arbitrary<String> operationIds() {
        List<String> ids = new ArrayList<>();
        CONTRACTS.forEach(c -> c.operations().forEach(op -> ids.add(op.operationId())));
        return Arbitraries.oneOf(Arbitraries.of(ids), Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> statuses() {
        return Arbitraries.oneOf(Arbitraries.of("200", "400", "404", "500", "4XX", "default", ""), Arbitraries.strings().ofMaxLength(4));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of("application/json", "application/json; charset=utf-8", "text/html", "*/*", "", ";;"),
                Arbitraries.strings().ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.oneOf(
                Arbitraries.of("/api/jobs", "/api/jobs/app-1", "/api/jobs/app-1/stop", "/v1/p/dev-servers/jobs",
                        "/v1/p/dev-servers/jobs/templates?type=%ZZ", "/v1/p/dev-servers/jobs/%E0%A4%A", "/v1/%/dev-servers/jobs?visible=maybe&&=",
                        "/v1/p/dev-servers/jobs?id=" + "x".repeat(100)),
                Arbitraries.strings().ofMaxLength(40),
                Combinators.combine(Arbitraries.of("/api/jobs/", "/v1/"), Arbitraries.strings().ofMaxLength(20)).as(String::concat));
    }

    @Property(tries = 400)
    void noCheckingMethodThrowsOnAnyJsonOrText(@ForAll("json") JsonNode node, @ForAll("text") String text,
                                               @ForAll("operationIds") String operationId, @ForAll("statuses") String status,
                                               @ForAll("contentTypes") String contentType, @ForAll("paths") String path) {
        for (ApiContract contract : CONTRACTS) {
            assertNotNull(contract.validateResponse(Target.operation(operationId), status, contentType, Body.of(node)));
            assertNotNull(contract.validateResponse(Target.operation(operationId), status, contentType, Body.of(text)));
            assertNotNull(contract.validateResponse(Target.operation(operationId), status, contentType, Body.of(text.getBytes(StandardCharsets.UTF_16))));
            for (String method : List.of("GET", "POST", "DELETE", "get", "BREW")) {
                assertNotNull(contract.validateResponse(Target.route(method, path), status, contentType, Body.of(text)));
                assertNotNull(contract.validateRequest(Target.route(method, path), null, Body.none()));
                assertNotNull(contract.operation(method, path));
            }
            assertNotNull(contract.validateRequest(Target.operation(operationId), contentType, Body.of(node)));
            assertNotNull(contract.example(operationId, status));
            assertNotNull(contract.validateAgainst(path, Body.of(node)).violations());
            assertNotNull(contract.validateAgainst("/components/schemas/" + operationId, Body.of(node)).violations());
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                text().map(t -> t.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<List<String>> arguments() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("check", "quirks", "validate", "frobnicate", "--spec", "openyuanrong-jobs", "modelarts-devserver-jobs",
                        "--operation", "listJobs", "showDevServerJob", "--method", "GET", "--path", "/api/jobs", "--status",
                        "200", "oops", "--content-type", "--format", "text", "json", "junit", "xml", "--max-body-mib", "0",
                        "-1", "1", "--bogus", "-", "", "--help", "--version", "-h", "--token"),
                Arbitraries.strings().ofMaxLength(10));
        return word.list().ofMaxSize(7);
    }

    @Property(tries = 300)
    void theCommandLineExitsZeroOneOrTwoAndPrintsNoStackTrace(@ForAll("arguments") List<String> args, @ForAll("bytes") byte[] stdin) {
        List<String> safe = args.stream().filter(a -> !Set.of("probe", "--output").contains(a)).toList();
        assertCleanExit(safe.toArray(String[]::new), stdin);
    }

    @Property(tries = 300)
    void validateOfAnyBytesIsAVerdictNotACrash(@ForAll("bytes") byte[] stdin, @ForAll("operationIds") String operationId) {
        for (String spec : List.of("openyuanrong-jobs", "modelarts-devserver-jobs")) {
            int exit = assertCleanExit(new String[] {"validate", "--spec", spec, "--operation", operationId}, stdin);
            assertTrue(exit != 0 || stdin.length > 0, "an empty body never conforms");
        }
    }

    private static int assertCleanExit(String[] args, byte[] stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ConformanceCliAccess.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertTrue(exit == 0 || exit == 1 || exit == 2, () -> List.of(args) + " exited " + exit);
        assertFalse(printed.contains("\tat ") || printed.contains("Exception in thread"), () -> List.of(args) + " printed " + printed);
        return exit;
    }
}
