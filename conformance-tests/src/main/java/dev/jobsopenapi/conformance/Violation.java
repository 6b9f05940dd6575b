package dev.jobsopenapi.conformance;

import java.util.Objects;

/**
 * One way in which a response does not match its contract.
 *
 * @param pointer        JSON pointer (RFC 6901) of the offending value in the checked document; for a
 *                       missing required property, the pointer the property would have; {@code ""} is the
 *                       whole document
 * @param schemaLocation where the broken rule is in the spec, as {@code <spec>#<JSON pointer>}
 * @param keyword        the schema keyword that failed ({@code type}, {@code required}, ...), or a
 *                       contract-level word such as {@code operation}, {@code status} or {@code content-type}
 * @param message        a plain-English explanation
 */
public record Violation(String pointer, String schemaLocation, String keyword, String message) {

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(schemaLocation, "schemaLocation");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
    }

    /** For example {@code /data/0/id: integer found, string expected [modelarts-devserver-jobs.yaml#/...]}. */
    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(document)" : pointer) + ": " + message + " [" + schemaLocation + "]";
    }
}
