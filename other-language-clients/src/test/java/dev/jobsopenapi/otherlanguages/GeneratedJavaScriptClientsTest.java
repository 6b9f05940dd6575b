package dev.jobsopenapi.otherlanguages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.reference.ReferenceServer;
import dev.jobsopenapi.specs.NodeTools;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JavaScript clients openapi-generator's {@code javascript} generator makes from both specs with default options
 * (ES modules, callbacks, superagent) call every operation of both APIs on the mock server, and every read decodes
 * into models that hold exactly the raw answer, the ModelArts times as numbers. The generated sources are transpiled to
 * CommonJS by tsc ({@code allowJs}) where the generated README uses Babel: the same module transform, without Babel's
 * twenty packages.
 */
class GeneratedJavaScriptClientsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path CHECK = MODULE.resolve("target/javascript-check");

    @Test
    void theJavaScriptClientsCallEveryOperationAndDecodeEachAnswerAsSent() throws Exception {
        NodeTools.requirePackage("typescript");
        NodeTools.requirePackage("superagent");
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = json.createObjectNode();
        config.putObject("compilerOptions").put("allowJs", true).put("checkJs", false).put("module", "commonjs")
                .put("target", "es2020").put("esModuleInterop", true).put("skipLibCheck", true)
                .put("rootDir", MODULE.resolve("target/generated-clients/javascript").toString())
                .put("outDir", CHECK.resolve("out").toString());
        config.putArray("include").add(MODULE.resolve("target/generated-clients/javascript/*/src/**/*.js").toString());
        Files.createDirectories(CHECK);
        json.writeValue(CHECK.resolve("tsconfig.json").toFile(), config);
        NodeRun.run(300, "node", NodeTools.nodeModules().resolve("typescript/bin/tsc").toString(), "-p",
                CHECK.resolve("tsconfig.json").toString());
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            Path planFile = CHECK.resolve("plan.json");
            PlannedCall.Plan plan = PlannedCall.writePlan(server.baseUri(), planFile);
            JsonNode summary = NodeRun.runPlan(plan, "node", MODULE.resolve("src/test/javascript/check-javascript.js").toString(),
                    planFile.toString(), server.baseUri().toString(), CHECK.resolve("out").toString());
            assertTrue(summary.get("numericTimes").asInt() > 0, "a ModelArts time was read as a number: " + summary);
        }
    }
}
