package dev.jobsopenapi.reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Converts between the generated models (and example trees): the reference server's stores hand out copies, never
 * the objects they keep, and read their seed jobs from the specs' examples through here.
 */
final class ModelCopies {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ModelCopies() {
    }

    /** The value as the given type (a copy when it already is one). */
    static <T> T copy(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    /** The value as the given generic type. */
    static <T> T copy(Object value, TypeReference<T> type) {
        return MAPPER.convertValue(value, type);
    }

    /** How many bytes the value takes as JSON. */
    static long size(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a model that cannot be written as JSON: " + value.getClass().getSimpleName(), e);
        }
    }
}
