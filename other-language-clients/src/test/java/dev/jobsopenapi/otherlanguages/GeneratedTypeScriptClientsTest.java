package dev.jobsopenapi.otherlanguages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.reference.FrontDoor;
import dev.jobsopenapi.reference.FrontendJwt;
import dev.jobsopenapi.reference.ReferenceServer;
import dev.jobsopenapi.specs.NodeTools;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TypeScript clients openapi-generator makes from both specs compile with
 * {@code tsc} in strict mode, read every documented example and every frontend job shape — the ModelArts times as
 * a {@code number} — write each back unchanged, and call every operation of both APIs on the
 * mock server ({@code typescript-fetch}); the {@code typescript-axios} clients call every operation and read each
 * answer exactly as the raw answer holds it.
 */
class GeneratedTypeScriptClientsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final String JWT_SECRET = "other-language-clients-jwt-secret";

    private static String developerToken() {
        return FrontendJwt.mint(JWT_SECRET, "tenant-1", FrontendJwt.DEVELOPER, java.time.Instant.now().plusSeconds(3600));
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A strict tsconfig for the check and the generated clients it imports; output under target/typescript-check. */
    private static Path tsconfig() throws Exception {
        Path dir = MODULE.resolve("target/typescript-check");
        Files.createDirectories(dir);
        ObjectNode config = JSON.createObjectNode();
        config.putObject("compilerOptions").put("target", "es2020").put("module", "commonjs").put("strict", true)
                .put("rootDir", MODULE.toString()).put("outDir", dir.resolve("out").toString())
                .putArray("lib").add("es2020").add("dom");
        config.with("compilerOptions").putArray("types").add("node");
        config.with("compilerOptions").putArray("typeRoots").add(NodeTools.nodeModules().resolve("@types").toString());
        // The typescript-axios clients import axios, which the specs module's npm packages hold.
        ObjectNode paths = config.with("compilerOptions").put("baseUrl", MODULE.toString())
                .put("esModuleInterop", true).putObject("paths");
        paths.putArray("axios").add(NodeTools.nodeModules().resolve("axios").toString());
        paths.putArray("openapi-fetch").add(NodeTools.nodeModules().resolve("openapi-fetch").toString());
        config.putArray("files").add(MODULE.resolve("src/test/typescript/check-clients.ts").toString())
                .add(MODULE.resolve("src/test/typescript/check-axios.ts").toString())
                .add(MODULE.resolve("src/test/typescript/check-openapi-fetch.ts").toString())
                .add(MODULE.resolve("src/test/typescript/check-hey-api.ts").toString())
                .add(MODULE.resolve("src/test/typescript/check-orval.ts").toString());
        Path file = dir.resolve("tsconfig.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), config);
        return file;
    }

    @Test
    void theGeneratedTypeScriptClientsCompileReadEveryAnswerAndCallEveryOperation() throws Exception {
        NodeTools.requirePackage("typescript");
        NodeTools.requirePackage("@types/node");
        Path cases = MODULE.resolve("target/client-cases.json");
        ClientCases.Counts counts = ClientCases.write(cases);
        compile();
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0);
             ReferenceServer guarded = ReferenceServer.start("127.0.0.1", 0, FrontDoor.open().withJwtSecret(JWT_SECRET))) {
            String output = NodeRun.run(120, "node", MODULE.resolve("target/typescript-check/out/src/test/typescript/check-clients.js").toString(),
                    server.baseUri().toString(), cases.toString(), guarded.baseUri().toString(), developerToken());
            JsonNode summary = JSON.readTree(output.strip().lines().reduce((a, b) -> b).orElseThrow());
            assertEquals(List.of(), JSON.convertValue(summary.get("failures"), List.class), output);
            assertEquals(counts.examples(), summary.get("examples").asInt());
            assertEquals(counts.frontendJobs(), summary.get("frontendJobs").asInt());
            assertEquals(counts.modelArtsTimes(), summary.get("modelArtsTimes").asInt(), "every ModelArts time was looked at");
            assertEquals(13, summary.get("operations").size(), summary.toString());
        }
    }

    private static boolean compiled;

    /**
     * The checks and the clients they import, compiled once by tsc in strict mode; first the {@code paths} types
     * openapi-typescript generates from both specs, with {@code --default-non-nullable false} (by default it makes
     * every property with a {@code default} required, in requests too: {@code is_reboot}); then the SDKs
     * {@code @hey-api/openapi-ts} and the functions {@code orval} generate with default options.
     */
    private static synchronized void compile() throws Exception {
        if (!compiled) {
            NodeTools.requirePackage("openapi-typescript");
            NodeTools.requirePackage("openapi-fetch");
            NodeTools.requirePackage("axios");
            for (String[] spec : new String[][] {{"modelarts-devserver-jobs", "modelarts"}, {"openyuanrong-jobs", "openyuanrong"}}) {
                NodeRun.run(120, "node", NodeTools.nodeModules().resolve("openapi-typescript/bin/cli.js").toString(),
                        MODULE.resolve("../specs/" + spec[0] + ".yaml").normalize().toString(), "--default-non-nullable", "false",
                        "-o", MODULE.resolve("target/openapi-typescript/" + spec[1] + ".d.ts").toString());
            }
            NodeTools.requirePackage("@hey-api/openapi-ts");
            NodeTools.requirePackage("orval");
            for (String[] spec : new String[][] {{"modelarts-devserver-jobs", "modelarts"}, {"openyuanrong-jobs", "openyuanrong"}}) {
                String input = MODULE.resolve("../specs/" + spec[0] + ".yaml").normalize().toString();
                NodeRun.run(120, "node", NodeTools.nodeModules().resolve("@hey-api/openapi-ts/bin/run.js").toString(),
                        "-i", input, "-o", MODULE.resolve("target/hey-api/" + spec[1]).toString());
                NodeRun.run(120, "node", NodeTools.nodeModules().resolve("orval/dist/bin/orval.mjs").toString(),
                        "--input", input, "--output", MODULE.resolve("target/orval/" + spec[1] + "/api.ts").toString());
            }
            NodeRun.run(300, "node", NodeTools.nodeModules().resolve("typescript/bin/tsc").toString(), "-p", tsconfig().toString());
            compiled = true;
        }
    }

    @Test
    void theTypeScriptAxiosClientsCallEveryOperationAndReadEachAnswerAsSent() throws Exception {
        callEveryOperation("check-axios.js");
    }

    @Test
    void openapiFetchTypedByOpenapiTypescriptCallsEveryOperationAndReadsEachAnswerAsSent() throws Exception {
        callEveryOperation("check-openapi-fetch.js");
    }

    @Test
    void theHeyApiSdksCallEveryOperationAndReadEachAnswerAsSent() throws Exception {
        callEveryOperation("check-hey-api.js");
    }

    @Test
    void theOrvalFunctionsCallEveryOperationAndReadEachAnswerAsSent() throws Exception {
        callEveryOperation("check-orval.js");
    }

    /** Runs the compiled check with a plan of every operation of both specs, against a fresh mock server. */
    private static void callEveryOperation(String check) throws Exception {
        NodeTools.requirePackage("typescript");
        NodeTools.requirePackage("@types/node");
        compile();
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            Path planFile = MODULE.resolve("target/typescript-check/" + check.replace(".js", "-plan.json"));
            PlannedCall.Plan plan = PlannedCall.writePlan(server.baseUri(), planFile);
            NodeRun.runPlan(plan, "node", MODULE.resolve("target/typescript-check/out/src/test/typescript/" + check).toString(),
                    planFile.toString(), server.baseUri().toString());
        }
    }
}
