package dev.jobsopenapi.types;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;

/**
 * Reads a {@link Timestamp} straight from the parser's current token: an integral number or a string, anything
 * else an input mismatch that quotes the value as sent (Jackson adds the field's path). It reads the number or the
 * text once, without first decoding the value into an untyped {@code Object}.
 */
final class TimestampDeserializer extends StdScalarDeserializer<Timestamp> {

    private static final long serialVersionUID = 1L;

    TimestampDeserializer() {
        super(Timestamp.class);
    }

    @Override
    public Timestamp deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return ctxt.reportInputMismatch(this, "Not an epoch time: %s does not fit in a 64-bit integer", p.getText());
        }
        try {
            if (token == JsonToken.VALUE_STRING) {
                return Timestamp.ofString(p.getText());
            }
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return Timestamp.ofNumber(p.getLongValue());
            }
        } catch (IllegalArgumentException e) { // the factories' own messages, which quote the value
            return ctxt.reportInputMismatch(this, "%s", e.getMessage());
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return ctxt.reportInputMismatch(this, "Not an epoch time: %s is not a JSON integer", p.getText());
        }
        return ctxt.reportInputMismatch(this, "Not an epoch time: %s is neither a number nor a string", shown(p, token));
    }

    /** A scalar as sent; an object or array by its kind, whose contents are not read. */
    private static String shown(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.START_OBJECT || token == JsonToken.FIELD_NAME) {
            return "an object";
        }
        if (token == JsonToken.START_ARRAY) {
            return "an array";
        }
        return token == null ? "nothing" : p.getText();
    }
}
