package dev.jobsopenapi.conformance.cli;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runnable jar, run as a real process: each command and each exit code, and {@code probe} against a
 * real HTTP server on 127.0.0.1.
 */
class ConformanceCliIT {

    private static final Path JAR = Path.of(System.getProperty("cli.jar", "target/jobs-openapi-conformance-cli.jar"));
    private static final String TOKEN = "s3cr3t-t0ken-value";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<String> seenTokens = new CopyOnWriteArrayList<>();
    private final List<String> seenTargets = new CopyOnWriteArrayList<>();

    /** What a finished process printed and returned. */
    record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String stdin, String... args) throws Exception {
        return run(List.of(), env, stdin, args);
    }

    private static Run run(List<String> jvmOptions, Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(ConformanceCli.DEFAULT_TOKEN_ENV);
        builder.environment().putAll(env);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the command may not read standard input
        }
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the jar did not finish");
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static Run run(String... args) throws Exception {
        return run(Map.of(), "", args);
    }

    private static String example(BundledSpec spec, String operationId) {
        return ApiContract.bundled(spec).example(operationId, "200").orElseThrow().value().toString();
    }

    private static void assertOneLineError(Run run, String expected) {
        assertEquals(2, run.exit(), run::toString);
        String firstLine = run.err().lines().findFirst().orElse("");
        assertTrue(firstLine.startsWith("error: ") && firstLine.contains(expected), run::toString);
        assertFalse(run.err().contains("\tat "), () -> "stack trace: " + run.err());
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    // check

    @Test
    void checkExitsZeroAndEndsWithTheSummaryPrintingNothingElse() throws Exception {
        Run run = run("check");
        assertEquals(0, run.exit(), run::toString);
        assertEquals("", run.err(), "a passing check writes nothing to standard error (no SLF4J or logging notice)");
        assertTrue(run.out().contains("PASS openyuanrong-jobs listJobs 200 application/json queryEmpty"), run.out());
        assertTrue(run.out().strip().lines().reduce((a, b) -> b).orElseThrow().matches("\\d+ passed, 0 failed"), run.out());
    }

    @Test
    void checkWritesJsonAndJunitReports() throws Exception {
        Run json = run("check", "--format", "json");
        assertEquals(0, json.exit(), json::toString);
        JsonNode report = JSON.readTree(json.out());
        assertEquals(0, report.get("failed").asInt());
        assertTrue(report.get("passed").asInt() >= 4);

        Run junit = run("check", "--format", "junit");
        assertEquals(0, junit.exit(), junit::toString);
        assertTrue(junit.out().startsWith("<?xml") && junit.out().contains("<testsuite name=\"jobs-openapi check\""), junit.out());
        assertTrue(junit.out().contains("failures=\"0\""), junit.out());
    }

    @Test
    void quirksPrintsTheMarkdownCatalogue() throws Exception {
        Run run = run("quirks", "openyuanrong-jobs");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("# Vendor quirks"), run.out());
        assertTrue(run.out().contains("| openyuanrong-time-unit | openyuanrong-jobs |"), run.out());
        assertFalse(run.out().contains("modelarts-"), run.out());
    }

    // validate

    @Test
    void validateAConformingFileExitsZero(@TempDir Path dir) throws Exception {
        Path body = Files.writeString(dir.resolve("jobs.json"), example(BundledSpec.OPENYUANRONG_JOBS, "listJobs"));
        Run run = run("validate", "--spec", "openyuanrong-jobs", "--operation", "listJobs", body.toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("PASS openyuanrong-jobs listJobs 200 application/json"), run.out());
    }

    @Test
    void validateStandardInputByMethodAndPathReportsViolationsWithExitOne() throws Exception {
        String body = example(BundledSpec.MODELARTS_DEVSERVER_JOBS, "showDevServerJob").replace("\"abnormal_count\":0", "\"abnormal_count\":\"0\"");
        Run run = run(Map.of(), body, "validate", "--spec", "modelarts-devserver-jobs",
                "--method", "GET", "--path", "/v1/proj-1/dev-servers/jobs/job-1", "-");
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("/abnormal_count: string found, integer expected"), run.out());
    }

    @Test
    void validateWritesAJunitFailureForCiDashboards() throws Exception {
        Run run = run(Map.of(), "[{\"status\":\"RUNNING\"}]", "validate", "--spec", "openyuanrong-jobs",
                "--operation", "listJobs", "--format", "junit");
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("<failure type=\"conformance\""), run.out());
        assertTrue(run.out().contains("/0/submission_id"), run.out());
    }

    @Test
    void validateAgainstASpecFileOnDisk(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("my-copy.yaml");
        try (var in = BundledSpec.OPENYUANRONG_JOBS.open()) {
            Files.copy(in, spec);
        }
        Run run = run(Map.of(), "[]", "validate", "--spec", spec.toString(), "--operation", "listJobs");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().startsWith("PASS my-copy listJobs"), run.out());
    }

    @Test
    void anAnswerThatIsNotConformingJsonExitsOneNamingWhy(@TempDir Path dir) throws Exception {
        for (String[] bodyAndReason : new String[][] {{"<html>", "not JSON"}, {"", "empty"}, {"[] []", "more than one JSON document"},
                {"[NaN]", "NaN and Infinity are not JSON numbers"}, {"\uFEFF[]", "byte-order mark"},
                {"[" .repeat(100_000), "nests deeper than 1000 levels"}}) {
            Run run = run(Map.of(), bodyAndReason[0], "validate", "--spec", "openyuanrong-jobs", "--operation", "listJobs");
            assertEquals(1, run.exit(), run::toString);
            assertTrue(run.out().contains(bodyAndReason[1]), run.out());
            assertEquals("", run.err(), "no stack trace, no error line: the answer is what is wrong");
        }
        Path big = dir.resolve("big.json"); // "[" and 50 MiB of spaces: nothing wrong before the size
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(big))) {
            out.write('[');
            byte[] spaces = " ".repeat(1024 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) {
                out.write(spaces);
            }
        }
        Run tooBig = run("validate", "--spec", "openyuanrong-jobs", "--operation", "listJobs", "--max-body-mib", "32", big.toString());
        assertEquals(1, tooBig.exit(), tooBig::toString);
        assertTrue(tooBig.out().contains("over the limit of 33554432 bytes"), tooBig.out());
        Path zeros = dir.resolve("zeros.json"); // 50 MiB of NUL bytes: the first problem is the second byte, not the size
        try (RandomAccessFile file = new RandomAccessFile(zeros.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024);
        }
        Run firstProblem = run("validate", "--spec", "openyuanrong-jobs", "--operation", "listJobs", "--max-body-mib", "32",
                zeros.toString());
        assertEquals(1, firstProblem.exit(), firstProblem::toString);
        assertTrue(firstProblem.out().contains("not JSON"), firstProblem.out());
        Run noLimit = run("validate", "--spec", "openyuanrong-jobs", "--operation", "listJobs", big.toString());
        assertEquals(1, noLimit.exit(), noLimit::toString);
        assertTrue(noLimit.out().contains("Unexpected end-of-input: expected close marker for Array (start marker at line 1,"
                + " column 1) at line 1, column 52428802"), noLimit.out());
        Path notUtf8 = Files.write(dir.resolve("latin1.json"), new byte[] {'[', '"', (byte) 0xE9, '"', ']'});
        Run latin1 = run("validate", "--spec", "openyuanrong-jobs", "--operation", "listJobs", notUtf8.toString());
        assertEquals(1, latin1.exit(), latin1::toString);
        assertTrue(latin1.out().contains("not valid UTF-8"), latin1.out());
    }

    @Test
    void aHundredMegabyteListIsValidatedInABoundedHeapAndItsFaultsNamedAtTheirPlace(@TempDir Path dir) throws Exception {
        // The body is 100 MB; the heap is 48 MB. Reading the body whole would need several times the body.
        List<JsonNode> jobs = new ArrayList<>();
        ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS).example("listJobs", "200").orElseThrow().value().forEach(jobs::add);
        Path good = dir.resolve("good.json");
        Path bad = dir.resolve("bad.json");
        long count = 0;
        try (var goodOut = Files.newBufferedWriter(good); var badOut = Files.newBufferedWriter(bad)) {
            goodOut.write('[');
            badOut.write('[');
            for (long written = 1; written < 100_000_000; count++) {
                String job = jobs.get((int) (count % jobs.size())).toString();
                String separator = count == 0 ? "" : ",";
                goodOut.write(separator + job);
                badOut.write(separator + (count == 123_456 ? job.replaceFirst("\"status\":\"[A-Z]*\"", "\"status\":7") : job));
                written += separator.length() + job.length();
            }
            goodOut.write(']');
            badOut.write(']');
        }
        assertTrue(Files.size(good) >= 100_000_000 && count > 123_456, count + " jobs");
        List<String> smallHeap = List.of("-Xmx48m");
        Run conforms = run(smallHeap, Map.of(), "", "validate", "--spec", "openyuanrong-jobs", "--operation", "listJobs", good.toString());
        assertEquals(0, conforms.exit(), conforms::toString);
        assertTrue(conforms.out().startsWith("PASS"), conforms.out());
        Run faulted = run(smallHeap, Map.of(), "", "validate", "--spec", "openyuanrong-jobs", "--operation", "listJobs", bad.toString());
        assertEquals(1, faulted.exit(), faulted::toString);
        assertTrue(faulted.out().contains("/123456/status: integer found, string expected"), faulted.out());
        assertEquals("", faulted.err());
    }

    @Test
    void aWrongCommandOrAnUnreadableFileExitsTwoWithOneLine(@TempDir Path dir) throws Exception {
        assertOneLineError(run("validate", "--spec", dir.resolve("nope.yaml").toString(), "--operation", "listJobs"),
                "is neither a bundled spec (modelarts-devserver-jobs, openyuanrong-jobs) nor a spec file");
        assertOneLineError(run("validate", "--spec", "nope", "--operation", "listJobs"),
                "nope is neither a bundled spec (modelarts-devserver-jobs, openyuanrong-jobs) nor a spec file");
        Path notSpec = Files.writeString(dir.resolve("pom.yaml"), "project: 1\n");
        assertOneLineError(run("validate", "--spec", notSpec.toString(), "--operation", "listJobs"), "not an OpenAPI 3.0 document");
        assertOneLineError(run("validate", "--spec", "openyuanrong-jobs", "--operation", "noSuchOp"), "no operation 'noSuchOp'");
        assertOneLineError(run("validate", "--spec", "openyuanrong-jobs", "--operation", "listJobs", dir.resolve("missing.json").toString()),
                "no such file");
    }

    @Test
    void helpAndVersionPrintAndExitZero() throws Exception {
        for (String flag : List.of("--help", "-h")) {
            Run help = run(flag);
            assertEquals(0, help.exit(), help::toString);
            assertTrue(help.out().startsWith("usage: java -jar jobs-openapi-conformance-cli.jar"), help.out());
            assertEquals("", help.err());
        }
        Run commandHelp = run("validate", "--help");
        assertEquals(0, commandHelp.exit(), commandHelp::toString);
        Run version = run("--version");
        assertEquals(0, version.exit(), version::toString);
        assertTrue(version.out().strip().matches("jobs-openapi-conformance \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version.out());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertOneLineError(run(), "no command");
        assertOneLineError(run("frobnicate"), "unknown command");
        assertOneLineError(run("validate", "--operation", "listJobs"), "Missing required option: '--spec=SPEC'");
        assertOneLineError(run("check", "--bogus", "1"), "Unknown option: '--bogus'");
        assertOneLineError(run("check", "--format", "xml"), "unknown --format 'xml'");
        assertOneLineError(run("probe", "--spec", "openyuanrong-jobs", "--base-url", "ftp://x"), "--base-url");
    }

    // probe

    private final List<String> seenBodies = new CopyOnWriteArrayList<>();

    /** A ModelArts look-alike on loopback that answers each operation with its documented example. */
    private String startServer(int listStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String list = example(BundledSpec.MODELARTS_DEVSERVER_JOBS, "listDevServerJobs");
        String details = example(BundledSpec.MODELARTS_DEVSERVER_JOBS, "showDevServerJob");
        String templates = example(BundledSpec.MODELARTS_DEVSERVER_JOBS, "listDevServerJobTemplates");
        String deleted = example(BundledSpec.MODELARTS_DEVSERVER_JOBS, "deleteDevServerJobs");
        String created = example(BundledSpec.MODELARTS_DEVSERVER_JOBS, "createDevServerJob");
        server.createContext("/", exchange -> {
            seenTokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Auth-Token")));
            String method = exchange.getRequestMethod();
            seenTargets.add((method.equals("GET") ? "" : method + " ") + exchange.getRequestURI());
            seenBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            boolean isList = path.endsWith("/dev-servers/jobs") && method.equals("GET");
            String answer = path.endsWith("/templates") ? templates
                    : method.equals("DELETE") ? deleted : method.equals("POST") ? created : isList ? list : details;
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(isList ? listStatus : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void probeCallsEveryReadingOperationSendsTheTokenAndNeverPrintsIt() throws Exception {
        String base = startServer(200);
        Run run = run(Map.of("JOBS_OPENAPI_TOKEN", TOKEN), "", "probe", "--spec", "modelarts-devserver-jobs",
                "--base-url", base, "--param", "project_id=proj-1", "--param", "id=job-1", "--param", "visible=true");
        assertEquals(0, run.exit(), run::toString);
        assertEquals(List.of(TOKEN, TOKEN, TOKEN, TOKEN, TOKEN), seenTokens);
        // --param applies to every operation with a parameter of that name: id filters the lists too, and names the
        // template and the service asked for.
        assertEquals(List.of("/v1/proj-1/dev-servers/jobs?id=job-1&visible=true", "/v1/proj-1/dev-servers/jobs/templates?id=job-1",
                "/v1/proj-1/dev-servers/jobs/templates/job-1", "/v1/proj-1/dev-servers/jobs/services/job-1",
                "/v1/proj-1/dev-servers/jobs/job-1"), seenTargets);
        assertTrue(run.out().contains("PASS modelarts-devserver-jobs listDevServerJobs 200"), run.out());
        assertTrue(run.out().contains("5 passed, 0 failed, 2 skipped"), run.out());
        assertFalse(run.out().contains(TOKEN) || run.err().contains(TOKEN), "the token was printed");
    }

    @Test
    void probeNeverCreatesOrDeletesUnlessNamedAndSaysWhatItSkipped() throws Exception {
        String base = startServer(200);
        Run run = run("probe", "--spec", "modelarts-devserver-jobs", "--base-url", base, "--param", "project_id=proj-1",
                "--param", "id=job-1");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(seenTargets.stream().noneMatch(t -> t.startsWith("POST") || t.startsWith("DELETE")), seenTargets::toString);
        assertTrue(run.out().contains("SKIP modelarts-devserver-jobs createDevServerJob"), run.out());
        assertTrue(run.out().contains("POST changes state on the server: not called unless named with --allow-write createDevServerJob"),
                run.out());
        assertTrue(run.out().contains("--allow-write deleteDevServerJobs"), run.out());

        seenTargets.clear();
        seenBodies.clear();
        Run allowed = run("probe", "--spec", "modelarts-devserver-jobs", "--base-url", base, "--param", "project_id=proj-1",
                "--param", "id=job-1", "--allow-write", "deleteDevServerJobs");
        assertEquals(0, allowed.exit(), allowed::toString);
        int delete = seenTargets.indexOf("DELETE /v1/proj-1/dev-servers/jobs");
        assertTrue(delete >= 0, seenTargets::toString);
        assertEquals(JSON.readTree(ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS)
                .example("deleteDevServerJobs", DocumentedExample.REQUEST).orElseThrow().value().toString()),
                JSON.readTree(seenBodies.get(delete)), "the documented body is sent");
        assertTrue(seenTargets.stream().noneMatch(t -> t.startsWith("POST")), "createDevServerJob was not named");
        assertTrue(allowed.out().contains("6 passed, 0 failed, 1 skipped"), allowed.out());

        assertOneLineError(run("probe", "--spec", "modelarts-devserver-jobs", "--base-url", base,
                "--allow-write", "dropEverything"), "no operation 'dropEverything'");
    }

    @Test
    void probeReportsAnUndocumentedStatusWithExitOneAndSkipsWhatItCannotCall() throws Exception {
        String base = startServer(503);
        Run run = run(Map.of("MY_TOKEN", TOKEN), "", "probe", "--spec", "modelarts-devserver-jobs", "--base-url", base,
                "--param", "project_id=proj-1", "--token-env", "MY_TOKEN", "--format", "json");
        assertEquals(1, run.exit(), run::toString);
        JsonNode report = JSON.readTree(run.out());
        assertEquals(1, report.get("failed").asInt());
        assertEquals(5, report.get("skipped").asInt(), "the three details need --param id; create and delete change state");
        assertEquals("status", report.at("/results/0/violations/0/keyword").asText());
        assertEquals(List.of(TOKEN, TOKEN), seenTokens);
        assertFalse(run.out().contains(TOKEN), "the token was printed");
    }

    @Test
    void probeDoesNotSendARequestThatBreaksTheSpec() throws Exception {
        String base = startServer(200);
        Run run = run("probe", "--spec", "modelarts-devserver-jobs", "--base-url", base, "--param", "project_id=bad/id");
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("request not sent"), run.out());
        assertEquals(List.of(), seenTargets);
    }

    @Test
    void probeOfAnUnreachableServerExitsTwo() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        assertOneLineError(run("probe", "--spec", "openyuanrong-jobs", "--base-url", "http://127.0.0.1:" + freePort,
                "--timeout-seconds", "5"), "cannot reach");
    }
}
