package dev.jobsopenapi.benchmarks;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Atlassian's swagger-request-validator (what Java users pick for this job) checking one API's list response against
 * the same bundled spec as this library: the validator is built once, and each check is one
 * {@code validateResponse} of a 200 {@code application/json} answer to the list operation's path.
 */
final class AtlassianValidation {

    private final OpenApiInteractionValidator validator;
    private final String path;

    /** @param api {@code modelarts} or {@code openyuanrong} */
    AtlassianValidation(String api) {
        try (InputStream in = Bodies.spec(api).open()) {
            validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        path = Bodies.isModelArts(api) ? "/v1/0f8c1e2d3b4a5c6d7e8f9a0b1c2d3e4f/dev-servers/jobs" : "/api/jobs";
    }

    /** The validator's report on a list body. */
    ValidationReport validate(String body) {
        return validator.validateResponse(path, Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build());
    }
}
