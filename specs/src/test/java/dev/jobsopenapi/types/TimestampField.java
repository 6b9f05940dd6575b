package dev.jobsopenapi.types;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes a {@link Timestamp} as the one field of a JSON object, as the generated models hold it. */
final class TimestampField {

    /** The holder: one field, named as a job time is. */
    public static final class Holder {
        public Timestamp start_time;
    }

    /** The field's JSON name, which errors must name. */
    static final String NAME = "start_time";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TimestampField() {
    }

    /** Reads {@code {"start_time": <json>}}. */
    static Timestamp read(String json) throws Exception {
        return MAPPER.readValue("{\"" + NAME + "\":" + json + "}", Holder.class).start_time;
    }

    /** Writes {@code {"start_time": ...}}. */
    static String write(Timestamp timestamp) throws Exception {
        Holder holder = new Holder();
        holder.start_time = timestamp;
        return MAPPER.writeValueAsString(holder);
    }

    /** The JSON a value is written as inside the holder. */
    static String written(Timestamp timestamp) throws Exception {
        String object = write(timestamp);
        return object.substring(NAME.length() + 4, object.length() - 1);
    }
}
