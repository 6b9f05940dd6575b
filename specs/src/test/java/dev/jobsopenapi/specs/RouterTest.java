package dev.jobsopenapi.specs;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {

    private static final Router ROUTER = Router.bundled();
    private static final String MODELARTS = "modelarts-devserver-jobs";
    private static final String OPENYUANRONG = "openyuanrong-jobs";

    @Test
    void aLiteralSegmentBeatsATemplatedOne() {
        assertEquals(Optional.of("listDevServerJobTemplates"), ROUTER.resolve("GET", "/v1/p/dev-servers/jobs/templates").operationId());
        Resolution job = ROUTER.resolve("GET", "/v1/p/dev-servers/jobs/abc");
        assertEquals(Optional.of("showDevServerJob"), job.operationId());
        assertEquals(Map.of("project_id", "p", "id", "abc"), job.pathParameters());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1;/p/dev-servers/jobs", "/v1;x=1/p/dev-servers/jobs", "/v1/p;a/dev-servers/jobs",
            "/v1/p/dev-servers/./jobs", "/v1/p/dev-servers/%2e%2E/jobs", "/v1/p%2Fq/dev-servers/jobs", "/v1/p%5cq/dev-servers/jobs",
            "/v1/p\\q/dev-servers/jobs", "/v1/p%00/dev-servers/jobs", "/v1/p%zz/dev-servers/jobs", "/v1/p%C3/dev-servers/jobs",
            "/v1//dev-servers/jobs", "/V1;/p/dev-servers/jobs"})
    void aTargetThatDoesNotNormaliseIsRefusedAndStillAttributedToItsApi(String path) {
        Resolution r = ROUTER.resolve("GET", path);
        assertEquals(Resolution.Kind.REFUSED, r.kind(), r::toString);
        assertEquals(Optional.of(MODELARTS), r.api(), r::toString);
        assertTrue(r.route().isEmpty());
    }

    @Test
    void aRefusalNamesTheParameterWhoseSegmentIsBad() {
        assertEquals(List.of("project_id"), ROUTER.resolve("GET", "/v1//dev-servers/jobs").badParameters());
        assertEquals(List.of("submissionId"), ROUTER.resolve("GET", "/api/jobs/..").badParameters());
        assertEquals(List.of(), ROUTER.resolve("GET", "/api;/jobs").badParameters(), "a literal segment is no parameter");
        assertEquals(Optional.of(OPENYUANRONG), ROUTER.resolve("POST", "/api;/jobs").api());
    }

    @Test
    void percentEncodedLettersAndATrailingSlashAreTheSamePath() {
        assertEquals(Optional.of("listJobs"), ROUTER.resolve("GET", "/%61pi/jobs/").operationId());
        assertEquals(Map.of("submissionId", "app-1"), ROUTER.resolve("GET", "/api/jobs/app%2D1").pathParameters());
    }

    @Test
    void plusIsAPlusInAPathAndASpaceInAQuery() {
        RequestTarget target = RequestTarget.parse("/api/jobs/a+b?name=x+y&q=%2B");
        assertEquals(Map.of("submissionId", "a+b"), ROUTER.resolve("GET", target).pathParameters());
        assertEquals(Map.of("name", List.of("x y"), "q", List.of("+")), target.query());
    }

    @Test
    void anUnknownMethodAndAnUnknownPathAreTold() {
        assertEquals(Resolution.Kind.UNKNOWN_METHOD, ROUTER.resolve("PATCH", "/api/jobs").kind());
        Resolution caseChanged = ROUTER.resolve("GET", "/API/jobs");
        assertEquals(Resolution.Kind.UNKNOWN_PATH, caseChanged.kind());
        assertEquals(Optional.of(OPENYUANRONG), caseChanged.api(), "a front door guards what is meant for its API");
        assertEquals(Optional.empty(), ROUTER.resolve("GET", "/health").api());
    }

    @Test
    void anOverLongPathIsRefused() {
        assertFalse(RequestTarget.parse("/api/jobs/" + "a".repeat(RequestTarget.MAX_PATH_LENGTH)).isClean());
    }

    @Property(tries = 500)
    void anyParameterValueEncodedAsASegmentIsReadBackExactly(@ForAll String value) {
        Resolution r = ROUTER.resolve("GET", "/api/jobs/" + RequestTarget.encodePathSegment(value));
        boolean plain = !value.isEmpty() && !value.equals(".") && !value.equals("..")
                && value.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')
                && value.codePoints().allMatch(Character::isValidCodePoint) && !hasLoneSurrogate(value);
        if (plain) {
            assertEquals(Map.of("submissionId", value), r.pathParameters(), r::toString);
        } else {
            // "" leaves "/api/jobs/", the list; anything else that is no plain segment is refused, never read otherwise
            assertTrue(value.isEmpty() ? r.operationId().equals(Optional.of("listJobs")) : r.kind() == Resolution.Kind.REFUSED,
                    r::toString);
        }
    }

    @Property(tries = 500)
    void anyQueryValueEncodedIsReadBackExactly(@ForAll String name, @ForAll String value) {
        if (hasLoneSurrogate(name) || hasLoneSurrogate(value) || name.isEmpty()) {
            return;
        }
        RequestTarget target = RequestTarget.parse("/api/jobs?" + RequestTarget.encodeQueryComponent(name) + "="
                + RequestTarget.encodeQueryComponent(value));
        assertEquals(Map.of(name, List.of(value)), target.query());
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }
}
