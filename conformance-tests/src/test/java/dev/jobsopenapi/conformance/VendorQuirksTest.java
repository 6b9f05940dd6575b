package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every vendor quirk marked in the specs is shown from both sides: what the prose claims is contradicted
 * by the vendor's own examples, and the spec accepts what the examples send.
 */
class VendorQuirksTest {

    private static final ApiContract MODELARTS = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final List<ApiContract> CONTRACTS = List.of(MODELARTS, OPENYUANRONG);
    private static final VendorQuirkCatalogue CATALOGUE = VendorQuirkCatalogue.of(CONTRACTS);

    /** The quirks whose claim is not a schema; each has its own test below. */
    private static final Set<String> DOCUMENTATION_QUIRKS = Set.of(
            "modelarts-product-renamed",
            "modelarts-get-example-with-body",
            "modelarts-list-paging-without-parameters",
            "modelarts-details-promised-fields",
            "modelarts-details-path-parameter-name",
            "openyuanrong-submit-conflict-404",
            "openyuanrong-runtime-env-asymmetry",
            "openyuanrong-forbidden-as-false",
            "modelarts-template-type-filter-pattern",
            "modelarts-signers-disagree",
            "openyuanrong-submit-bound-by-content-type");

    private static ApiContract contractOf(VendorQuirk quirk) {
        return CONTRACTS.stream().filter(c -> c.name().equals(quirk.spec())).findFirst().orElseThrow();
    }

    @TestFactory
    Stream<DynamicTest> examplesFailTheClaimedSchemaAndPassTheSpec() {
        return CATALOGUE.quirks().stream()
                .filter(quirk -> quirk.documentedSchema().isPresent())
                .map(quirk -> DynamicTest.dynamicTest(quirk.id() + " at " + quirk.pointer(), () -> {
                    ApiContract contract = contractOf(quirk);
                    Map<DocumentedExample, ValidationResult> underClaim =
                            VendorQuirkCatalogue.violationsUnderClaim(contract, quirk);
                    assertFalse(underClaim.isEmpty(), "no documented example contradicts the claim of " + quirk.id());
                    for (DocumentedExample example : underClaim.keySet()) {
                        ValidationResult asSpecified = contract.validate(example);
                        assertTrue(asSpecified.isValid(), asSpecified::toString);
                    }
                }));
    }

    @Test
    void theCatalogueHasTheQuirksTheSeedsShow() {
        Set<String> ids = CATALOGUE.quirks().stream().map(VendorQuirk::id).collect(Collectors.toSet());
        Set<String> expected = new java.util.HashSet<>(DOCUMENTATION_QUIRKS);
        expected.addAll(List.of("modelarts-timestamp-number", "modelarts-job-status-range", "modelarts-job-type-range",
                "modelarts-item-type-range", "openyuanrong-time-unit", "openyuanrong-entrypoint-undocumented",
                "openyuanrong-runtime-env-encoded-values", "openyuanrong-unset-time-empty-string", "openyuanrong-null-maps",
                "modelarts-create-description-pattern"));
        assertTrue(ids.containsAll(expected), () -> "missing: " + expected.stream().filter(id -> !ids.contains(id)).toList());
    }

    @Test
    void everyQuirkWithoutAClaimedSchemaHasItsOwnTestHere() {
        Set<String> documentationOnly = CATALOGUE.quirks().stream()
                .filter(quirk -> quirk.documentedSchema().isEmpty())
                .map(VendorQuirk::id).collect(Collectors.toSet());
        assertEquals(DOCUMENTATION_QUIRKS, documentationOnly);
    }

    @Test
    void quirkIdsAreStableKebabCaseAndEveryEntryNamesASeedOrAPublicSource() {
        for (VendorQuirk quirk : CATALOGUE.quirks()) {
            assertTrue(quirk.id().matches("(modelarts|openyuanrong)(-[a-z0-9]+)+"), quirk.id());
            assertTrue(ProvenanceTest.namesAPublicSource(quirk.evidence()), quirk.id() + ": " + quirk.evidence());
            assertFalse(contractOf(quirk).document().at(quirk.pointer()).isMissingNode(), quirk.pointer());
        }
    }

    @Test
    void timeFieldsReferToTheirTimeSchemaPlainlyAndItRecordsTheDocumentedType() {
        for (ApiContract contract : CONTRACTS) {
            List<String> timeFields = new ArrayList<>();
            contract.document().at("/components/schemas").fields().forEachRemaining(schema ->
                    schema.getValue().path("properties").fields().forEachRemaining(property -> {
                        JsonNode field = property.getValue();
                        String ref = field.path("$ref").asText(field.at("/allOf/0/$ref").asText());
                        if (ref.endsWith("/ModelArtsTime") || ref.endsWith("/JobTime")) {
                            String name = schema.getKey() + "." + property.getKey();
                            timeFields.add(name);
                            // A $ref alone: generators turn an allOf wrapper around a primitive into a class.
                            List<String> keywords = new ArrayList<>();
                            field.fieldNames().forEachRemaining(keywords::add);
                            assertEquals(List.of("$ref"), keywords, name);
                            assertTrue(contract.document().at(ref.substring(1)).has("x-documented-type"), ref);
                        }
                    }));
            assertFalse(timeFields.isEmpty(), contract.name());
        }
    }

    @Test
    void timestampNumber_aDigitStringModelArtsTimeIsAViolationNamingTheQuirk() {
        ApiContract modelarts = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
        String pointer = "/components/schemas/DevServerJobDetails";
        assertEquals(List.of(), modelarts.validateAgainst(pointer, Body.of("{\"create_at\": 1757558550702}")).violations());
        List<Violation> violations = modelarts.validateAgainst(pointer, Body.of("{\"create_at\": \"1757558550702\"}")).violations();
        assertEquals(1, violations.size(), violations::toString);
        assertEquals("/create_at", violations.get(0).pointer());
        assertTrue(violations.get(0).message().contains("vendor quirk modelarts-timestamp-number"), violations.get(0).message());
    }

    // The documentation-only quirks: the spec follows the documented side and the test shows it.

    @Test
    void productRenamed_bothNamesServeOnePathPrefixAndOneTag() {
        List<String> paths = new ArrayList<>();
        MODELARTS.document().path("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(paths.stream().allMatch(p -> p.startsWith("/v1/{project_id}/dev-servers/jobs")), paths::toString);
        assertTrue(MODELARTS.document().at("/info/title").asText().contains("Lite Server (DevServer)"));
    }

    @Test
    void getExampleWithBody_theGetOperationsTakeNoRequestBody() {
        MODELARTS.document().path("paths").forEach(path ->
                assertTrue(path.path("get").path("requestBody").isMissingNode(), path::toString));
    }

    @Test
    void listPagingWithoutParameters_pagedEnvelopeButNoPagingParameter() {
        JsonNode list = MODELARTS.document().at("/paths/~1v1~1{project_id}~1dev-servers~1jobs/get");
        List<String> parameterNames = new ArrayList<>();
        list.path("parameters").forEach(p -> parameterNames.add(
                MODELARTS.document().at(p.path("$ref").asText().substring(1)).path("name").asText()));
        assertEquals(List.of("project_id", "id", "name", "type", "status", "visible"), parameterNames);
        JsonNode envelope = MODELARTS.document().at("/components/schemas/DevServerJobPage/x-present-in-every-example");
        assertTrue(envelope.toString().contains("\"current\"") && envelope.toString().contains("\"pages\""), envelope::toString);
    }

    @Test
    void detailsPromisedFields_noExecutionTimeOrLogField() {
        List<String> properties = new ArrayList<>();
        MODELARTS.document().at("/components/schemas/DevServerJobDetails/properties").fieldNames().forEachRemaining(properties::add);
        assertTrue(properties.stream().noneMatch(p -> p.contains("log") || p.contains("exec")), properties::toString);
    }

    @Test
    void detailsPathParameterName_theSpecFollowsTheUriNotTheExample() {
        assertFalse(MODELARTS.document().at("/paths/~1v1~1{project_id}~1dev-servers~1jobs~1{id}").isMissingNode());
        assertEquals("id", MODELARTS.document().at("/components/parameters/JobIdPath/name").asText());
    }

    @Test
    void submitConflict404_anIdInUseIs400AndNeither404Nor409IsDocumented() {
        JsonNode responses = OPENYUANRONG.document().at("/paths/~1api~1jobs/post/responses");
        assertTrue(responses.has("400") && !responses.has("404") && !responses.has("409"), responses::toString);
        DocumentedExample inUse = OPENYUANRONG.examples().stream()
                .filter(e -> e.operationId().equals("submitJob") && e.name().equals("alreadyExists"))
                .findFirst().orElseThrow();
        assertEquals("400", inUse.status());
        assertTrue(inUse.value().asText().startsWith("submit job has already exist"), inUse.value()::toString);
    }

    @Test
    void runtimeEnvAsymmetry_submitTakesListsAndMapsListingsSendStrings() {
        JsonNode submit = OPENYUANRONG.document().at("/components/schemas/SubmitRuntimeEnv/properties");
        assertEquals("array", submit.at("/pip/type").asText());
        assertEquals("object", submit.at("/env_vars/type").asText());
        JsonNode submitted = OPENYUANRONG.examples().stream().filter(DocumentedExample::isRequest).findFirst().orElseThrow().value();
        assertTrue(submitted.at("/runtime_env/pip").isArray() && submitted.at("/runtime_env/env_vars").isObject());
        JsonNode listed = OPENYUANRONG.examples().get(0).value().get(0).get("runtime_env");
        assertTrue(listed.get("pip").isTextual() && listed.get("envVars").isTextual() && !listed.has("env_vars"), listed::toString);
    }

    @Test
    void templateTypeFilterPattern_theSpecAcceptsTheUnderscoresOfTheTemplateTypes() {
        for (String type : List.of("LOG_COLLECT", "ASCEND_SOFTWARE_QUERY", "COMMON")) {
            ValidationResult request = MODELARTS.validateRequest(Target.route("GET", "/v1/p/dev-servers/jobs/templates?type=" + type), null, Body.none());
            assertTrue(request.isValid(), request::toString);
        }
        assertFalse(MODELARTS.validateRequest(Target.route("GET", "/v1/p/dev-servers/jobs/templates?type=a%20b"), null, Body.none()).isValid());
        JsonNode templates = MODELARTS.example("listDevServerJobTemplates", "200").orElseThrow().value().get("data");
        List<String> types = new ArrayList<>();
        templates.forEach(t -> types.add(t.get("type").asText()));
        assertTrue(types.stream().anyMatch(t -> t.contains("_")), "the documented templates carry an underscore type: " + types);
    }

    @Test
    void forbiddenAsFalse_deleteAndStopAnswer200FalseNever403() {
        for (String operationId : List.of("deleteJob", "stopJob")) {
            Operation operation = OPENYUANRONG.operation(operationId).orElseThrow();
            JsonNode responses = OPENYUANRONG.document().at(operation.pointer() + "/responses");
            assertFalse(responses.has("403"), operationId);
            assertTrue(OPENYUANRONG.examples().stream().anyMatch(e -> e.operationId().equals(operationId)
                    && e.status().equals("200") && e.value().isBoolean() && !e.value().booleanValue()), operationId);
        }
    }

    @Test
    void signersDisagree_theSchemeCitesTheThreeSdkSignersAndNamesTheOneFollowed() {
        JsonNode scheme = MODELARTS.document().at("/components/securitySchemes/AkSkSignature");
        List<String> repositories = new java.util.ArrayList<>();
        scheme.path("x-source").forEach(source -> repositories.add(source.path("repository").asText()));
        assertTrue(repositories.containsAll(List.of("huaweicloud/huaweicloud-sdk-nodejs-v3", "huaweicloud/huaweicloud-sdk-java-v3",
                "huaweicloud/huaweicloud-sdk-go-v3")), repositories::toString);
        VendorQuirk quirk = CATALOGUE.quirks().stream().filter(q -> q.id().equals("modelarts-signers-disagree")).findFirst().orElseThrow();
        assertEquals("/components/securitySchemes/AkSkSignature", quirk.pointer());
        assertTrue(quirk.observed().contains("follows the Node.js signer"), quirk.observed());
        assertEquals(900, scheme.at("/x-signature/maxClockSkewSeconds").asInt(), "the gateway's 15 minutes");
    }

    @Test
    void submitBoundByContentType_theSpecDocumentsTheJsonFormAndSaysToSendItsContentType() {
        Operation submit = OPENYUANRONG.operation("submitJob").orElseThrow();
        List<String> mediaTypes = new ArrayList<>();
        OPENYUANRONG.document().at(submit.pointer() + "/requestBody/content").fieldNames().forEachRemaining(mediaTypes::add);
        assertEquals(List.of("application/json"), mediaTypes);
        String description = OPENYUANRONG.document().at("/components/schemas/JobSubmitRequest/description").asText();
        assertTrue(description.contains("application/x-www-form-urlencoded") && description.contains("send `Content-Type: application/json`"),
                description);
        assertTrue(OPENYUANRONG.examples().stream().anyMatch(e -> e.operationId().equals("submitJob") && e.status().equals("400")
                && e.value().asText().equals("entrypoint should not be empty")), "the answer a JSON body without its type gets");
    }

    @Test
    void theMarkdownCatalogueHasOneRowPerMarkedPlace() {
        String markdown = CATALOGUE.toMarkdown();
        for (VendorQuirk quirk : CATALOGUE.quirks()) {
            assertTrue(markdown.contains("| " + quirk.id() + " | " + quirk.spec() + " | `" + quirk.pointer() + "` |"), quirk.id());
        }
        assertEquals(CATALOGUE.quirks().size(), markdown.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| id ") && !l.startsWith("| ---")).count());
    }

    @Test
    void aQuirkEntryWithoutEvidenceIsRejectedNamingItsPlace() throws Exception {
        JsonNode copy = MODELARTS.document().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.at("/components/schemas/ModelArtsTime/x-vendor-quirks/0")).remove("evidence");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("broken-quirk", ".yaml");
        try {
            java.nio.file.Files.writeString(file, copy.toString());
            ApiContract broken = ApiContract.load(file);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> VendorQuirkCatalogue.of(List.of(broken)));
            assertTrue(e.getMessage().contains("/components/schemas/ModelArtsTime") && e.getMessage().contains("evidence"), e.getMessage());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void bundledSpecsAreAllCovered() {
        assertEquals(BundledSpec.values().length, CONTRACTS.size());
        assertTrue(Arrays.stream(BundledSpec.values()).allMatch(s -> CONTRACTS.stream().anyMatch(c -> c.name().equals(s.specName()))));
    }
}
