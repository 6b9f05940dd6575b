package dev.jobsopenapi.types;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * An epoch time exactly as a job API sent it: a JSON number ({@code 1749536420547}) or a JSON string of
 * decimal digits ({@code "1755484077"}). This is the Java type of the specs' time schemas ({@code ModelArtsTime}, {@code JobTime}) in
 * both the generated client and the generated server models.
 *
 * <p><b>Liberal in what it reads.</b> The ModelArts spec types its times as JSON integers ({@code ModelArtsTime}):
 * a digit string there does not conform, and the conformance checker reports it, naming the vendor quirk
 * {@code modelarts-timestamp-number}. This type still reads a digit string wherever it stands, because the vendor
 * documents these fields as {@code String} and a client should not fail on a value its server may legitimately
 * send; the openYuanrong spec's {@code JobTime} is a digit string by contract.
 *
 * <p><b>Lossless.</b> A timestamp written back to JSON takes the form it was read in: a number stays a
 * number and a string stays the same string, leading zeros included.
 *
 * <p><b>Unset.</b> An empty string and the value zero mean "no time" ({@link #isUnset()}); they round-trip
 * as read, and {@link #toInstant()} gives an empty {@code Optional} for them, never 1970-01-01. A JSON
 * {@code null} is not a {@code Timestamp} at all: the model field is {@code null}.
 *
 * <p><b>Unit.</b> The value does not carry its unit. {@link #toInstant()} infers it with
 * {@link EpochUnit#infer(long)} (values below 10<sup>11</sup> are seconds, larger ones milliseconds), which
 * reads every ModelArts time (13-digit milliseconds) and every openYuanrong time (10-digit seconds)
 * right; {@link #toInstant(EpochUnit)} takes the unit from the caller instead.
 *
 * <p><b>Errors.</b> Anything that cannot be an epoch time (letters, a sign, a fraction, a value beyond a
 * 64-bit integer, a boolean, an object) is rejected, quoting the value: {@link #ofNumber} and {@link #ofString}
 * throw an {@link IllegalArgumentException}; reading JSON fails with Jackson's {@code MismatchedInputException},
 * which names the field's JSON path. Jackson reads a timestamp straight from the parser's token, never through an
 * untyped {@code Object}.
 */
@JsonDeserialize(using = TimestampDeserializer.class)
public final class Timestamp implements Comparable<Timestamp> {

    /** The JSON form a timestamp was read in, and is written back in. */
    public enum Form {
        /** A JSON number. */
        NUMBER,
        /** A JSON string of decimal digits (or the empty string for "unset"). */
        STRING
    }

    private static final Comparator<Timestamp> ORDER = Comparator
            .comparing(Timestamp::isUnset, Comparator.reverseOrder())
            .thenComparingLong(t -> t.value)
            .thenComparing(t -> t.form)
            .thenComparing(Timestamp::text);

    private final Form form;
    /** The digits as read; empty for an unset string; null for a number, whose digits are {@link #value}'s. */
    private final String text;
    /** The epoch count: the number as read, or the value of {@link #text}; 0 when unset. */
    private final long value;

    private Timestamp(Form form, String text, long value) {
        this.form = form;
        this.text = text;
        this.value = value;
    }

    /** A timestamp sent as a JSON number. */
    public static Timestamp ofNumber(long epochValue) {
        if (epochValue < 0) {
            throw new IllegalArgumentException("Not an epoch time: " + epochValue + " is negative");
        }
        return new Timestamp(Form.NUMBER, null, epochValue);
    }

    /** A timestamp sent as a JSON string of decimal digits; the empty string is an unset time. */
    public static Timestamp ofString(String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty()) {
            return new Timestamp(Form.STRING, digits, 0);
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("Not an epoch time: \"" + digits + "\" is not a string of decimal digits");
            }
        }
        try {
            return new Timestamp(Form.STRING, digits, Long.parseLong(digits));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not an epoch time: \"" + digits + "\" does not fit in a 64-bit integer");
        }
    }

    /** The value to write as JSON: a {@code Long} for {@link Form#NUMBER}, the original string otherwise. */
    @JsonValue
    public Object toJson() {
        return form == Form.NUMBER ? (Object) value : text;
    }

    /** The form the value was read in. */
    public Form form() {
        return form;
    }

    /** The digits exactly as sent (empty for an unset string). */
    public String text() {
        return form == Form.NUMBER ? Long.toString(value) : text;
    }

    /** The epoch count as sent, in the server's unit; 0 when unset. */
    public long epochValue() {
        return value;
    }

    /** True for the empty string and for zero, which servers send for a time that has not happened. */
    public boolean isUnset() {
        return value == 0;
    }

    /** The instant, with the unit inferred by {@link EpochUnit#infer(long)}; empty when unset. */
    public Optional<Instant> toInstant() {
        return isUnset() ? Optional.empty() : Optional.of(EpochUnit.infer(value).toInstant(value));
    }

    /** The instant, reading the value in the given unit; empty when unset. */
    public Optional<Instant> toInstant(EpochUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return isUnset() ? Optional.empty() : Optional.of(unit.toInstant(value));
    }

    /** Orders unset times first, then by epoch value, then by form and text (consistent with {@code equals}). */
    @Override
    public int compareTo(Timestamp other) {
        return ORDER.compare(this, other);
    }

    /** Equal when read in the same form with the same text: {@code 5} and {@code "5"} differ. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Timestamp t && form == t.form && (form == Form.NUMBER ? value == t.value : text.equals(t.text));
    }

    @Override
    public int hashCode() {
        return 31 * form.hashCode() + (form == Form.NUMBER ? Long.hashCode(value) : text.hashCode());
    }

    /** The value as it would be written in JSON: {@code 1749536420547} or {@code "1755484077"}. */
    @Override
    public String toString() {
        return form == Form.NUMBER ? Long.toString(value) : '"' + text + '"';
    }
}
