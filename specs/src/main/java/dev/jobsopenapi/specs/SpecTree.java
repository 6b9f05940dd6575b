package dev.jobsopenapi.specs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can be read from an OpenAPI 3.0 document's tree without a validator, in one place for everything that
 * reads it (the conformance checker, the reference server): its operations' routes, its embedded examples (each media type's
 * {@code example} and each of its {@code examples}, request body first, then the responses, in document order), and
 * its local {@code $ref}s to responses, request bodies and examples. Needs {@code jackson-databind} on the classpath.
 */
public final class SpecTree {

    /** The status of a request body example. */
    public static final String REQUEST = "request";

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /**
     * One embedded example.
     *
     * @param operationId the operation it documents (or {@code "METHOD /path"} when the operation has no id)
     * @param method      the HTTP method, upper case
     * @param path        the templated path
     * @param status      the response status key, or {@link #REQUEST}
     * @param mediaType   the media type
     * @param name        its key under {@code examples}, or {@code example} for a lone {@code example}
     * @param pointer     JSON pointer of the value in the document
     * @param source      its {@code x-example-source}, empty when none
     * @param value       the value (part of the document's tree: copy it before changing it)
     */
    public record Example(String operationId, String method, String path, String status, String mediaType, String name,
                          String pointer, String source, JsonNode value) {
    }

    /**
     * One operation's route.
     *
     * @param operationId  its {@code operationId} (or {@code "METHOD /path"} when it has none)
     * @param method       the HTTP method, upper case
     * @param pathTemplate the templated path, for example {@code /api/jobs/{submission_id}}
     * @param pointer      JSON pointer of the operation object in the document
     */
    public record Route(String operationId, String method, String pathTemplate, String pointer) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

        /** The names of the template's path variables, in order. */
        public List<String> pathVariables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pathTemplate);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /**
         * The percent-decoded path variables of a concrete path (no query string) the template matches, by the one rule
         * of {@link RequestTarget} (a path that does not normalise cleanly matches nothing). To find which of several
         * operations serves a path, ask a {@link RouteTable}, compiled once.
         */
        public Optional<Map<String, String>> match(String path) {
            RouteTable alone = RouteTable.of(this);
            Resolution r = alone.resolve(method, RequestTarget.of(path, null));
            return r.matched() ? Optional.of(r.pathParameters()) : Optional.empty();
        }
    }

    private SpecTree() {
    }

    /** Every operation of the document, in document order. */
    public static List<Route> routes(JsonNode document) {
        List<Route> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    String upper = method.toUpperCase(Locale.ROOT);
                    found.add(new Route(operation.path("operationId").asText(upper + " " + path.getKey()), upper,
                            path.getKey(), "/paths/" + escape(path.getKey()) + "/" + method));
                }
            }
        }
        return List.copyOf(found);
    }

    /** The bundled spec's document, read from its JSON form. */
    public static JsonNode document(BundledSpec spec) {
        try (InputStream in = spec.openJson()) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + spec.jsonResourcePath(), e);
        }
    }

    /** Every example the document embeds, in document order (for each operation: request body, then responses). */
    public static List<Example> examples(JsonNode document) {
        List<Example> found = new ArrayList<>();
        for (Route op : routes(document)) {
            add(document, op, REQUEST, resolve(document, op.pointer() + "/requestBody") + "/content", found);
            for (Iterator<String> statuses = document.at(op.pointer() + "/responses").fieldNames(); statuses.hasNext(); ) {
                String status = statuses.next();
                add(document, op, status, resolve(document, op.pointer() + "/responses/" + escape(status)) + "/content", found);
            }
        }
        return List.copyOf(found);
    }

    /** Follows local {@code $ref}s from the node at the pointer, and returns the pointer of the target. */
    public static String resolve(JsonNode document, String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 16; hops++) {
            JsonNode ref = document.at(current).get("$ref");
            if (ref == null || !ref.isTextual() || !ref.asText().startsWith("#")) {
                return current;
            }
            current = ref.asText().substring(1);
        }
        throw new IllegalStateException("$ref cycle at " + pointer);
    }

    /** Escapes one JSON pointer segment (RFC 6901). */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static void add(JsonNode document, Route op, String status, String contentPointer, List<Example> into) {
        for (Iterator<Map.Entry<String, JsonNode>> media = document.at(contentPointer).fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            String mediaPointer = contentPointer + "/" + escape(type.getKey());
            if (type.getValue().has("example")) {
                into.add(new Example(op.operationId(), op.method(), op.pathTemplate(), status, type.getKey(), "example",
                        mediaPointer + "/example", "", type.getValue().get("example")));
            }
            for (Iterator<String> names = type.getValue().path("examples").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String examplePointer = resolve(document, mediaPointer + "/examples/" + escape(name));
                JsonNode example = document.at(examplePointer);
                if (example.has("value")) {
                    into.add(new Example(op.operationId(), op.method(), op.pathTemplate(), status, type.getKey(), name,
                            examplePointer + "/value", example.path("x-example-source").asText(""), example.get("value")));
                }
            }
        }
    }
}
