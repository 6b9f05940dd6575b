package dev.jobsopenapi.types;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;

/** The unit of an epoch count, and the policy that infers it when a server does not say. */
public enum EpochUnit {
    /** Seconds since 1970-01-01T00:00:00Z (openYuanrong's job times, whatever its prose says). */
    SECONDS,
    /** Milliseconds since 1970-01-01T00:00:00Z (ModelArts' job and task times). */
    MILLISECONDS;

    /**
     * The smallest count read as milliseconds by {@link #infer(long)}: 10<sup>11</sup>. As seconds it is
     * the year 5138; as milliseconds, 1973-03-03.
     */
    public static final long MILLISECONDS_THRESHOLD = 100_000_000_000L;

    /**
     * Infers the unit from the size of the count: below {@link #MILLISECONDS_THRESHOLD} (up to 11 digits,
     * so every 10-digit value) it is {@link #SECONDS}, from there on (12 digits and more, so every 13-digit
     * value) {@link #MILLISECONDS}. Any time between 1973 and 5138 is read right in either unit.
     */
    public static EpochUnit infer(long count) {
        return count < MILLISECONDS_THRESHOLD ? SECONDS : MILLISECONDS;
    }

    /**
     * The instant {@code count} units after the epoch.
     *
     * @throws IllegalArgumentException when the instant lies beyond {@link Instant#MAX}
     */
    public Instant toInstant(long count) {
        try {
            return this == SECONDS ? Instant.ofEpochSecond(count) : Instant.ofEpochMilli(count);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Not an epoch time: " + count + " " + name().toLowerCase(Locale.ROOT)
                    + " is beyond the last instant Java can represent", e);
        }
    }
}
