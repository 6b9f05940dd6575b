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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * A client's own work per call, without the network: the same {@code GET /api/jobs/{id}} as
 * {@link ClientCallBenchmark}, answered at once in the calling thread by {@link CannedHttpClient} with the
 * answer the reference server gave (recorded at setup). What the generated client adds to a call over raw
 * {@code java.net.http} + Jackson is the difference between these figures, measured without loopback's noise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientOverheadBenchmark {

    private JobCall call;

    @Setup(Level.Trial)
    public void record() throws Exception {
        HttpResponse<byte[]> answer;
        String baseUri;
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            baseUri = server.baseUri().toString();
            answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUri + "/api/jobs/" + JobCall.JOB))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the reference server answered " + answer.statusCode());
        }
        CannedHttpClient canned = new CannedHttpClient(answer.statusCode(), answer.headers(), answer.body());
        call = new JobCall(baseUri, canned.builder(), canned, canned);
    }

    @Benchmark
    public JobDetails generatedClient() throws Exception {
        return call.generated();
    }

    @Benchmark
    public JobDetails rawJavaNetHttp() throws Exception {
        return call.raw();
    }

    @Benchmark
    public JobDetails rawJavaNetHttpStreamed() throws Exception {
        return call.rawStreamed();
    }
}
