package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a response or request body as exactly one JSON document, strictly: a body that is not (empty, not
 * UTF-8, a byte-order mark, trailing text, several documents, a key twice in one object, {@code NaN}, nesting
 * beyond {@link #MAX_NESTING_DEPTH}) gives a {@link Violation} that says why, never an exception.
 */
final class JsonBody {

    /** How deep arrays and objects may nest; deeper bodies are reported, not validated. */
    static final int MAX_NESTING_DEPTH = 1000;

    /** The strict reader of bodies and of the values in them. */
    static final ObjectMapper TREES = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .build())
            // Keys twice in one object are found as the tree is built (at no cost), not by the parser's own
            // detection, which keeps a set of every object's names.
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE) // the caller's stream: read to its end, not closed
            .build();

    /** A parsed document, or why the body is not one. */
    record Parsed(Optional<JsonNode> node, Optional<Violation> problem) {
        static Parsed of(JsonNode node) {
            return new Parsed(Optional.of(node), Optional.empty());
        }
    }

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '.*?'(?= for `|$)");

    private JsonBody() {
    }

    /** Decodes the bytes as UTF-8 (the encoding JSON text is exchanged in) and parses them. */
    static Parsed parse(byte[] body) {
        return parse(new Utf8Input(new ByteArrayInputStream(body == null ? new byte[0] : body)));
    }

    /** Parses the text as exactly one JSON document. */
    static Parsed parse(String body) {
        return parse(new StringReader(body == null ? "" : body));
    }

    private static Parsed parse(Reader body) {
        JsonNode[] tree = new JsonNode[1];
        try {
            Optional<Violation> problem = read(body, true, parser -> tree[0] = TREES.readTree(parser));
            return problem.map(p -> new Parsed(Optional.<JsonNode>empty(), Optional.of(p))).orElseGet(() -> Parsed.of(tree[0]));
        } catch (IOException e) {
            // Only the in-memory sources above are read here: they fail in no other way.
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the one value the parser stands on (its first token), to its last token. */
    @FunctionalInterface
    interface ValueReader {
        void read(JsonParser parser) throws IOException;
    }

    /** Thrown by a {@link ValueReader} that has its verdict: reading ends there, and nothing more is reported. */
    static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads exactly one JSON document from the characters, handing its value to {@code value} (the parser stands
     * on its first token). The first thing that makes the body no single strict JSON document is returned; with
     * {@code toTheEnd}, a byte sequence that is not UTF-8 anywhere in the body (read to its end to find one) comes
     * before anything else. Without it (a stream, which may never end), reading stops at the first problem.
     *
     * @throws IOException when the source itself cannot be read
     */
    static Optional<Violation> read(Reader body, boolean toTheEnd, ValueReader value) throws IOException {
        PushbackReader in = new PushbackReader(body, 1);
        try {
            Optional<Violation> problem = readDocument(in, value);
            if (problem.isPresent() && toTheEnd) {
                drain(in);
            }
            return problem;
        } catch (Utf8Input.Malformed e) {
            return Optional.of(notUtf8(e));
        }
    }

    private static Optional<Violation> readDocument(PushbackReader in, ValueReader value) throws IOException {
        int first = in.read();
        if (first == '\uFEFF') {
            return problem("encoding", "", "the body starts with a byte-order mark (U+FEFF), which JSON text must not"
                    + " (RFC 8259, section 8.1)");
        }
        if (first >= 0) {
            in.unread(first);
        }
        try (JsonParser parser = TREES.createParser(in)) {
            if (parser.nextToken() == null) {
                return problem("json", "", "the body is empty; a JSON document was expected");
            }
            value.read(parser);
            JsonToken next = parser.nextToken();
            if (next != null) {
                return problem("json", "", "the body holds more than one JSON document (another starts at "
                        + where(parser.currentTokenLocation()) + ")");
            }
            return Optional.empty();
        } catch (StreamConstraintsException e) {
            String message = firstLine(e.getOriginalMessage());
            return message.contains("nesting depth") ? Optional.of(tooDeep())
                    : problem("json", "", "the body is beyond what the checker reads: " + message.replaceAll(" \\(from `.*", ""));
        } catch (JsonProcessingException e) {
            String message = firstLine(e.getOriginalMessage());
            Matcher duplicate = DUPLICATE_FIELD.matcher(message);
            if (duplicate.lookingAt()) {
                String pointer = e.getProcessor() instanceof JsonParser p ? p.getParsingContext().pathAsPointer().toString() : "";
                return problem("duplicate-key", pointer, "a key appears twice in one object (" + duplicate.group()
                        + "); readers differ in which value they keep, so the body is ambiguous");
            }
            if (message.startsWith("Non-standard token")) {
                message = message.replaceAll(":.*", "") + " (NaN and Infinity are not JSON numbers)";
            }
            message = message.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
            return problem("json", "", "the body is not JSON: " + message + where(e.getLocation(), " at "));
        } catch (StopReading stop) {
            throw stop;
        } catch (RuntimeException e) {
            return problem("json", "", "the body is not JSON: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    /** Reads the value the parser stands on as a tree, to its last token (JSON {@code null} as a null node). */
    static JsonNode readValue(JsonParser parser) throws IOException {
        JsonNode node = TREES.readTree(parser);
        return node == null ? NullNode.getInstance() : node;
    }

    /**
     * The exception a reader of values throws on the second of two equal keys in one object, as the tree builder
     * throws it (call it once the value is read).
     */
    static JsonProcessingException duplicateKey(JsonParser parser, String name) {
        return new JsonParseException(parser, "Duplicate field '" + name + "'");
    }

    /** Reads the rest of the body, so that a byte sequence that is not UTF-8 after a parse problem is found. */
    private static void drain(Reader in) throws IOException {
        char[] buffer = new char[8192];
        while (in.read(buffer) >= 0) {
            // only decoding
        }
    }

    /** The violation of a body that nests deeper than {@link #MAX_NESTING_DEPTH}. */
    static Violation tooDeep() {
        return new Violation("", "(body)", "json",
                "the body nests deeper than " + MAX_NESTING_DEPTH + " levels, beyond what the checker reads");
    }

    private static Violation notUtf8(Utf8Input.Malformed e) {
        return new Violation("", "(body)", "encoding", "the body is not valid UTF-8 (at byte " + e.offset() + ")");
    }

    private static Optional<Violation> problem(String keyword, String pointer, String message) {
        return Optional.of(new Violation(pointer, "(body)", keyword, message));
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
