package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.InputStream;
import java.util.Objects;

/**
 * A request or response body to check, in whichever form the caller has it: text, the bytes that went over the
 * wire (UTF-8), a stream (read once, to its end, in memory bounded by the largest element of a list; not closed),
 * or an already parsed tree. {@link #none()} is a message without a body.
 *
 * <p>Text and bytes are not copied: leave them unchanged while they are checked.
 */
public final class Body {

    /** Which form a body is in. */
    enum Form { NONE, TEXT, BYTES, STREAM, TREE }

    private static final Body NONE = new Body(Form.NONE, null);

    private final Form form;
    private final Object content;

    private Body(Form form, Object content) {
        this.form = form;
        this.content = content;
    }

    /** A body given as text. */
    public static Body of(String text) {
        return new Body(Form.TEXT, Objects.requireNonNull(text, "text"));
    }

    /** A body given as the bytes a client or server sent; bytes that are not UTF-8 are a violation. */
    public static Body of(byte[] bytes) {
        return new Body(Form.BYTES, Objects.requireNonNull(bytes, "bytes"));
    }

    /**
     * A body read from a stream (a socket, a captured file). The check reads it to its end, or only up to the first
     * thing that makes it no JSON document (a stream may never end), and leaves it open; a failure to read it is
     * thrown as an {@link java.io.UncheckedIOException} by the check.
     */
    public static Body of(InputStream stream) {
        return new Body(Form.STREAM, Objects.requireNonNull(stream, "stream"));
    }

    /** A body already parsed (a JSON {@code null} is a {@code NullNode}). */
    public static Body of(JsonNode tree) {
        return new Body(Form.TREE, Objects.requireNonNull(tree, "tree"));
    }

    /** No body at all (for a request: none was sent; for a response: an empty one). */
    public static Body none() {
        return NONE;
    }

    /** True for {@link #none()}. */
    public boolean isNone() {
        return form == Form.NONE;
    }

    Form form() {
        return form;
    }

    String text() {
        return (String) content;
    }

    byte[] bytes() {
        return (byte[]) content;
    }

    InputStream stream() {
        return (InputStream) content;
    }

    JsonNode tree() {
        return (JsonNode) content;
    }

    /** The form, for example {@code Body(text, 120 chars)}; never the content itself. */
    @Override
    public String toString() {
        return switch (form) {
            case NONE -> "Body(none)";
            case TEXT -> "Body(text, " + text().length() + " chars)";
            case BYTES -> "Body(bytes, " + bytes().length + " bytes)";
            case STREAM -> "Body(stream)";
            case TREE -> "Body(tree)";
        };
    }
}
