package dev.jobsopenapi.conformance;

import java.util.Comparator;
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

    /** Document order: by pointer (array positions compared as numbers), then by rule and message. */
    public static final Comparator<Violation> DOCUMENT_ORDER = Violation::compare;

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

    /** The same violation, its pointer placed under {@code prefix} (a pointer of the value checked). */
    Violation under(String prefix) {
        return prefix.isEmpty() ? this : new Violation(prefix + pointer, schemaLocation, keyword, message);
    }

    private static int compare(Violation a, Violation b) {
        String[] left = a.pointer().split("/", -1);
        String[] right = b.pointer().split("/", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int compare = compareSegments(left[i], right[i]);
            if (compare != 0) {
                return compare;
            }
        }
        int compare = Integer.compare(left.length, right.length);
        if (compare == 0) {
            compare = a.schemaLocation().compareTo(b.schemaLocation());
        }
        if (compare == 0) {
            compare = a.keyword().compareTo(b.keyword());
        }
        return compare == 0 ? a.message().compareTo(b.message()) : compare;
    }

    private static int compareSegments(String a, String b) {
        boolean numbers = !a.isEmpty() && !b.isEmpty() && a.length() <= 18 && b.length() <= 18
                && a.chars().allMatch(c -> c >= '0' && c <= '9') && b.chars().allMatch(c -> c >= '0' && c <= '9');
        return numbers ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    }
}
