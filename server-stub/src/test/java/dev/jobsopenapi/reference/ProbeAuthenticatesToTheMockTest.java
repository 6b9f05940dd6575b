package dev.jobsopenapi.reference;

import com.sun.net.httpserver.HttpServer;
import dev.jobsopenapi.conformance.cli.ConformanceCliAccess;
import dev.jobsopenapi.signing.AkSkCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code probe} authenticates to both guarded APIs of the mock server — AK/SK from the vendor's variables for
 * ModelArts (reads and the signed writes with their bodies), a token for openYuanrong — and no secret appears
 * in any output format or error; a redirect to another host is not followed, so nothing reaches it.
 */
class ProbeAuthenticatesToTheMockTest {

    private static final String SK = "probe-secret-key-4f1d2c";
    private static final String SECURITY_TOKEN = "probe-security-token-9a8b";
    private static final String JWT_SECRET = "probe-jwt-secret-0123456789abcdef";
    private static final AkSkCredentials KEYS = AkSkCredentials.of("HPUAPROBEKEY", SK).withSecurityToken(SECURITY_TOKEN);

    private ReferenceServer server;
    private String jwt;

    @BeforeEach
    void start() {
        server = ReferenceServer.start("127.0.0.1", 0, FrontDoor.open().withAkSk(KEYS).withJwtSecret(JWT_SECRET));
        jwt = FrontendJwt.mint(JWT_SECRET, "tenant-1", "developer", Instant.now().plus(Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Run(int exit, String output) {
    }

    private Run probe(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ConformanceCliAccess.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), env);
        String output = out.toString(StandardCharsets.UTF_8);
        for (String secret : List.of(SK, SECURITY_TOKEN, JWT_SECRET, jwt)) {
            assertFalse(output.contains(secret), "a secret in the output:\n" + output);
        }
        return new Run(exit, output);
    }

    private static Map<String, String> akSkEnvironment(String sk) {
        return Map.of("HUAWEICLOUD_SDK_AK", KEYS.accessKey(), "HUAWEICLOUD_SDK_SK", sk, "HUAWEICLOUD_SDK_SECURITY_TOKEN", SECURITY_TOKEN);
    }

    private String[] modelArts(String format, String... more) {
        List<String> args = new ArrayList<>(List.of("probe", "--spec", "modelarts-devserver-jobs", "--base-url", server.baseUri().toString(),
                "--param", "project_id=proj-1", "--param", "id=0319470a-7fad-452e-bff0-d3ba3bd83955", "--format", format));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void modelArtsIsProbedWithAkSkFromTheVendorsVariablesInEveryFormat() {
        for (String format : List.of("text", "json", "junit")) {
            Run run = probe(akSkEnvironment(SK), modelArts(format, "--allow-write", "createDevServerJob", "--allow-write", "deleteDevServerJobs"));
            assertEquals(0, run.exit(), run.output());
        }
        Run text = probe(akSkEnvironment(SK), modelArts("text", "--allow-write", "createDevServerJob", "--allow-write", "deleteDevServerJobs"));
        for (String operation : List.of("listDevServerJobs", "listDevServerJobTemplates", "showDevServerJob", "createDevServerJob", "deleteDevServerJobs")) {
            assertTrue(text.output().contains("PASS modelarts-devserver-jobs " + operation + " 200"), text.output());
        }
    }

    @Test
    void aWrongSecretKeyOrNoCredentialsMeetTheGatewaysRefusalFailTheRunAndNothingLeaks() {
        for (Map<String, String> env : List.of(akSkEnvironment("not-" + SK), Map.<String, String>of())) {
            for (String format : List.of("text", "json", "junit")) {
                Run run = probe(env, modelArts(format));
                assertTrue(run.output().contains("401"), run.output());
                assertEquals(1, run.exit(), "a run whose every call was refused checked nothing: " + run.output());
            }
        }
        Run refused = probe(akSkEnvironment("not-" + SK), modelArts("text"));
        assertTrue(refused.output().contains("the server refused the AK/SK signature (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK)"),
                refused.output());
        assertTrue(refused.output().contains("0 passed, 0 failed, 5 refused, 2 skipped"), refused.output());
        assertTrue(refused.output().contains("FAIL run: 0 answers checked"), refused.output());
        Run accepted = probe(akSkEnvironment("not-" + SK), modelArts("text", "--allow-refused", "--allow-empty"));
        assertEquals(0, accepted.exit(), "refusals and an empty run accepted on request: " + accepted.output());
    }

    @Test
    void aTokenThatIsSetButBlankIsRefusedBeforeAnythingIsSent() {
        for (Map<String, String> env : List.of(Map.of("JOBS_OPENAPI_TOKEN", ""), Map.of("JOBS_OPENAPI_TOKEN", "  "))) {
            Run run = probe(env, "probe", "--spec", "openyuanrong-jobs", "--base-url", server.baseUri().toString());
            assertEquals(2, run.exit(), run.output());
            assertTrue(run.output().contains("JOBS_OPENAPI_TOKEN is empty or blank"), run.output());
        }
        Run flag = probe(Map.of(), "probe", "--spec", "openyuanrong-jobs", "--base-url", server.baseUri().toString(), "--token", "");
        assertEquals(2, flag.exit(), flag.output());
        assertTrue(flag.output().contains("--token is empty or blank"), flag.output());
    }

    @Test
    void openYuanrongIsProbedWithTheTokenInItsHeader() {
        for (String format : List.of("text", "json", "junit")) {
            Run run = probe(Map.of("JOBS_OPENAPI_TOKEN", jwt), "probe", "--spec", "openyuanrong-jobs", "--base-url", server.baseUri().toString(),
                    "--param", "submissionId=app-2f0c1d8e", "--format", format);
            assertEquals(0, run.exit(), run.output());
        }
        Run text = probe(Map.of("JOBS_OPENAPI_TOKEN", jwt), "probe", "--spec", "openyuanrong-jobs", "--base-url", server.baseUri().toString());
        assertTrue(text.output().contains("PASS openyuanrong-jobs listJobs 200"), text.output());
        Run without = probe(Map.of(), "probe", "--spec", "openyuanrong-jobs", "--base-url", server.baseUri().toString());
        assertTrue(without.output().contains("REFUSED openyuanrong-jobs listJobs 401 application/json: GET /api/jobs: 401 no"
                + " credentials were sent, so the operation was not checked; give a token (JOBS_OPENAPI_TOKEN)"), without.output());
        assertEquals(1, without.exit(), without.output());
        Run wrong = probe(Map.of("JOBS_OPENAPI_TOKEN", jwt + "x"), "probe", "--spec", "openyuanrong-jobs", "--base-url",
                server.baseUri().toString(), "--format", "junit");
        assertEquals(1, wrong.exit(), wrong.output());
        assertTrue(wrong.output().contains("<failure type=\"refused\" message=\"GET /api/jobs: 401 the server refused the token"
                + " (sent in X-Auth)"), wrong.output());
    }

    @Test
    void theDocumentedWritesSucceedAgainAndAgainWithFreshIdsAndNames() {
        for (int i = 0; i < 2; i++) {
            Run submit = probe(Map.of("JOBS_OPENAPI_TOKEN", jwt), "probe", "--spec", "openyuanrong-jobs", "--base-url",
                    server.baseUri().toString(), "--allow-write", "submitJob");
            assertTrue(submit.output().contains("PASS openyuanrong-jobs submitJob 200"), submit.output());
            Run create = probe(akSkEnvironment(SK), modelArts("text", "--allow-write", "createDevServerJob"));
            assertTrue(create.output().contains("PASS modelarts-devserver-jobs createDevServerJob 200"), create.output());
        }
    }

    @Test
    void aTokenWithALineEndIsRefusedWithoutBeingPrinted() {
        Run run = probe(Map.of("JOBS_OPENAPI_TOKEN", jwt + "\r\n"), "probe", "--spec", "openyuanrong-jobs", "--base-url", server.baseUri().toString());
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("the token holds a control character"), run.output());
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedSoNoCredentialReachesIt() throws Exception {
        AtomicInteger reached = new AtomicInteger();
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            reached.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirecting.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + other.getAddress().getPort() + exchange.getRequestURI());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        other.start();
        redirecting.start();
        try {
            Map<String, String> env = new HashMap<>(akSkEnvironment(SK));
            for (String spec : List.of("modelarts-devserver-jobs", "openyuanrong-jobs")) {
                if (spec.equals("openyuanrong-jobs")) {
                    env.put("JOBS_OPENAPI_TOKEN", jwt);
                } else {
                    env.remove("JOBS_OPENAPI_TOKEN"); // signed with AK/SK ("" would be refused as a blank token)
                }
                Run run = probe(env, "probe", "--spec", spec, "--base-url", "http://127.0.0.1:" + redirecting.getAddress().getPort(),
                        "--param", "project_id=proj-1");
                assertEquals(1, run.exit(), run.output());
                assertTrue(run.output().contains("302"), run.output());
            }
            assertEquals(0, reached.get(), "the redirect target was called");
        } finally {
            redirecting.stop(0);
            other.stop(0);
        }
    }
}
