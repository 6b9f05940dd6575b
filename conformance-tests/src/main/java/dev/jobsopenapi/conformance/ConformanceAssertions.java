package dev.jobsopenapi.conformance;

import org.opentest4j.AssertionFailedError;

/**
 * Assertions for JUnit 5 (or any framework that understands opentest4j): a failing check becomes one
 * assertion failure that lists every violation, not just the first.
 *
 * <pre>{@code
 * ConformanceAssertions.assertConforms(contract.validateResponse("listJobs", "200", "application/json", body));
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

    /** Checks a response body (as text) and asserts that it conforms. */
    public static void assertResponseConforms(ApiContract contract, String operationId, String status,
                                              String contentType, String body) {
        assertConforms(contract.validateResponse(operationId, status, contentType, body));
    }

    /** Checks a request line (method and path with query) and asserts that it conforms. */
    public static void assertRequestConforms(ApiContract contract, String method, String pathAndQuery) {
        assertConforms(contract.validateRequest(method, pathAndQuery));
    }
}
