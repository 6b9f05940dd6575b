package dev.jobsopenapi.conformance.junit;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import dev.jobsopenapi.conformance.ValidationResult;

import org.opentest4j.AssertionFailedError;

/**
 * Assertions for JUnit 5 (or any framework that understands opentest4j): a failing check becomes one
 * assertion failure that lists every violation, not just the first.
 *
 * <pre>{@code
 * assertResponseConforms(contract, Target.operation("listJobs"), "200", "application/json", Body.of(body));
 * }</pre>
 */
public final class ConformanceAssertions {

    private ConformanceAssertions() {
    }

    /**
     * Passes when the result has no violation.
     *
     * @throws AssertionFailedError listing the subject and every violation (pointer, message, rule in the spec)
     */
    public static void assertConforms(ValidationResult result) {
        if (!result.isValid()) {
            throw new AssertionFailedError(result.toString());
        }
    }

    /** Checks a response and asserts that it conforms. */
    public static void assertResponseConforms(ApiContract contract, Target target, String status, String contentType,
                                              Body body) {
        assertConforms(contract.validateResponse(target, status, contentType, body));
    }

    /** Checks a request and asserts that it conforms. */
    public static void assertRequestConforms(ApiContract contract, Target target, String contentType, Body body) {
        assertConforms(contract.validateRequest(target, contentType, body));
    }
}
