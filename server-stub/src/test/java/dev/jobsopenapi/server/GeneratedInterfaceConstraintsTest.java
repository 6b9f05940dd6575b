package dev.jobsopenapi.server;

import dev.jobsopenapi.modelarts.server.api.DevServerJobsApi;
import dev.jobsopenapi.modelarts.server.model.DevServerJobDetails;
import dev.jobsopenapi.modelarts.server.model.DevServerJobCreateRequest;
import dev.jobsopenapi.modelarts.server.model.DevServerJobPage;
import dev.jobsopenapi.modelarts.server.model.DevServerJobTemplatePage;
import dev.jobsopenapi.modelarts.server.model.ServerJobDeleteRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.executable.ExecutableValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Method;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** hibernate-validator enforces the path constraints the generator put on the JAX-RS interface methods. */
class GeneratedInterfaceConstraintsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final ExecutableValidator VALIDATOR = FACTORY.getValidator().forExecutables();

    /** The smallest implementation: the constraints live on the interface it implements. */
    private static final DevServerJobsApi SERVICE = new DevServerJobsApi() {
        @Override
        public DevServerJobPage listDevServerJobs(String projectId, String id, String name, String type,
                                                  String status, Boolean visible) {
            return new DevServerJobPage();
        }

        @Override
        public DevServerJobDetails showDevServerJob(String projectId, String id) {
            return new DevServerJobDetails();
        }

        @Override
        public DevServerJobDetails createDevServerJob(String projectId, DevServerJobCreateRequest request) {
            return new DevServerJobDetails();
        }

        @Override
        public DevServerJobPage deleteDevServerJobs(String projectId, ServerJobDeleteRequest request) {
            return new DevServerJobPage();
        }

        @Override
        public DevServerJobTemplatePage listDevServerJobTemplates(String projectId, String id, String name, String type) {
            return new DevServerJobTemplatePage();
        }

        @Override
        public dev.jobsopenapi.modelarts.server.model.DevServerJobTemplateDetails showDevServerJobTemplate(String projectId, String id) {
            return new dev.jobsopenapi.modelarts.server.model.DevServerJobTemplateDetails();
        }

        @Override
        public dev.jobsopenapi.modelarts.server.model.DevServerJobService showDevServerJobService(String projectId, String id) {
            return new dev.jobsopenapi.modelarts.server.model.DevServerJobService();
        }
    };

    @AfterAll
    static void closeFactory() {
        FACTORY.close();
    }

    private static Set<ConstraintViolation<DevServerJobsApi>> listViolations(String projectId) throws Exception {
        Method list = DevServerJobsApi.class.getMethod("listDevServerJobs",
                String.class, String.class, String.class, String.class, String.class, Boolean.class);
        return VALIDATOR.validateParameters(SERVICE, list, new Object[] {projectId, null, null, null, null, null});
    }

    private static Set<ConstraintViolation<DevServerJobsApi>> showViolations(String projectId, String id) throws Exception {
        Method show = DevServerJobsApi.class.getMethod("showDevServerJob", String.class, String.class);
        return VALIDATOR.validateParameters(SERVICE, show, new Object[] {projectId, id});
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad/id", "", "a-project-id-of-sixty-five-characters-is-one-more-than-allowed-xx"})
    void invalidProjectIdsAreRejectedOnBothOperations(String projectId) throws Exception {
        assertFalse(listViolations(projectId).isEmpty(), () -> "accepted project_id '" + projectId + "'");
        assertFalse(showViolations(projectId, "job-1").isEmpty(), () -> "accepted project_id '" + projectId + "'");
        assertTrue(listViolations(projectId).stream()
                .allMatch(v -> v.getPropertyPath().toString().equals("listDevServerJobs.projectId")));
    }

    @Test
    void theSixtyFiveCharacterProjectIdIsReallySixtyFiveCharacters() {
        assertEquals(65, "a-project-id-of-sixty-five-characters-is-one-more-than-allowed-xx".length());
    }

    @Test
    void aValidProjectIdPasses() throws Exception {
        String sixtyFour = "Ab-1".repeat(16);
        assertEquals(Set.of(), listViolations("0b3a5d4c8f9e4c1b9a2d3e4f5a6b7c8d"));
        assertEquals(Set.of(), listViolations(sixtyFour));
        assertEquals(Set.of(), showViolations("proj-1", "0319470a-7fad-452e-bff0-d3ba3bd83955"));
    }

    private static Set<ConstraintViolation<DevServerJobsApi>> createViolations(DevServerJobCreateRequest request) throws Exception {
        Method create = DevServerJobsApi.class.getMethod("createDevServerJob", String.class, DevServerJobCreateRequest.class);
        return VALIDATOR.validateParameters(SERVICE, create, new Object[] {"proj-1", request});
    }

    private static DevServerJobCreateRequest createRequest(String name) {
        return new DevServerJobCreateRequest().name(name).type("COMMON").serverIds(java.util.List.of("s-1"))
                .items(java.util.List.of());
    }

    @Test
    void aJobNameOutsideItsDocumentedPatternIsRejected() throws Exception {
        assertEquals(Set.of(), createViolations(createRequest("software-query_1.v2")));
        for (String name : new String[] {"has space", "", "n".repeat(65), "slash/name"}) {
            Set<ConstraintViolation<DevServerJobsApi>> violations = createViolations(createRequest(name));
            assertFalse(violations.isEmpty(), () -> "accepted name '" + name + "'");
            assertTrue(violations.stream().allMatch(v -> v.getPropertyPath().toString().endsWith(".name")), violations::toString);
        }
        assertFalse(createViolations(null).isEmpty(), "the body is required");
    }

    @Test
    void aJobIdOverSixtyFourCharactersOrEmptyIsRejected() throws Exception {
        assertFalse(showViolations("proj-1", "j".repeat(65)).isEmpty());
        assertFalse(showViolations("proj-1", "").isEmpty());
        assertEquals(Set.of(), showViolations("proj-1", "j".repeat(64)));
    }

    @Test
    void aTemplateIdOutsideTheSdksConstraintIsRejected() throws Exception {
        Method show = DevServerJobsApi.class.getMethod("showDevServerJobTemplate", String.class, String.class);
        for (String bad : new String[] {"", "a".repeat(65), "id_with_underscore", "../x"}) {
            assertFalse(VALIDATOR.validateParameters(SERVICE, show, new Object[] {"proj-1", bad}).isEmpty(), bad);
        }
        assertTrue(VALIDATOR.validateParameters(SERVICE, show, new Object[] {"proj-1", "2b087a09-e90d-414c-9b15-ffec45e400e7"}).isEmpty());
    }
}
