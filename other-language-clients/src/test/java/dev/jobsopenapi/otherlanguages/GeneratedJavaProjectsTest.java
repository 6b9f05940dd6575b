package dev.jobsopenapi.otherlanguages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.conformance.Operation;
import dev.jobsopenapi.reference.ReferenceServer;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java projects openapi-generator makes from both specs, as a user generates them (default options; Spring
 * with {@code documentationProvider=none}), compile with their own generated POMs, and work against the mock
 * server: each client calls every operation of both APIs, reads, writes and deletes, and every time it reads is
 * the time the raw answer holds, of the same JSON type; each server's models read every real answer of the mock
 * and every documented example and write it back unchanged. The projects are built by a separate Maven run
 * outside this reactor's class path (the okhttp-gson client brings OkHttp and Gson), and each checked in a child
 * JVM by {@link GeneratedJavaProbe}.
 */
class GeneratedJavaProjectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path GENERATED = MODULE.resolve("target/generated-clients/java");

    /** One generator as a user runs it, and what its projects are checked on. */
    enum Row {
        JAVA_OKHTTP_GSON("java-okhttp-gson", true),
        SWAGGER_CODEGEN_JAVA("swagger-codegen-java", true),
        JAVA_NATIVE("java-native", true),
        JAVA_RESTCLIENT("java-restclient", true),
        JAVA_WEBCLIENT("java-webclient", true),
        JAXRS_SPEC("jaxrs-spec", false),
        SPRING("spring", false);

        final String directory;
        final boolean client;

        Row(String directory, boolean client) {
            this.directory = directory;
            this.client = client;
        }
    }

    /** The two specs, by the short name of their generated projects. */
    enum Api {
        MODELARTS("modelarts", BundledSpec.MODELARTS_DEVSERVER_JOBS),
        OPENYUANRONG("openyuanrong", BundledSpec.OPENYUANRONG_JOBS);

        final String directory;
        final BundledSpec spec;

        Api(String directory, BundledSpec spec) {
            this.directory = directory;
            this.spec = spec;
        }
    }

    @BeforeAll
    static void buildTheGeneratedProjectsWithTheirOwnPoms() throws Exception {
        StringBuilder modules = new StringBuilder();
        for (Row row : Row.values()) {
            for (Api api : Api.values()) {
                assertTrue(Files.isRegularFile(GENERATED.resolve(row.directory).resolve(api.directory).resolve("pom.xml")),
                        "not generated: " + row.directory + "/" + api.directory + " (mvn generate-sources makes it)");
                modules.append("    <module>").append(row.directory).append('/').append(api.directory).append("</module>\n");
            }
        }
        Files.writeString(GENERATED.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by GeneratedJavaProjectsTest: builds every generated Java project with its own POM. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.jobsopenapi.generated</groupId>
                  <artifactId>generated-java-projects</artifactId>
                  <version>0</version>
                  <packaging>pom</packaging>
                  <modules>
                %s  </modules>
                </project>
                """.formatted(modules));
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q", "-f", GENERATED.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + System.getProperty("jobs-openapi.maven.repository",
                        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()),
                "-Dmaven.test.skip=true", "-Dmaven.javadoc.skip=true", "-Dspring-boot.repackage.skip=true",
                "-Dgpg.skip=true", "-Dspotless.check.skip=true", "-Dspotless.apply.skip=true",
                "package", "org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath",
                "-Dmdep.outputFile=classpath.txt", "-Dmdep.includeScope=runtime"));
        Path log = GENERATED.resolve("build.log");
        Process build = new ProcessBuilder(command).directory(GENERATED.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(build.waitFor(20, TimeUnit.MINUTES), "the generated projects' build did not finish in 20 minutes");
        assertEquals(0, build.exitValue(), () -> "the generated Java projects do not build: " + tail(log));
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void theGeneratedProjectsReadEveryAnswerOfBothApis(Row row) throws Exception {
        int timesCompared = 0;
        for (Api api : Api.values()) {
            try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
                ApiContract contract = ApiContract.bundled(api.spec);
                timesCompared += row.client ? checkClient(row, api, contract, server) : checkModels(row, api, contract, server);
            }
        }
        assertTrue(timesCompared > 0, row + ": no time was compared");
    }

    /** Every operation through the client; each GET's times equal the raw answer's, field by field and type. */
    private static int checkClient(Row row, Api api, ApiContract contract, ReferenceServer server) throws Exception {
        List<String> plan = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        for (PlannedCall call : PlannedCall.every(contract, server.baseUri())) {
            plan.add(String.join("\t", call.operation().operationId(), call.operation().method().toUpperCase(),
                    call.url().toString(), call.apiClass(), String.join("\u001f", call.pathArguments()),
                    call.body() == null ? "-" : call.bodyType(), call.body() == null ? "-" : GeneratedJavaProbe.encode(call.body().toString())));
            operations.add(call.operation().operationId());
        }
        Map<String, List<String[]>> seen = probe(row, api, "client", plan);
        int compared = 0;
        for (String operationId : operations) {
            List<String[]> lines = seen.getOrDefault(operationId, List.of());
            assertFalse(lines.stream().anyMatch(line -> line[0].equals("ERROR")), () -> row + " " + operationId + ": "
                    + lines.stream().filter(l -> l[0].equals("ERROR")).map(l -> l[2]).collect(Collectors.joining("; ")));
            String[] times = lines.stream().filter(line -> line[0].equals("TIMES")).findFirst()
                    .orElseThrow(() -> new AssertionError(row + " " + operationId + ": no answer"));
            assertTrue(times[2].startsWith("answer"), row + " " + operationId + ": the client returned nothing");
            for (String[] raw : lines) {
                if (raw[0].equals("RAW")) {
                    Map<String, String> expected = timesOf(JSON.readTree(GeneratedJavaProbe.decode(raw[2])));
                    assertEquals(expected, parseTimes(times[2]), row + " " + operationId + ": the times read");
                    compared += expected.size();
                }
            }
        }
        return compared;
    }

    /** Every real answer of the mock's reads and every documented example, read into the models and written back. */
    private static int checkModels(Row row, Api api, ApiContract contract, ReferenceServer server) throws Exception {
        List<String> plan = new ArrayList<>();
        Map<String, JsonNode> sent = new LinkedHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        for (PlannedCall call : PlannedCall.every(contract, server.baseUri())) {
            if (!call.isRead()) {
                continue;
            }
            Operation operation = call.operation();
            URI uri = call.url();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), uri + ": " + answer.body());
            DocumentedExample asExample = contract.example(operation.operationId(), "200").orElseThrow();
            sent.put(operation.operationId() + " (the mock's answer)", JSON.readTree(answer.body()));
            plan.add(modelLine(operation.operationId() + " (the mock's answer)", ClientCases.typeOf(contract, asExample), answer.body()));
        }
        for (DocumentedExample example : contract.examples()) {
            String type = ClientCases.typeOf(contract, example);
            if (!type.equals("bool") && !type.equals("str")) {
                String name = example.operationId() + " " + example.status() + " " + example.name();
                sent.put(name, example.value());
                plan.add(modelLine(name, type, example.value().toString()));
            }
        }
        Map<String, List<String[]>> seen = probe(row, api, "models", plan);
        int compared = 0;
        for (Map.Entry<String, JsonNode> answer : sent.entrySet()) {
            List<String[]> lines = seen.getOrDefault(answer.getKey(), List.of());
            String[] written = lines.stream().filter(line -> line[0].equals("JSON")).findFirst().orElseThrow(() -> new AssertionError(
                    row + " " + answer.getKey() + ": " + lines.stream().map(l -> String.join(" ", l)).collect(Collectors.joining("; "))));
            assertEquals(withoutNulls(answer.getValue(), null), withoutNulls(JSON.readTree(GeneratedJavaProbe.decode(written[2])), answer.getValue()),
                    row + " " + answer.getKey() + ": written back differently");
            compared += timesOf(answer.getValue()).size();
        }
        return compared;
    }

    private static String modelLine(String name, String type, String json) {
        String model = type.startsWith("List[") ? "List<" + type.substring(5, type.length() - 1) + ">" : type;
        return String.join("\t", name, model, GeneratedJavaProbe.encode(json));
    }

    /** Runs the probe in a child JVM on the generated project's class path; its lines by operation. */
    private static Map<String, List<String[]>> probe(Row row, Api api, String mode, List<String> plan) throws Exception {
        Path project = GENERATED.resolve(row.directory).resolve(api.directory);
        Path planFile = project.resolve("target/probe-plan.tsv");
        Files.write(planFile, plan, StandardCharsets.UTF_8);
        String classPath = String.join(File.pathSeparator, Path.of(GeneratedJavaProbe.class.getProtectionDomain()
                        .getCodeSource().getLocation().toURI()).toString(), project.resolve("target/classes").toString(),
                Files.readString(project.resolve("classpath.txt")).strip());
        String prefix = "example." + api.directory;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                GeneratedJavaProbe.class.getName(), mode, planFile.toString(), prefix, prefix + ".api", prefix + ".model")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), row + ": the probe did not finish");
        assertEquals(0, child.exitValue(), row + " " + api + ": " + output);
        Map<String, List<String[]>> byOperation = new TreeMap<>();
        output.lines().map(line -> line.split("\t", 3))
                .filter(line -> line.length == 3 && List.of("RAW", "TIMES", "JSON", "ERROR").contains(line[0]))
                .forEach(line -> byOperation.computeIfAbsent(line[1], k -> new ArrayList<>()).add(line));
        return byOperation;
    }

    /** The times of a raw answer by where they are, the names as the getters name them; numbers {@code Long}. */
    static Map<String, String> timesOf(JsonNode answer) {
        Map<String, String> times = new TreeMap<>();
        collect(answer, "", times);
        return times;
    }

    private static void collect(JsonNode node, String where, Map<String, String> into) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), where + "/" + i, into);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String name = camel(field.getKey());
                if (GeneratedJavaProbe.TIME_FIELDS.contains(name)) {
                    if (!field.getValue().isNull()) {
                        into.put(where + "/" + name, (field.getValue().isNumber() ? "Long:" : "String:") + field.getValue().asText());
                    }
                } else {
                    collect(field.getValue(), where + "/" + name, into);
                }
            });
        }
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Map<String, String> parseTimes(String line) {
        Map<String, String> times = new TreeMap<>();
        for (String entry : line.split("\\|")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                times.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return times;
    }

    /**
     * The value with every {@code null} member left out (ModelArts answers leave absent fields out), and, where
     * {@code sent} is given, every empty map or list the models wrote for a member the answer did not have (the
     * generated models start their containers empty).
     */
    private static JsonNode withoutNulls(JsonNode node, JsonNode sent) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                boolean addedEmpty = sent != null && !sent.has(field.getKey()) && value.isContainerNode() && value.isEmpty();
                if (!value.isNull() && !addedEmpty) {
                    copy.set(field.getKey(), withoutNulls(value, sent == null ? null : sent.path(field.getKey())));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(withoutNulls(node.get(i), sent == null ? null : sent.path(i)));
            }
            return copy;
        }
        return node;
    }

    private static String maven() {
        String home = System.getProperty("jobs-openapi.maven.home", "");
        Path mvn = Path.of(home, "bin", File.separatorChar == '\\' ? "mvn.cmd" : "mvn");
        return !home.isEmpty() && Files.isExecutable(mvn) ? mvn.toString() : "mvn";
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

}
