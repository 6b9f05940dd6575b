package dev.jobsopenapi.conformance;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of one check: every violation found, in document order (by pointer, array positions as numbers,
 * then by the rule broken). Immutable.
 *
 * @param subject    what was checked, for example {@code modelarts-devserver-jobs listDevServerJobs 200 application/json}
 * @param violations all violations; empty when the checked document conforms
 */
public record ValidationResult(String subject, List<Violation> violations) {

    public ValidationResult {
        violations = violations.stream().sorted(Violation.DOCUMENT_ORDER).toList();
    }

    /** True when nothing is wrong. */
    public boolean isValid() {
        return violations.isEmpty();
    }

    /** The subject, then one indented line per violation. */
    @Override
    public String toString() {
        if (isValid()) {
            return subject + ": conforms";
        }
        return subject + ": " + violations.size() + (violations.size() == 1 ? " violation" : " violations")
                + violations.stream().map(v -> "\n  " + v).collect(Collectors.joining());
    }
}
