package dev.jobsopenapi.server;

import dev.jobsopenapi.modelarts.server.api.DevServerJobsApi;
import dev.jobsopenapi.modelarts.server.model.DevServerJobDetails;
import dev.jobsopenapi.modelarts.server.model.DevServerJobPage;
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

    @Test
    void aJobIdOverSixtyFourCharactersOrEmptyIsRejected() throws Exception {
        assertFalse(showViolations("proj-1", "j".repeat(65)).isEmpty());
        assertFalse(showViolations("proj-1", "").isEmpty());
        assertEquals(Set.of(), showViolations("proj-1", "j".repeat(64)));
    }
}
