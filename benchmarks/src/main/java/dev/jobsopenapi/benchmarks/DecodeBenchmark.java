package dev.jobsopenapi.benchmarks;

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

import java.util.concurrent.TimeUnit;

/**
 * Decoding a job list (a ModelArts page, an openYuanrong list): the generated client's models (with the shared
 * {@code Timestamp}) read by the client's own mapper, with and without Blackbird registered, next to plain untyped
 * Jackson databind of the same text ({@link ListDecoding}). Each runs in JVMs and periods of its own; {@link DecodeSideBySide} measures the ratio
 * with both in one JVM, side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class DecodeBenchmark {

    @Param({"1000", "10000", "100000"})
    public int jobs;

    @Param({"modelarts", "openyuanrong"})
    public String api;

    private String body;
    private ListDecoding decoding;

    @Setup
    public void setUp() {
        decoding = new ListDecoding(api);
        body = decoding.body(jobs);
    }

    /** Into the generated models, with the client's own mapper (as {@code listJobs} and {@code listDevServerJobs} decode). */
    @Benchmark
    public Object generatedModels() throws Exception {
        return decoding.generatedModels(body);
    }

    /** Into the generated models, with Blackbird registered on the client's mapper. */
    @Benchmark
    public Object generatedModelsWithBlackbird() throws Exception {
        return decoding.generatedModelsWithBlackbird(body);
    }

    /** Plain, untyped databind of the same text (maps, lists, strings and numbers). */
    @Benchmark
    public Object plainDatabind() throws Exception {
        return decoding.plainDatabind(body);
    }
}
