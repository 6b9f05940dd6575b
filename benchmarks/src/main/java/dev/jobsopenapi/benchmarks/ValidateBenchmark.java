package dev.jobsopenapi.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.conformance.ValidationResult;
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
import java.util.concurrent.TimeUnit;

/**
 * Validating a list body from its text: this library ({@code ApiContract.validateResponse}), next to a plain
 * Jackson {@code readTree} of the same text (the floor), the networknt validator called directly on the same
 * schema (what the library adds on top of it), all from {@link ListValidation}. {@link AtlassianValidateBenchmark}
 * measures swagger-request-validator on the same bodies; {@link ValidateSideBySide} measures the ratios with all
 * of them in one JVM, side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ValidateBenchmark {

    @Param({"1000", "10000", "100000"})
    public int jobs;

    @Param({"modelarts", "openyuanrong"})
    public String api;

    private ListValidation validation;

    @Setup
    public void setUp() {
        validation = new ListValidation(api, jobs);
    }

    @Benchmark
    public ValidationResult library() {
        return validation.library();
    }

    /** The same body with a wrong-typed status in its last job: the first pass reads it all, then the full check. */
    @Benchmark
    public ValidationResult libraryLastJobFaulty() {
        return validation.libraryLastJobFaulty();
    }

    @Benchmark
    public JsonNode readTreeOnly() {
        return validation.readTreeOnly();
    }

    @Benchmark
    public List<?> networkntDirect() {
        return validation.networkntDirect();
    }
}
