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
                .filter(DocumentedExample::isFromVendorDocument)
                .map(DocumentedExample::toString)
                .toList();
        assertEquals(List.of(
                "modelarts-devserver-jobs listDevServerJobs 200 application/json ok",
                "modelarts-devserver-jobs showDevServerJob 200 application/json ok",
                "openyuanrong-jobs listJobs 200 application/json querySuccessful",
                "openyuanrong-jobs listJobs 200 application/json queryEmpty"), examples);
    }

    @Test
    void everyOtherExampleSaysWhereItComesFrom() {
        List<DocumentedExample> derived = Arrays.stream(BundledSpec.values())
                .map(ApiContract::bundled)
                .flatMap(contract -> contract.examples().stream())
                .filter(example -> !example.isFromVendorDocument())
                .toList();
        assertTrue(derived.size() > 0);
        derived.forEach(example -> assertTrue(ProvenanceTest.namesAPublicSource(example.source()), example + ": " + example.source()));
    }

    @Test
    void everyOperationResponseAndRequestBodyOfBothSpecsHasAnExample() {
        for (BundledSpec spec : BundledSpec.values()) {
            ApiContract contract = ApiContract.bundled(spec);
            for (Operation operation : contract.operations()) {
                contract.document().at(operation.pointer() + "/responses").fieldNames().forEachRemaining(status ->
                        assertTrue(contract.examples().stream().anyMatch(e ->
                                e.operationId().equals(operation.operationId()) && e.status().equals(status)),
                                operation.operationId() + " " + status));
                if (contract.document().at(operation.pointer()).has("requestBody")) {
                    assertTrue(contract.example(operation.operationId(), DocumentedExample.REQUEST).isPresent(), operation.operationId());
                }
            }
        }
    }

    @Test
    void modelArtsErrorExamplesUseTheVendorsCodeForms() {
        ApiContract contract = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
        List<DocumentedExample> errors = contract.examples().stream().filter(e -> e.status().startsWith("4") || e.status().startsWith("5")).toList();
        assertTrue(errors.size() >= 25, errors.size() + " error examples");
        for (DocumentedExample e : errors) {
            String code = e.value().path("error_code").asText();
            // The service's own codes, or the API gateway's, which come with a request id.
            assertTrue(code.matches("ModelArts\\.\\d{4}") || code.matches("APIGW\\.\\d{4}") && e.value().has("request_id"), e + ": " + e.value());
        }
        assertTrue(errors.stream().anyMatch(e -> e.status().equals("401") && e.value().path("error_code").asText().equals("APIGW.0301")),
                "the gateway's refusal of credentials is documented");
    }
}
