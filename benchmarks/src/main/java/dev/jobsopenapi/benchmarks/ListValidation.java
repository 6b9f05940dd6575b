package dev.jobsopenapi.benchmarks;

import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ValidationResult;

import java.util.List;
import java.util.Map;

/**
 * The ways of checking one API's generated job list from its text that are compared: this library
 * ({@code ApiContract.validateResponse}), the same with a fault in the last job, a plain Jackson {@code readTree}
 * (the floor) and the networknt validator called directly on the same schema. The constructor proves that the
 * body conforms and that the faulty one has exactly the one violation put in it.
 */
final class ListValidation {

    private final ApiContract contract;
    private final String operationId;
    private final String body;
    private final String faultyBody;
    private final ObjectMapper json = new ObjectMapper();
    private final Schema direct;

    /** @param api {@code modelarts} or {@code openyuanrong} */
    ListValidation(String api, int jobs) {
        boolean modelArts = Bodies.isModelArts(api);
        contract = ApiContract.bundled(Bodies.spec(api));
        operationId = modelArts ? "listDevServerJobs" : "listJobs";
        body = Bodies.list(api, jobs);
        direct = directSchema("urn:benchmark:" + api);
        ValidationResult check = library();
        if (!check.isValid()) {
            throw new IllegalStateException("the generated body does not conform: " + check);
        }
        JsonNode faulty = readTreeOnly();
        JsonNode list = modelArts ? faulty.get("data") : faulty;
        ((ObjectNode) list.get(jobs - 1)).put("status", 7);
        faultyBody = faulty.toString();
        String at = (modelArts ? "/data/" : "/") + (jobs - 1) + "/status";
        ValidationResult fault = libraryLastJobFaulty();
        if (fault.violations().size() != 1 || !fault.violations().get(0).pointer().equals(at)) {
            throw new IllegalStateException("expected one violation at " + at + ": " + fault);
        }
    }

    /** The list operation's 200 response schema, compiled by networknt from the whole document. */
    private Schema directSchema(String iri) {
        try {
            String document = json.writeValueAsString(contract.document());
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                    builder -> builder.schemas(Map.of(iri, document)));
            String pointer = contract.operation(operationId).orElseThrow().pointer()
                    + "/responses/200/content/application~1json/schema";
            return registry.getSchema(SchemaLocation.of(iri + "#" + pointer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body's length in characters. */
    int length() {
        return body.length();
    }

    /** The conforming body that every way checks. */
    String body() {
        return body;
    }

    ValidationResult library() {
        return contract.validateResponse(Target.operation(operationId), "200", "application/json", Body.of(body));
    }

    /** The same body with a wrong-typed status in its last job: the first pass reads it all, then the full check. */
    ValidationResult libraryLastJobFaulty() {
        return contract.validateResponse(Target.operation(operationId), "200", "application/json", Body.of(faultyBody));
    }

    JsonNode readTreeOnly() {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<?> networkntDirect() {
        return direct.validate(readTreeOnly());
    }
}
