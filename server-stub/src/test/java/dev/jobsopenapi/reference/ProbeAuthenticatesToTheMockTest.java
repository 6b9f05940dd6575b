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
    void aWrongSecretKeyOrNoCredentialsMeetTheGatewaysRefusalAndNothingLeaks() {
        for (Map<String, String> env : List.of(akSkEnvironment("not-" + SK), Map.<String, String>of())) {
            for (String format : List.of("text", "json", "junit")) {
                Run run = probe(env, modelArts(format));
                assertTrue(run.output().contains("401"), run.output());
            }
        }
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
        assertTrue(without.output().contains("PASS openyuanrong-jobs listJobs 401 application/json: GET /api/jobs (the server refused"
                + " no credentials, so the operation was not checked; give a token (JOBS_OPENAPI_TOKEN))"), without.output());
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
                env.put("JOBS_OPENAPI_TOKEN", spec.equals("openyuanrong-jobs") ? jwt : "");
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
