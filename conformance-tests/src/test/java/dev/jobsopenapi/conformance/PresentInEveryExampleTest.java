package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a schema requires nothing because no source makes a field mandatory, its {@code x-present-in-every-example}
 * says which fields every documented example carries all the same. This keeps that claim true: each documented
 * example is walked along its schema, and every object of such a schema has every listed field.
 */
class PresentInEveryExampleTest {

    private static final String EXTENSION = "x-present-in-every-example";

    @Test
    void everyListedFieldIsInEveryDocumentedExampleOfItsSchema() {
        List<String> missing = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        Set<String> marked = new LinkedHashSet<>();
        for (BundledSpec spec : BundledSpec.values()) {
            ApiContract contract = ApiContract.bundled(spec);
            JsonNode document = contract.document();
            document.path("components").path("schemas").fields().forEachRemaining(schema -> {
                if (schema.getValue().has(EXTENSION)) {
                    marked.add(contract.name() + " " + schema.getKey());
                }
            });
            for (DocumentedExample example : contract.examples()) {
                String operation = contract.operation(example.operationId()).orElseThrow().pointer();
                JsonNode body = resolve(document, document.at(operation + (example.isRequest() ? "/requestBody" : "/responses/" + example.status())));
                JsonNode schema = body.path("content").path(example.mediaType()).path("schema");
                walk(contract.name(), document, schema, example.value(), example.toString(), missing, visited);
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(visited.containsAll(marked), () -> "no example of " + marked.stream().filter(m -> !visited.contains(m)).toList());
        assertTrue(marked.size() >= 6, marked::toString);
    }

    private static void walk(String spec, JsonNode document, JsonNode schema, JsonNode value, String where,
                             List<String> missing, Set<String> visited) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = document.at(ref.substring(1));
            if (target.has(EXTENSION) && value.isObject()) {
                visited.add(spec + " " + ref.substring(ref.lastIndexOf('/') + 1));
                for (JsonNode field : target.get(EXTENSION)) {
                    if (!value.has(field.asText())) {
                        missing.add(where + ": no " + field.asText() + " in " + value);
                    }
                }
            }
            walk(spec, document, target, value, where, missing, visited);
            return;
        }
        schema.path("allOf").forEach(part -> walk(spec, document, part, value, where, missing, visited));
        if (value.isObject()) {
            schema.path("properties").fields().forEachRemaining(property -> {
                if (value.has(property.getKey())) {
                    walk(spec, document, property.getValue(), value.get(property.getKey()), where + "/" + property.getKey(), missing, visited);
                }
            });
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                walk(spec, document, schema.get("items"), value.get(i), where + "/" + i, missing, visited);
            }
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }
}
