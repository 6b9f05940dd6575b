package dev.jobsopenapi.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.openyuanrong.client.ApiClient;
import dev.jobsopenapi.openyuanrong.client.api.JobsApi;
import dev.jobsopenapi.openyuanrong.client.model.JobDetails;
import dev.jobsopenapi.reference.ReferenceServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * One call on loopback to the reference (mock) server: the generated client next to raw {@code java.net.http}
 * plus Jackson doing the same work (the same GET, the body read into the same model), each with the server's
 * TCP_NODELAY on (as {@code ReferenceServer} starts it) and off (the JDK's default), to show what Nagle's
 * algorithm costs every call. Loopback latency on a small machine has a long tail, so calls are sampled and the
 * median (p0.50) is the figure to compare. Each benchmark runs in a JVM and a period of its own, so drift on the
 * machine moves the ratio between them; {@link ClientCallsSideBySide} measures the ratio with the calls
 * interleaved, and {@link ClientOverheadBenchmark} each client's own work without the network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ClientCallBenchmark {

    private static final String JOB = "app-fe4ee1e5-d24f-4236-be15-7654e3c2229b";

    /** The server's {@code sun.net.httpserver.nodelay}, set before it starts. */
    @Param({"true", "false"})
    public String nodelay;

    private ReferenceServer server;
    private JobsApi generated;
    private HttpClient raw;
    private HttpRequest rawRequest;
    private ObjectMapper json;

    @Setup(Level.Trial)
    public void start() {
        System.setProperty("sun.net.httpserver.nodelay", nodelay);
        server = ReferenceServer.start("127.0.0.1", 0);
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.openYuanrongBaseUri().toString());
        generated = new JobsApi(client);
        raw = HttpClient.newHttpClient();
        rawRequest = HttpRequest.newBuilder(URI.create(server.baseUri() + "/api/jobs/" + JOB))
                .header("Accept", "application/json").GET().build(); // the request the generated client sends
        json = client.getObjectMapper();
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    @Benchmark
    public JobDetails generatedClient() throws Exception {
        return generated.getJob(JOB);
    }

    @Benchmark
    public JobDetails rawJavaNetHttp() throws Exception {
        HttpResponse<byte[]> response = raw.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray());
        return json.readValue(response.body(), JobDetails.class);
    }

    /** The raw call with the body handler the generated client uses (a stream), to see what that costs. */
    @Benchmark
    public JobDetails rawJavaNetHttpStreamed() throws Exception {
        HttpResponse<java.io.InputStream> response = raw.send(rawRequest, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            return json.readValue(body.readAllBytes(), JobDetails.class);
        }
    }
}
