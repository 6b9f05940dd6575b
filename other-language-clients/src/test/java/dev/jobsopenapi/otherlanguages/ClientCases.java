package dev.jobsopenapi.otherlanguages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.conformance.FrontendJobs;
import dev.jobsopenapi.specs.BundledSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the generated clients of other languages are checked on, read from the specs: every documented example
 * of both specs, with the model its body decodes into, and every frontend job shape. Written as one JSON file
 * that the Python and TypeScript checks read.
 */
final class ClientCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientCases() {
    }

    /** How many examples, frontend job shapes and ModelArts time values the cases hold. */
    record Counts(int examples, int frontendJobs, int modelArtsTimes) {
    }

    /** Writes the cases to the file. */
    static Counts write(Path file) throws IOException {
        int times = 0;
        ObjectNode cases = JSON.createObjectNode();
        ArrayNode examples = cases.putArray("examples");
        for (BundledSpec spec : BundledSpec.values()) {
            ApiContract contract = ApiContract.bundled(spec);
            for (DocumentedExample example : contract.examples()) {
                examples.addObject().put("spec", example.spec()).put("operationId", example.operationId())
                        .put("status", example.status()).put("name", example.name())
                        .put("type", typeOf(contract, example)).set("value", example.value());
                if (spec == BundledSpec.MODELARTS_DEVSERVER_JOBS) {
                    times += example.value().findValues("create_at").size() + example.value().findValues("update_at").size();
                }
            }
        }
        ArrayNode jobs = cases.putArray("frontendJobs");
        FrontendJobs.shapes().forEach(shape -> jobs.add(FrontendJobs.job(shape, FrontendJobs.plainValues())));
        Files.createDirectories(file.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), cases);
        return new Counts(examples.size(), jobs.size(), times);
    }

    /**
     * The model an example decodes into, as the generators name it: the schema's name, {@code List[Name]} for an
     * array of one, or {@code bool} / {@code str} for a primitive (a named string schema such as the openYuanrong
     * {@code ErrorMessage} generates no model).
     */
    static String typeOf(ApiContract contract, DocumentedExample example) {
        JsonNode document = contract.document();
        String operation = contract.operation(example.operationId()).orElseThrow().pointer();
        JsonNode body = resolved(document, document.at(operation + (example.isRequest() ? "/requestBody"
                : "/responses/" + example.status())));
        JsonNode schema = body.path("content").path(example.mediaType()).path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalStateException(example + ": its operation documents no schema for it");
        }
        return typeOf(document, schema);
    }

    /** A response or request body object, following its {@code $ref}. */
    private static JsonNode resolved(JsonNode document, JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static String typeOf(JsonNode document, JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = document.at(ref.substring(1));
            String primitive = primitive(target);
            return primitive != null ? primitive : ref.substring(ref.lastIndexOf('/') + 1);
        }
        if (schema.path("type").asText().equals("array")) {
            return "List[" + typeOf(document, schema.get("items")) + "]";
        }
        String primitive = primitive(schema);
        if (primitive == null) {
            throw new IllegalStateException("an inline object schema, which generators name on their own: " + schema);
        }
        return primitive;
    }

    private static String primitive(JsonNode schema) {
        return switch (schema.path("type").asText()) {
            case "boolean" -> "bool";
            case "string" -> "str";
            default -> null;
        };
    }
}
