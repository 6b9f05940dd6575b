package dev.jobsopenapi.benchmarks;

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

import java.net.http.HttpClient;
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

    /** The server's {@code sun.net.httpserver.nodelay}, set before it starts. */
    @Param({"true", "false"})
    public String nodelay;

    private ReferenceServer server;
    private JobCall call;

    @Setup(Level.Trial)
    public void start() {
        System.setProperty("sun.net.httpserver.nodelay", nodelay);
        server = ReferenceServer.start("127.0.0.1", 0);
        HttpClient raw = HttpClient.newHttpClient(); // each benchmark makes calls one way only
        call = new JobCall(server.baseUri().toString(), HttpClient.newBuilder(), raw, raw);
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    @Benchmark
    public JobDetails generatedClient() throws Exception {
        return call.generated();
    }

    @Benchmark
    public JobDetails rawJavaNetHttp() throws Exception {
        return call.raw();
    }

    /** The raw call with the body handler the generated client uses (a stream), to see what that costs. */
    @Benchmark
    public JobDetails rawJavaNetHttpStreamed() throws Exception {
        return call.rawStreamed();
    }
}
