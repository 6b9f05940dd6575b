package dev.jobsopenapi.reference;

import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.conformance.ValidationResult;
import dev.jobsopenapi.signing.AkSkCredentials;
import dev.jobsopenapi.specs.NodeTools;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real vendor client against this library's server: the HTTP client of {@code @huaweicloud/huaweicloud-sdk-core},
 * signing with its own credentials code (read from the SDK's environment variables), calls every ModelArts
 * operation of the mock server that verifies signatures. Every answer is a success and conforms to the spec; with
 * a wrong SK every answer is the gateway's 401, conforming too.
 */
class VendorNodeClientAgainstTheMockTest {

    private static final ApiContract SPEC = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AkSkCredentials KEYS = AkSkCredentials.of("HPUAVENDORCLIENT", "vendor-client-secret-0123").withProjectId("proj-1");

    private ReferenceServer server;

    @BeforeEach
    void start() {
        NodeTools.requirePackage("@huaweicloud/huaweicloud-sdk-core");
        server = ReferenceServer.start("127.0.0.1", 0, FrontDoor.open().withAkSk(KEYS));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ArrayNode calls() {
        ArrayNode calls = JSON.createArrayNode();
        calls.addObject().put("operationId", "listDevServerJobs").put("method", "GET").put("url", "/v1/{project_id}/dev-servers/jobs")
                .putObject("queryParams").put("status", "FINISHED").put("name", "software-upgrade-792a");
        calls.addObject().put("operationId", "listDevServerJobTemplates").put("method", "GET")
                .put("url", "/v1/{project_id}/dev-servers/jobs/templates").putObject("queryParams").put("type", "ASCEND_SOFTWARE_QUERY");
        calls.addObject().put("operationId", "showDevServerJob").put("method", "GET")
                .put("url", "/v1/{project_id}/dev-servers/jobs/03af7361-5cba-44d4-b29b-4dcc5d9dff51");
        calls.addObject().put("operationId", "createDevServerJob").put("method", "POST").put("url", "/v1/{project_id}/dev-servers/jobs")
                .set("data", SPEC.example("createDevServerJob", DocumentedExample.REQUEST).orElseThrow().value());
        calls.addObject().put("operationId", "deleteDevServerJobs").put("method", "DELETE").put("url", "/v1/{project_id}/dev-servers/jobs")
                .set("data", SPEC.example("deleteDevServerJobs", DocumentedExample.REQUEST).orElseThrow().value());
        return calls;
    }

    /** Runs the vendor's client with these keys in the SDK's variables; one answer per call. */
    private List<JsonNode> runVendorClient(AkSkCredentials keys, String sk) throws Exception {
        Process node = NodeTools.startWith(NodeTools.root().resolve("server-stub/src/test/node/vendor-client.cjs"),
                Map.of(AkSkCredentials.AK_VARIABLE, keys.accessKey(), AkSkCredentials.SK_VARIABLE, sk,
                        AkSkCredentials.PROJECT_ID_VARIABLE, keys.projectId().orElseThrow()),
                server.baseUri().toString());
        try (OutputStream in = node.getOutputStream()) {
            in.write(JSON.writeValueAsBytes(calls()));
        }
        List<JsonNode> answers = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("ANSWER ")) {
                    answers.add(JSON.readTree(line.substring("ANSWER ".length())));
                }
            }
        }
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "the vendor client did not finish");
        assertEquals(0, node.exitValue(), "the vendor client failed");
        return answers;
    }

    private static void assertConforms(JsonNode answer, String status) {
        assertEquals(Integer.parseInt(status), answer.get("status").asInt(), answer::toString);
        ValidationResult result = SPEC.validateResponse(Target.operation(answer.get("operationId").asText()), status, "application/json", Body.of(answer.get("body").asText()));
        assertTrue(result.isValid(), result::toString);
    }

    @Test
    void theVendorsSigningClientCallsEveryOperationAndEveryAnswerConforms() throws Exception {
        List<JsonNode> answers = runVendorClient(KEYS, "vendor-client-secret-0123");
        assertEquals(List.of("listDevServerJobs", "listDevServerJobTemplates", "showDevServerJob", "createDevServerJob", "deleteDevServerJobs"),
                answers.stream().map(a -> a.get("operationId").asText()).toList());
        answers.forEach(answer -> assertConforms(answer, "200"));
        assertEquals(1, JSON.readTree(answers.get(0).get("body").asText()).get("total").asInt(), "the signed query filtered the list");
    }

    @Test
    void theVendorsClientWithAWrongSecretKeyGetsTheGatewaysRefusalEverywhere() throws Exception {
        List<JsonNode> answers = runVendorClient(KEYS, "not-the-secret");
        assertEquals(5, answers.size());
        for (JsonNode answer : answers) {
            assertConforms(answer, "401");
            assertEquals("APIGW.0301", JSON.readTree(answer.get("body").asText()).get("error_code").asText());
        }
    }
}
