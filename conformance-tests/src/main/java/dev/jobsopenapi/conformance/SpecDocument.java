package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.jobsopenapi.specs.SpecTree;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One OpenAPI 3.0 document as read from YAML or JSON: its tree, the nodes its JSON pointers name (local
 * {@code $ref}s followed where asked), and how a pointer is shown to users ({@code <spec>.yaml#<pointer>}).
 */
final class SpecDocument {

    private static final ObjectMapper YAML = new YAMLMapper();

    private final String name;
    private final JsonNode root;

    private SpecDocument(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    /**
     * Reads a document.
     *
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it is not YAML or JSON, or not an OpenAPI 3.0 document
     */
    static SpecDocument read(String name, InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not YAML or JSON: " + e.getOriginalMessage());
        }
        return of(name, root, source);
    }

    /**
     * A document given as a tree (kept, not copied).
     *
     * @throws IllegalArgumentException when it is not an OpenAPI 3.0 document
     */
    static SpecDocument of(String name, JsonNode root) {
        return of(name, root, name);
    }

    private static SpecDocument of(String name, JsonNode root, String source) {
        if (root == null || !root.isObject() || !root.path("openapi").asText().startsWith("3.0")) {
            throw new IllegalArgumentException(source + " is not an OpenAPI 3.0 document (no 'openapi: 3.0.x' at its top)");
        }
        return new SpecDocument(name, root);
    }

    /** A copy in which the schema node at the pointer is replaced by the given schema (its description kept). */
    SpecDocument withSchemaAt(String pointer, JsonNode schema) {
        JsonNode copy = root.deepCopy();
        JsonNode target = copy.at(pointer);
        if (!target.isObject() || !schema.isObject()) {
            throw new IllegalArgumentException("No schema object at " + location(pointer) + " or in " + schema);
        }
        ObjectNode node = (ObjectNode) target;
        JsonNode description = node.get("description");
        node.removeAll();
        node.setAll((ObjectNode) schema.deepCopy());
        if (description != null) {
            node.set("description", description);
        }
        return new SpecDocument(name, copy);
    }

    String name() {
        return name;
    }

    JsonNode root() {
        return root;
    }

    /** The node at the pointer, or a missing node. */
    JsonNode at(String pointer) {
        return root.at(pointer);
    }

    /** Follows local {@code $ref}s from the node at the pointer, and returns the pointer of the target. */
    String resolve(String pointer) {
        try {
            return SpecTree.resolve(root, pointer);
        } catch (IllegalStateException cycle) {
            throw new IllegalStateException("$ref cycle at " + location(pointer));
        }
    }

    /** How a place in the spec is shown: {@code <spec>.yaml#<pointer>}. */
    String location(String pointer) {
        return name + ".yaml#" + pointer;
    }

    static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        node.fields().forEachRemaining(list::add);
        return list;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** Escapes one JSON pointer segment (RFC 6901). */
    static String escape(String segment) {
        return SpecTree.escape(segment);
    }
}
