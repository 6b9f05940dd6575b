package dev.jobsopenapi.types;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimestampTest {

    private static Timestamp read(String json) throws Exception {
        return TimestampField.read(json);
    }

    private static String write(Timestamp timestamp) throws Exception {
        return TimestampField.write(timestamp);
    }

    @Test
    void jsonNumberOfMillisecondsRoundTripsAsANumber() throws Exception {
        Timestamp t = read("1749536420547");
        assertEquals(Timestamp.Form.NUMBER, t.form());
        assertEquals(1749536420547L, t.epochValue());
        assertEquals(Optional.of(Instant.parse("2025-06-10T06:20:20.547Z")), t.toInstant());
        assertEquals("{\"start_time\":1749536420547}", write(t));
    }

    @Test
    void digitStringOfSecondsRoundTripsAsTheSameString() throws Exception {
        Timestamp t = read("\"1755484077\"");
        assertEquals(Timestamp.Form.STRING, t.form());
        assertEquals("1755484077", t.text());
        assertEquals(Optional.of(Instant.parse("2025-08-18T02:27:57Z")), t.toInstant());
        assertEquals("{\"start_time\":\"1755484077\"}", write(t));
    }

    @Test
    void leadingZerosSurviveTheRoundTrip() throws Exception {
        assertEquals("{\"start_time\":\"0001755484077\"}", write(read("\"0001755484077\"")));
    }

    @Test
    void callerCanOverrideTheInferredUnit() {
        Timestamp t = Timestamp.ofString("1755484077");
        assertEquals(Optional.of(Instant.ofEpochMilli(1755484077L)), t.toInstant(EpochUnit.MILLISECONDS));
        assertEquals(Optional.of(Instant.ofEpochSecond(1755484077L)), t.toInstant(EpochUnit.SECONDS));
    }

    @Test
    void unitInferenceSwitchesAtTheDocumentedThreshold() {
        assertEquals(EpochUnit.SECONDS, EpochUnit.infer(EpochUnit.MILLISECONDS_THRESHOLD - 1));
        assertEquals(EpochUnit.MILLISECONDS, EpochUnit.infer(EpochUnit.MILLISECONDS_THRESHOLD));
    }

    @Test
    void emptyStringAndZeroAreUnsetAndNeverTheEpoch() throws Exception {
        for (String json : new String[] {"\"\"", "0", "\"0\""}) {
            Timestamp t = read(json);
            assertTrue(t.isUnset(), json);
            assertEquals(Optional.empty(), t.toInstant(), json);
            assertEquals(Optional.empty(), t.toInstant(EpochUnit.SECONDS), json);
            assertEquals("{\"start_time\":" + json + "}", write(t));
        }
    }

    @Test
    void jsonNullLeavesTheFieldNull() throws Exception {
        assertNull(read("null"));
    }

    @Test
    void valuesThatCannotBeTimesFailNamingTheFieldAndTheValue() {
        Map<String, String> cases = Map.of(
                "\"17554840x7\"", "17554840x7",
                "\"-1755484077\"", "-1755484077",
                "1755484077.5", "1755484077.5",
                "99999999999999999999", "99999999999999999999",
                "\"99999999999999999999\"", "99999999999999999999",
                "true", "true",
                "-5", "-5");
        cases.forEach((json, quoted) -> {
            JsonMappingException e = assertThrows(JsonMappingException.class, () -> read(json), json);
            assertTrue(e.getMessage().contains(quoted), () -> json + " -> " + e.getMessage());
            assertTrue(e.getMessage().contains("start_time"), () -> json + " -> " + e.getMessage());
        });
    }

    @Test
    void equalityDistinguishesTheFormButOrderingFollowsTheValue() {
        Timestamp number = Timestamp.ofNumber(5);
        Timestamp string = Timestamp.ofString("5");
        assertNotEquals(number, string);
        assertEquals(Timestamp.ofString("5"), string);
        assertEquals(string.hashCode(), Timestamp.ofString("5").hashCode());
        assertTrue(Timestamp.ofNumber(4).compareTo(string) < 0);
        assertTrue(Timestamp.ofString("").compareTo(Timestamp.ofNumber(1)) < 0);
        assertEquals("5", number.toString());
        assertEquals("\"5\"", string.toString());
    }

    @Test
    void objectsAndArraysFailNamingTheirKindAndTheField() {
        for (String json : new String[] {"{\"seconds\":1}", "[1755484077]"}) {
            JsonMappingException e = assertThrows(JsonMappingException.class, () -> read(json), json);
            assertTrue(e.getMessage().contains(json.startsWith("{") ? "an object" : "an array"), e::getMessage);
            assertTrue(e.getMessage().contains(TimestampField.NAME), e::getMessage);
        }
    }

    @Test
    void theTypeLoadsAndWorksWithoutJacksonDatabindOnTheClassPath() throws Exception {
        URL[] onlySpecsAndAnnotations = {
                Timestamp.class.getProtectionDomain().getCodeSource().getLocation(),
                JsonValue.class.getProtectionDomain().getCodeSource().getLocation()};
        try (URLClassLoader loader = new URLClassLoader(onlySpecsAndAnnotations, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(ObjectMapper.class.getName()));
            Class<?> type = loader.loadClass(Timestamp.class.getName());
            Object t = type.getMethod("ofString", String.class).invoke(null, "1755484077");
            assertEquals(Optional.of(Instant.parse("2025-08-18T02:27:57Z")), type.getMethod("toInstant").invoke(t));
            assertEquals("1755484077", type.getMethod("toJson").invoke(t));
            assertEquals(List.of(), List.of(type.getAnnotations()), "@JsonDeserialize is dropped with databind missing");
            assertEquals(1, type.getMethod("toJson").getAnnotations().length, "@JsonValue stays");
        }
    }
}
