package dev.jobsopenapi.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsopenapi.openyuanrong.client.model.JobDetails;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Decoding an openYuanrong job list: the generated client's models (with the shared {@code Timestamp}) read by
 * the client's own mapper, next to plain Jackson databind of the same text into maps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {

    @Param({"1000", "10000", "100000"})
    public int jobs;

    private String body;
    private ObjectMapper client;
    private ObjectMapper plain;

    @Setup
    public void setUp() {
        body = Bodies.openYuanrongList(jobs);
        client = new dev.jobsopenapi.openyuanrong.client.ApiClient().getObjectMapper();
        plain = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Benchmark
    public List<JobDetails> generatedModels() throws Exception {
        return client.readValue(body, new TypeReference<List<JobDetails>>() { });
    }

    @Benchmark
    public List<Map<String, Object>> plainDatabind() throws Exception {
        return plain.readValue(body, new TypeReference<List<Map<String, Object>>>() { });
    }
}
