package dev.jobsopenapi.conformance;

import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every example embedded in the bundled specs validates against the schema of the response it documents. */
class DocumentedExamplesConformTest {

    @TestFactory
    Stream<DynamicTest> everyDocumentedExampleConformsToItsResponseSchema() {
        return Arrays.stream(BundledSpec.values())
                .map(ApiContract::bundled)
                .flatMap(contract -> contract.examples().stream().map(example -> DynamicTest.dynamicTest(
                        example.toString(), () -> {
                            ValidationResult result = contract.validate(example);
                            assertTrue(result.isValid(), result::toString);
                        })));
    }

    @Test
    void theSpecsDocumentEveryVendorExample() {
        List<String> examples = Arrays.stream(BundledSpec.values())
                .map(ApiContract::bundled)
                .flatMap(contract -> contract.examples().stream())
                .map(DocumentedExample::toString)
                .toList();
        assertEquals(List.of(
                "modelarts-devserver-jobs listDevServerJobs 200 application/json ok",
                "modelarts-devserver-jobs showDevServerJob 200 application/json ok",
                "openyuanrong-jobs listJobs 200 application/json querySuccessful",
                "openyuanrong-jobs listJobs 200 application/json queryEmpty"), examples);
    }
}
