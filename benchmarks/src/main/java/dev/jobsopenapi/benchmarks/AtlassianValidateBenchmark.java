package dev.jobsopenapi.benchmarks;

import com.atlassian.oai.validator.report.ValidationReport;
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
 * swagger-request-validator ({@link AtlassianValidation}) checking the same list bodies as {@link ValidateBenchmark},
 * warmed up as long as this library is: one call of it on a 100,000-job list takes seconds, and its first calls
 * take up to twice as long as later ones, so iterations last 10 s. {@link ValidateSideBySide} measures the ratio
 * with it and this library in one JVM, side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class AtlassianValidateBenchmark {

    @Param({"1000", "10000", "100000"})
    public int jobs;

    @Param({"modelarts", "openyuanrong"})
    public String api;

    private AtlassianValidation validation;
    private String body;

    @Setup
    public void setUp() {
        validation = new AtlassianValidation(api);
        body = Bodies.list(api, jobs);
    }

    @Benchmark
    public ValidationReport swaggerRequestValidator() {
        return validation.validate(body);
    }
}
