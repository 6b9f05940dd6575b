package dev.jobsopenapi.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.modelarts.client.model.DevServerJobDetails;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code modelarts-timestamp-number} quirk from the side of a user's code: a model that types
 * {@code create_at} as the vendor documents it ({@code String}, as the vendor's own Go SDK does with
 * {@code *string}) against the documented example, next to this library's client.
 */
class VendorTypedTimestampsTest {

    /** The details response as the vendor documents it: times are strings. */
    static final class DocumentedDetails {
        @JsonProperty("create_at")
        public String createAt;
        @JsonProperty("update_at")
        public String updateAt;
    }

    private static final JsonNode EXAMPLE = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS)
            .example("showDevServerJob", "200").orElseThrow().value();

    @Test
    void aStrictStringModelLikeGoEncodingJsonCannotReadTheDocumentedExample() {
        ObjectMapper strict = JsonMapper.builder()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .withCoercionConfig(LogicalType.Textual, config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .build();
        MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> strict.readValue(EXAMPLE.toString(), DocumentedDetails.class));
        assertTrue(e.getMessage().contains("create_at") || e.getPathReference().contains("create_at"), e::getMessage);
    }

    @Test
    void jacksonsDefaultCoercionHidesTheQuirkBehindAUnitlessString() throws Exception {
        ObjectMapper lenient = JsonMapper.builder()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .build();
        DocumentedDetails read = lenient.readValue(EXAMPLE.toString(), DocumentedDetails.class);
        assertEquals(EXAMPLE.get("create_at").asText(), read.createAt, "the number becomes its digits, with no unit");
    }

    @Test
    void theGeneratedClientReadsItAsAnInstant() throws Exception {
        ObjectMapper client = new dev.jobsopenapi.modelarts.client.ApiClient().getObjectMapper();
        DevServerJobDetails details = client.readValue(EXAMPLE.toString(), DevServerJobDetails.class);
        assertEquals(Instant.ofEpochMilli(EXAMPLE.get("create_at").longValue()), details.getCreateAt().toInstant().orElseThrow());
    }
}
