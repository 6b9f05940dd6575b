package dev.jobsopenapi.client;

import dev.jobsopenapi.conformance.cli.ConformanceCliAccess;
import dev.jobsopenapi.specs.NodeTools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.conformance.http.ValidatingResponseInterceptor;
import dev.jobsopenapi.modelarts.client.api.DevServerJobsApi;
import dev.jobsopenapi.modelarts.client.model.DevServerJobCreateRequest;
import dev.jobsopenapi.modelarts.client.model.ServerJobDeleteRequest;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.openyuanrong.client.model.JobSubmitRequest;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each spec served by Stoplight Prism's mock server ({@code prism mock}, pinned in {@code specs/package.json}, so
 * the specs work in the tool users mock them with), called by the generated clients — every answer checked
 * against the spec — and by {@code probe}.
 */
class PrismMockTest {

    private static final Path PRISM = Path.of("..", "specs", "node_modules", ".bin", "prism").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A running {@code prism mock} of one spec on a free loopback port. */
    private record Mock(Process process, String baseUri) implements AutoCloseable {
        static Mock of(BundledSpec spec) throws Exception {
            NodeTools.requirePackage("@stoplight/prism-cli");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path specFile = Path.of("..", "specs", spec.fileName()).toAbsolutePath().normalize();
            Process process = new ProcessBuilder(PRISM.toString(), "mock", specFile.toString(), "-h", "127.0.0.1", "-p",
                    Integer.toString(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (true) {
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    break;
                } catch (java.io.IOException notYet) {
                    if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                        process.destroyForcibly();
                        throw new IllegalStateException("prism mock did not start for " + spec.fileName());
                    }
                    Thread.sleep(200);
                }
            }
            return new Mock(process, "http://127.0.0.1:" + port);
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    private static JsonNode example(ApiContract contract, String operationId, String status) {
        return contract.example(operationId, status).map(DocumentedExample::value).orElseThrow();
    }

    private static String probe(ApiContract contract, String baseUri, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("probe", "--spec", contract.name(), "--base-url", baseUri, "--token", "t0ken"));
        args.addAll(List.of(extra));
        int exit = dev.jobsopenapi.conformance.cli.ConformanceCliAccess.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        return printed;
    }

    @Test
    void theOpenYuanrongClientAndProbeWorkAgainstPrism() throws Exception {
        ApiContract contract = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
        try (Mock prism = Mock.of(BundledSpec.OPENYUANRONG_JOBS)) {
            dev.jobsopenapi.openyuanrong.client.ApiClient client = new dev.jobsopenapi.openyuanrong.client.ApiClient();
            client.updateBaseUri(prism.baseUri());
            client.setResponseInterceptor(ValidatingResponseInterceptor.failing(contract));
            JobsApi jobs = new JobsApi(client);
            String listed = example(contract, "listJobs", "200").at("/0/submission_id").asText();
            assertEquals(listed, jobs.listJobs().get(0).getSubmissionId());
            assertEquals(listed, jobs.getJob(listed).getSubmissionId());
            JobSubmitRequest submit = JSON.treeToValue(example(contract, "submitJob", DocumentedExample.REQUEST), JobSubmitRequest.class);
            assertEquals(example(contract, "submitJob", "200").get("submission_id").asText(), jobs.submitJob(submit, null, null).getSubmissionId());
            assertEquals(Boolean.TRUE, jobs.stopJob(listed));
            assertEquals(Boolean.TRUE, jobs.deleteJob(listed));

            String report = probe(contract, prism.baseUri(), "--param", "submissionId=" + listed);
            assertTrue(report.contains("2 passed, 0 failed, 3 skipped"), report);
        }
    }

    @Test
    void theModelArtsClientAndProbeWorkAgainstPrism() throws Exception {
        ApiContract contract = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
        try (Mock prism = Mock.of(BundledSpec.MODELARTS_DEVSERVER_JOBS)) {
            dev.jobsopenapi.modelarts.client.ApiClient client = new dev.jobsopenapi.modelarts.client.ApiClient();
            client.updateBaseUri(prism.baseUri());
            client.setRequestInterceptor(request -> request.header("X-Auth-Token", "t0ken"));
            client.setResponseInterceptor(ValidatingResponseInterceptor.failing(contract));
            DevServerJobsApi jobs = new DevServerJobsApi(client);
            JsonNode page = example(contract, "listDevServerJobs", "200");
            assertEquals(page.at("/data/0/id").asText(), jobs.listDevServerJobs("p1", null, null, null, null, null).getData().get(0).getId());
            JsonNode details = example(contract, "showDevServerJob", "200");
            assertEquals(details.get("id").asText(), jobs.showDevServerJob("p1", details.get("id").asText()).getId());
            assertEquals(2, jobs.listDevServerJobTemplates("p1", null, null, null).getData().size());
            DevServerJobCreateRequest create = JSON.treeToValue(example(contract, "createDevServerJob", DocumentedExample.REQUEST),
                    DevServerJobCreateRequest.class);
            assertEquals("PROCESSING", jobs.createDevServerJob("p1", create).getStatus());
            ServerJobDeleteRequest delete = JSON.treeToValue(example(contract, "deleteDevServerJobs", DocumentedExample.REQUEST),
                    ServerJobDeleteRequest.class);
            assertEquals(1, jobs.deleteDevServerJobs("p1", delete).getTotal());

            String report = probe(contract, prism.baseUri(), "--param", "project_id=p1", "--param", "id=" + details.get("id").asText());
            // Prism answers the two detail operations with their examples whatever the id, so all five reads pass.
            assertTrue(report.contains("5 passed, 0 failed, 2 skipped"), report);
        }
    }
}
