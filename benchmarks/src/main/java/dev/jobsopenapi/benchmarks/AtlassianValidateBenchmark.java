package dev.jobsopenapi.benchmarks;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.jobsopenapi.specs.BundledSpec;
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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Atlassian's swagger-request-validator (what Java users pick for this job) validating the same list bodies as
 * {@link ValidateBenchmark}, against the same bundled spec. Its cost grows faster than the body, so each size is
 * timed as single shots (one warm-up, three measured) rather than as timed iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class AtlassianValidateBenchmark {

    @Param({"1000", "10000", "100000"})
    public int jobs;

    @Param({"modelarts", "openyuanrong"})
    public String api;

    private OpenApiInteractionValidator validator;
    private String path;
    private String body;

    @Setup
    public void setUp() throws Exception {
        boolean modelArts = api.equals("modelarts");
        body = modelArts ? Bodies.modelArtsList(jobs) : Bodies.openYuanrongList(jobs);
        try (InputStream in = (modelArts ? BundledSpec.MODELARTS_DEVSERVER_JOBS : BundledSpec.OPENYUANRONG_JOBS).open()) {
            validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .build();
        }
        path = modelArts ? "/v1/0f8c1e2d3b4a5c6d7e8f9a0b1c2d3e4f/dev-servers/jobs" : "/api/jobs";
        if (jobs <= 1000) {
            ValidationReport report = swaggerRequestValidator();
            if (report.hasErrors()) {
                throw new IllegalStateException("swagger-request-validator faults the generated body: " + report.getMessages());
            }
        }
    }

    @Benchmark
    public ValidationReport swaggerRequestValidator() {
        return validator.validateResponse(path, Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build());
    }
}
