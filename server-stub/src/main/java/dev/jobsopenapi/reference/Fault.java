package dev.jobsopenapi.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One way the mock server misbehaves for one operation, so that a client's or a checker's handling of a bad answer
 * can be tested: answer another status, answer another body, drop a field, change a field's JSON type, or wait
 * before answering. Set on a running server with {@link Faults#inject}; on the command line as
 * {@code --fault OPERATION_ID=KIND:ARGUMENT} ({@link #parse}).
 *
 * @param kind     what the fault does
 * @param argument its argument as written: a status, a JSON body, a JSON pointer into the answer, or a duration
 */
public record Fault(Kind kind, String argument) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a fault does to the answer. */
    public enum Kind {
        /** Answers with this status code instead (the body stays). */
        STATUS,
        /** Answers with this JSON body instead (the status stays). */
        BODY,
        /** Leaves out the member at this JSON pointer ({@code /data/0/id}). */
        DROP,
        /**
         * Changes the JSON type of the value at this pointer: a number or a boolean becomes a string of the same text,
         * a string a number (its digits, or its length when it holds none), an object or an array the string of its JSON.
         */
        RETYPE,
        /** Waits this long before answering ({@code 500ms}, {@code 2s} or ISO-8601 {@code PT2S}). */
        DELAY
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(argument, "argument");
        switch (kind) {
            case STATUS -> statusOf(argument);
            case BODY -> bodyOf(argument);
            case DROP, RETYPE -> pointerOf(argument);
            case DELAY -> delayOf(argument);
        }
    }

    /** Answers with this status code instead. */
    public static Fault status(int code) {
        return new Fault(Kind.STATUS, Integer.toString(code));
    }

    /** Answers with this JSON body instead. */
    public static Fault body(String json) {
        return new Fault(Kind.BODY, json);
    }

    /** Leaves out the member at the JSON pointer. */
    public static Fault drop(String pointer) {
        return new Fault(Kind.DROP, pointer);
    }

    /** Changes the JSON type of the value at the JSON pointer (see {@link Kind#RETYPE}). */
    public static Fault retype(String pointer) {
        return new Fault(Kind.RETYPE, pointer);
    }

    /** Waits this long before answering. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, delay.toString());
    }

    /**
     * Reads {@code KIND:ARGUMENT}: {@code status:503}, {@code body:{"data":[]}}, {@code drop:/data/0/id},
     * {@code retype:/data/0/create_at}, {@code delay:2s}.
     *
     * @throws IllegalArgumentException naming what is wrong and the forms it takes
     */
    public static Fault parse(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        try {
            return new Fault(Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT)), colon < 0 ? "" : text.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a fault: '" + text + "' (" + (e.getMessage() == null
                    || e.getMessage().startsWith("No enum constant") ? "the kinds are status, body, drop, retype and delay" : e.getMessage())
                    + "; for example status:503, body:{\"data\":[]}, drop:/data/0/id, retype:/data/0/create_at, delay:2s)");
        }
    }

    int statusCode() {
        return statusOf(argument);
    }

    JsonNode bodyJson() {
        return bodyOf(argument);
    }

    JsonPointer jsonPointer() {
        return pointerOf(argument);
    }

    Duration duration() {
        return delayOf(argument);
    }

    private static int statusOf(String text) {
        try {
            int code = Integer.parseInt(text.strip());
            if (code >= 100 && code <= 599) {
                return code;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("a status is a number from 100 to 599, not '" + text + "'");
    }

    private static JsonNode bodyOf(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a body is JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonPointer pointerOf(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a field is named by a JSON pointer such as /data/0/id, not '" + text + "'");
        }
        return JsonPointer.compile(text);
    }

    private static Duration delayOf(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d = t.startsWith("pt") ? Duration.parse(t)
                    : t.endsWith("ms") ? Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)))
                    : t.endsWith("s") ? Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)))
                    : null;
            if (d != null && !d.isNegative()) {
                return d;
            }
        } catch (RuntimeException e) {
            // below
        }
        throw new IllegalArgumentException("a delay is written 500ms, 2s or PT2S, not '" + text + "'");
    }
}
