package dev.jobsopenapi.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ValidationResult;
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

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Validating a list body from its text: this library ({@code ApiContract.validateResponse}), next to a plain
 * Jackson {@code readTree} of the same text (the floor), the networknt validator called directly on the same
 * schema (what the library adds on top of it). {@link AtlassianValidateBenchmark} measures swagger-request-validator
 * on the same bodies.
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

    private ApiContract contract;
    private String operationId;
    private String body;
    private String faultyBody;
    private ObjectMapper json;
    private Schema direct;

    @Setup
    public void setUp() throws Exception {
        boolean modelArts = api.equals("modelarts");
        contract = ApiContract.bundled(modelArts ? BundledSpec.MODELARTS_DEVSERVER_JOBS : BundledSpec.OPENYUANRONG_JOBS);
        operationId = modelArts ? "listDevServerJobs" : "listJobs";
        body = modelArts ? Bodies.modelArtsList(jobs) : Bodies.openYuanrongList(jobs);
        json = new ObjectMapper();
        String iri = "urn:benchmark:" + api;
        String document = json.writeValueAsString(contract.document());
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(iri, document)));
        String pointer = contract.operation(operationId).orElseThrow().pointer()
                + "/responses/200/content/application~1json/schema";
        direct = registry.getSchema(SchemaLocation.of(iri + "#" + pointer));
        ValidationResult check = contract.validateResponse(operationId, "200", "application/json", body);
        if (!check.isValid()) {
            throw new IllegalStateException("the generated body does not conform: " + check);
        }
        JsonNode faulty = json.readTree(body);
        JsonNode list = modelArts ? faulty.get("data") : faulty;
        ((ObjectNode) list.get(jobs - 1)).put("status", 7);
        faultyBody = faulty.toString();
        String at = (modelArts ? "/data/" : "/") + (jobs - 1) + "/status";
        ValidationResult fault = contract.validateResponse(operationId, "200", "application/json", faultyBody);
        if (fault.violations().size() != 1 || !fault.violations().get(0).pointer().equals(at)) {
            throw new IllegalStateException("expected one violation at " + at + ": " + fault);
        }
    }

    @Benchmark
    public ValidationResult library() {
        return contract.validateResponse(operationId, "200", "application/json", body);
    }

    /** The same body with a wrong-typed status in its last job: the first pass reads it all, then the full check. */
    @Benchmark
    public ValidationResult libraryLastJobFaulty() {
        return contract.validateResponse(operationId, "200", "application/json", faultyBody);
    }

    @Benchmark
    public JsonNode readTreeOnly() throws Exception {
        return json.readTree(body);
    }

    @Benchmark
    public List<?> networkntDirect() throws Exception {
        return direct.validate(json.readTree(body));
    }
}
