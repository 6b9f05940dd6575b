package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * Reads a response or request body as exactly one JSON document, strictly: a body that is not (empty, not
 * UTF-8, a byte-order mark, trailing text, several documents, a key twice in one object, {@code NaN}, nesting
 * beyond {@link #MAX_NESTING_DEPTH}) gives a {@link Violation} that says why, never an exception.
 */
final class JsonBody {

    /** How deep arrays and objects may nest; deeper bodies are reported, not validated. */
    static final int MAX_NESTING_DEPTH = 1000;

    private static final ObjectMapper STRICT = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A parsed document, or why the body is not one. */
    record Parsed(Optional<JsonNode> node, Optional<Violation> problem) {
        static Parsed of(JsonNode node) {
            return new Parsed(Optional.of(node), Optional.empty());
        }

        static Parsed problem(String keyword, String pointer, String message) {
            return new Parsed(Optional.empty(), Optional.of(new Violation(pointer, "(body)", keyword, message)));
        }
    }

    private JsonBody() {
    }

    /** Decodes the bytes as UTF-8 (the encoding JSON text is exchanged in) and parses them. */
    static Parsed parse(byte[] body) {
        if (body == null || body.length == 0) {
            return parse("");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            return parse(decoder.decode(bytes).toString());
        } catch (CharacterCodingException e) {
            return Parsed.problem("encoding", "", "the body is not valid UTF-8 (at byte " + bytes.position() + ")");
        }
    }

    /** Parses the text as exactly one JSON document. */
    static Parsed parse(String body) {
        if (body == null || body.isBlank()) {
            return Parsed.problem("json", "", "the body is empty; a JSON document was expected");
        }
        if (body.charAt(0) == '\uFEFF') {
            return Parsed.problem("encoding", "", "the body starts with a byte-order mark (U+FEFF), which JSON text must not"
                    + " (RFC 8259, section 8.1)");
        }
        try (JsonParser parser = STRICT.createParser(body)) {
            JsonNode node = STRICT.readTree(parser);
            if (node == null) {
                return Parsed.problem("json", "", "the body is empty; a JSON document was expected");
            }
            JsonToken next = parser.nextToken();
            if (next != null) {
                return Parsed.problem("json", "", "the body holds more than one JSON document (another starts at "
                        + where(parser.currentTokenLocation()) + ")");
            }
            return Parsed.of(node);
        } catch (StreamConstraintsException e) {
            String message = firstLine(e.getOriginalMessage());
            return Parsed.problem("json", "", message.contains("nesting depth")
                    ? "the body nests deeper than " + MAX_NESTING_DEPTH + " levels, beyond what the checker reads"
                    : "the body is beyond what the checker reads: " + message.replaceAll(" \\(from `.*", ""));
        } catch (JsonProcessingException e) {
            String message = firstLine(e.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                String pointer = e.getProcessor() instanceof JsonParser p ? p.getParsingContext().pathAsPointer().toString() : "";
                return Parsed.problem("duplicate-key", pointer, "a key appears twice in one object (" + message
                        + "); readers differ in which value they keep, so the body is ambiguous");
            }
            if (message.startsWith("Non-standard token")) {
                message = message.replaceAll(":.*", "") + " (NaN and Infinity are not JSON numbers)";
            }
            return Parsed.problem("json", "", "the body is not JSON: " + message + where(e.getLocation(), " at "));
        } catch (IOException | RuntimeException e) {
            return Parsed.problem("json", "", "the body is not JSON: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    /** How deep the arrays and objects of a tree nest, counted without recursion. */
    static int depth(JsonNode root) {
        int deepest = 0;
        Deque<Iterator<JsonNode>> stack = new ArrayDeque<>();
        if (root != null && root.isContainerNode()) {
            stack.push(root.elements());
            deepest = 1;
        }
        while (!stack.isEmpty()) {
            Iterator<JsonNode> children = stack.peek();
            if (!children.hasNext()) {
                stack.pop();
                continue;
            }
            JsonNode child = children.next();
            if (child != null && child.isContainerNode()) {
                stack.push(child.elements());
                deepest = Math.max(deepest, stack.size());
                if (deepest > MAX_NESTING_DEPTH) {
                    return deepest;
                }
            }
        }
        return deepest;
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown place" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String where(JsonLocation location, String prefix) {
        return location == null ? "" : prefix + where(location);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
