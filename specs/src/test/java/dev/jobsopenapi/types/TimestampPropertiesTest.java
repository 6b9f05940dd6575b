package dev.jobsopenapi.types;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property-style checks of {@link Timestamp} over many generated values (fixed seed, so a failure repeats):
 * every valid value round-trips exactly and gives the instant its unit policy promises; every invalid one
 * fails with the documented error naming the field and the value — never another exception, never a
 * silent wrong time.
 */
class TimestampPropertiesTest {

    private static final int RUNS = 5_000;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private final Random random = new Random(20261123L);

    private static Timestamp read(String json) throws Exception {
        return TimestampField.read(json);
    }

    private static String write(Timestamp timestamp) throws Exception {
        return TimestampField.write(timestamp);
    }

    private long anyNonNegativeLong() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong() & Long.MAX_VALUE;
            case 1 -> random.nextInt(Integer.MAX_VALUE);
            case 2 -> 1_000_000_000L + random.nextInt(1_000_000_000);          // 10-digit seconds
            default -> 1_000_000_000_000L + (random.nextLong() & 0xFFFFFFFFFFL); // 13-digit milliseconds
        };
    }

    private static Optional<Instant> expectedInstant(long value) {
        if (value == 0) {
            return Optional.empty();
        }
        return Optional.of(value < EpochUnit.MILLISECONDS_THRESHOLD
                ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value));
    }

    @Test
    void numbersRoundTripAsNumbersAndFollowTheUnitPolicy() throws Exception {
        for (int i = 0; i < RUNS; i++) {
            long value = anyNonNegativeLong();
            Timestamp t = read(Long.toString(value));
            assertEquals(Timestamp.Form.NUMBER, t.form());
            assertEquals(value, t.epochValue());
            assertEquals(Long.toString(value), TimestampField.written(t));
            assertEquals(Long.toString(value), t.text());
            assertEquals(Long.toString(value), t.toString());
            assertEquals(expectedInstant(value), t.toInstant(), () -> "value " + value);
            Timestamp again = read(TimestampField.written(t));
            assertEquals(t, again);
            assertEquals(t.hashCode(), again.hashCode());
            assertEquals(0, t.compareTo(again));
            Timestamp asString = Timestamp.ofString(t.text());
            assertNotEquals(t, asString, "a number and the same digits as a string differ");
            assertNotEquals(0, t.compareTo(asString), "ordering is consistent with equals");
        }
    }

    @Test
    void digitStringsRoundTripAsTheSameStringOrFailWhenTooLarge() throws Exception {
        for (int i = 0; i < RUNS; i++) {
            int length = 1 + random.nextInt(22);
            StringBuilder digits = new StringBuilder();
            for (int d = 0; d < length; d++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            String text = digits.toString();
            BigInteger value = new BigInteger(text);
            if (value.compareTo(LONG_MAX) <= 0) {
                Timestamp t = read('"' + text + '"');
                assertEquals(Timestamp.Form.STRING, t.form());
                assertEquals(text, t.text());
                assertEquals(value.longValue(), t.epochValue());
                assertEquals('"' + text + '"', TimestampField.written(t));
                assertEquals(expectedInstant(value.longValue()), t.toInstant(), text);
            } else {
                assertDocumentedFailure('"' + text + '"', text);
            }
        }
    }

    @Test
    void anythingThatIsNotAnEpochTimeFailsWithTheDocumentedError() throws Exception {
        String alphabet = "0123456789abcXYZ-+.eE :/T";
        for (int i = 0; i < RUNS; i++) {
            StringBuilder s = new StringBuilder();
            int length = 1 + random.nextInt(15);
            for (int c = 0; c < length; c++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            if (text.chars().allMatch(Character::isDigit)) {
                continue;
            }
            assertDocumentedFailure('"' + text + '"', text);
        }
        for (int i = 0; i < RUNS; i++) {
            long negative = -1 - (random.nextLong() & (Long.MAX_VALUE - 1));
            assertDocumentedFailure(Long.toString(negative), Long.toString(negative));
            String fraction = (random.nextInt(Integer.MAX_VALUE)) + "." + (1 + random.nextInt(9));
            assertDocumentedFailure(fraction, fraction);
            String huge = LONG_MAX.add(BigInteger.valueOf(1 + (random.nextLong() & Long.MAX_VALUE))).toString();
            assertDocumentedFailure(huge, huge);
        }
        for (String other : new String[] {"true", "false", "{}", "[]", "[1]"}) {
            assertThrows(JsonMappingException.class, () -> read(other), other);
        }
    }

    @Test
    void boundariesOfTheUnitPolicyAndOfInstant() throws Exception {
        long threshold = EpochUnit.MILLISECONDS_THRESHOLD;
        for (long value : new long[] {1, 9_999_999_999L, threshold - 1, threshold, 9_999_999_999_999L, Long.MAX_VALUE}) {
            Timestamp t = read(Long.toString(value));
            assertEquals(expectedInstant(value), t.toInstant(), Long.toString(value));
            assertFalse(t.isUnset());
        }
        Timestamp hugeSeconds = Timestamp.ofNumber(Long.MAX_VALUE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hugeSeconds.toInstant(EpochUnit.SECONDS));
        assertTrue(e.getMessage().contains(Long.toString(Long.MAX_VALUE)), e.getMessage());
    }

    private void assertDocumentedFailure(String json, String quotedValue) {
        try {
            Timestamp t = read(json);
            fail(json + " was read as " + t + " (" + t.toInstant() + ")");
        } catch (JsonMappingException e) {
            assertTrue(e.getCause() instanceof IllegalArgumentException || e.getMessage().contains(quotedValue),
                    () -> json + " -> " + e);
            assertTrue(e.getMessage().contains(quotedValue), () -> json + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains(TimestampField.NAME), () -> json + " -> " + e.getMessage());
        } catch (Exception e) {
            fail(json + " -> undocumented " + e);
        }
    }
}
