package dev.jobsopenapi.conformance;

import dev.jobsopenapi.specs.BundledSpec;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Each bundled spec loads in swagger-parser (the parser behind Swagger tooling) with no error and no warning. */
class SpecsParseCleanlyTest {

    @ParameterizedTest
    @EnumSource(BundledSpec.class)
    void specLoadsInSwaggerParserWithoutMessages(BundledSpec spec) throws IOException {
        String yaml;
        try (InputStream in = spec.open()) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertNotNull(result.getOpenAPI(), () -> String.valueOf(result.getMessages()));
        assertEquals(java.util.List.of(), result.getMessages());
        assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
    }
}
