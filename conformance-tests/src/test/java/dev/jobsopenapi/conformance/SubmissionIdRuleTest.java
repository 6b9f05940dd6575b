package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The spec's {@code submission_id} pattern accepts exactly the ids the frontend accepts: it rejects an id with
 * {@code driver}, prefixes {@code app-} when missing, then requires {@code ^[a-z0-9-]{1,64}$}, and takes {@code ""}
 * as absent ({@code CheckSubmissionId} of {@code pkg/common/job/handler.go}). The frontend's rule is written out
 * here and compared on ids around every boundary.
 */
class SubmissionIdRuleTest {

    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);
    private static final Pattern FRONTEND = Pattern.compile("^[a-z0-9-]{1,64}$");

    /** What the frontend's CheckSubmissionId decides. */
    private static boolean frontendAccepts(String id) {
        if (id.isEmpty()) {
            return true;
        }
        if (id.contains("driver")) {
            return false;
        }
        return FRONTEND.matcher(id.startsWith("app-") ? id : "app-" + id).matches();
    }

    private static boolean specAccepts(String id) {
        return OPENYUANRONG.validateAgainst("/components/schemas/JobSubmitRequest/properties/submission_id", Body.of(JsonNodeFactory.instance.textNode(id))).violations().isEmpty();
    }

    @Test
    void theSpecAcceptsExactlyWhatTheFrontendAccepts() {
        List<String> ids = new java.util.ArrayList<>(List.of("", "a", "app-", "app", "ap-x", "app-x", "demo-1", "Demo",
                "my_job", "x driver", "mydriverjob", "app-driver", "-", "app--", "über"));
        for (int n : new int[] {59, 60, 61, 64, 65}) {
            ids.add("a".repeat(n));
            ids.add("app-" + "b".repeat(n));
        }
        for (String id : ids) {
            assertEquals(frontendAccepts(id), specAccepts(id), "submission_id \"" + id + "\" (" + id.length() + " characters)");
        }
        assertEquals(false, specAccepts("a".repeat(61)), "61 characters without the prefix are 65 with it");
    }
}
