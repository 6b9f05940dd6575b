package dev.jobsopenapi.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.DocumentedExample;
import dev.jobsopenapi.modelarts.client.model.DevServerJobDetails;
import dev.jobsopenapi.modelarts.client.model.DevServerJobPage;
import dev.jobsopenapi.openyuanrong.client.model.JobDetails;
import dev.jobsopenapi.openyuanrong.client.model.JobSubmitRequest;
import dev.jobsopenapi.openyuanrong.client.model.JobSubmitResponse;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every documented example (a 200 response or a request body) survives a round trip through the generated client models: parsed with the
 * client's own mapper and written back, it is the same JSON — numbers still numbers, strings still strings,
 * no field lost, none added. The same mapper with Jackson's Blackbird module registered (the faster
 * decoding) reads every example into an equal model and writes the same JSON.
 */
class ClientModelsRoundTripTest {

    private static final ObjectMapper MODELARTS = new dev.jobsopenapi.modelarts.client.ApiClient().getObjectMapper();
    private static final ObjectMapper OPENYUANRONG = new dev.jobsopenapi.openyuanrong.client.ApiClient().getObjectMapper();

    /** The client model type of each operation's 200 response. */
    private static final Map<String, TypeReference<?>> MODEL_OF_OPERATION = Map.ofEntries(
            Map.entry("listDevServerJobs", new TypeReference<DevServerJobPage>() { }),
            Map.entry("showDevServerJob", new TypeReference<DevServerJobDetails>() { }),
            Map.entry("createDevServerJob", new TypeReference<DevServerJobDetails>() { }),
            Map.entry("deleteDevServerJobs", new TypeReference<DevServerJobPage>() { }),
            Map.entry("listDevServerJobTemplates", new TypeReference<dev.jobsopenapi.modelarts.client.model.DevServerJobTemplatePage>() { }),
            Map.entry("showDevServerJobTemplate", new TypeReference<dev.jobsopenapi.modelarts.client.model.DevServerJobTemplateDetails>() { }),
            Map.entry("showDevServerJobService", new TypeReference<dev.jobsopenapi.modelarts.client.model.DevServerJobService>() { }),
            Map.entry("listJobs", new TypeReference<List<JobDetails>>() { }),
            Map.entry("getJob", new TypeReference<JobDetails>() { }),
            Map.entry("submitJob", new TypeReference<JobSubmitResponse>() { }),
            Map.entry("deleteJob", new TypeReference<Boolean>() { }),
            Map.entry("stopJob", new TypeReference<Boolean>() { }));

    /** The client model type of each operation's request body. */
    private static final Map<String, TypeReference<?>> REQUEST_OF_OPERATION = Map.of(
            "submitJob", new TypeReference<JobSubmitRequest>() { },
            "createDevServerJob", new TypeReference<dev.jobsopenapi.modelarts.client.model.DevServerJobCreateRequest>() { },
            "deleteDevServerJobs", new TypeReference<dev.jobsopenapi.modelarts.client.model.ServerJobDeleteRequest>() { });

    @TestFactory
    Stream<DynamicTest> everyExampleRoundTripsUnchanged() {
        return Arrays.stream(BundledSpec.values())
                .flatMap(spec -> ApiContract.bundled(spec).examples().stream())
                .filter(example -> example.status().equals("200") || example.isRequest())
                .map(example -> DynamicTest.dynamicTest(example.toString(), () -> roundTrip(example)));
    }

    private static void roundTrip(DocumentedExample example) throws Exception {
        ObjectMapper mapper = example.spec().startsWith("modelarts") ? MODELARTS : OPENYUANRONG;
        TypeReference<?> model = (example.isRequest() ? REQUEST_OF_OPERATION : MODEL_OF_OPERATION).get(example.operationId());
        assertNotNull(model, "no model type known for " + example.operationId());
        JavaType type = mapper.getTypeFactory().constructType(model);

        String original = mapper.writeValueAsString(example.value());
        Object parsed = mapper.readValue(original, type);
        String written = mapper.writeValueAsString(parsed);
        ObjectMapper withBlackbird = mapper.copy().registerModule(new BlackbirdModule());
        Object parsedWithBlackbird = withBlackbird.readValue(original, type);
        assertEquals(parsed, parsedWithBlackbird, "read with Blackbird registered");
        assertEquals(written, withBlackbird.writeValueAsString(parsedWithBlackbird), "written with Blackbird registered");

        // The client writes no nulls: a field a server sent as null comes back absent, its value null either way.
        JsonNode expected = withoutNullFields(mapper.readTree(original));
        JsonNode actual = mapper.readTree(written);
        assertEquals(expected, actual, () -> "\nexpected " + expected + "\nbut was  " + actual);
    }

    private static JsonNode withoutNullFields(JsonNode node) {
        if (node.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).properties().removeIf(field -> field.getValue().isNull());
        }
        node.forEach(ClientModelsRoundTripTest::withoutNullFields);
        return node;
    }
}
