package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** A compiled keyword, or a compiled schema: a fast, conservative verdict on one value (see {@link QuickCheck}). */
@FunctionalInterface
interface QuickRule {

    /** What a rule can tell about a value. */
    enum Verdict {
        VALID, INVALID, UNSURE;

        /** Both must hold. */
        Verdict and(Verdict other) {
            if (this == INVALID || other == INVALID) {
                return INVALID;
            }
            return this == UNSURE || other == UNSURE ? UNSURE : VALID;
        }

        /** The verdict on a value that must not be valid. */
        Verdict negate() {
            return this == VALID ? INVALID : this == INVALID ? VALID : UNSURE;
        }

        static Verdict of(boolean valid) {
            return valid ? VALID : INVALID;
        }
    }

    /**
     * What a keyword's rule is compiled from.
     *
     * @param keyword   the keyword
     * @param value     the keyword's argument
     * @param schema    the schema the keyword is in (some keywords read a sibling, as {@code type} reads
     *                  {@code nullable})
     * @param pointer   the schema's pointer
     * @param subschema the rule of a schema at a pointer (compiled when first used)
     */
    record Argument(String keyword, JsonNode value, JsonNode schema, String pointer, Function<String, QuickRule> subschema) {
        boolean nullable() {
            return schema.path("nullable").booleanValue();
        }
    }

    /** Cannot tell: the full validator decides. */
    QuickRule UNSURE = value -> Verdict.UNSURE;
    /** Holds for every value. */
    QuickRule ANY = value -> Verdict.VALID;

    Verdict test(JsonNode value);

    /** All rules must hold. */
    static QuickRule all(List<QuickRule> rules) {
        QuickRule[] array = rules.toArray(QuickRule[]::new);
        if (array.length == 1) {
            return array[0];
        }
        return value -> {
            Verdict verdict = Verdict.VALID;
            for (QuickRule rule : array) {
                verdict = verdict.and(rule.test(value));
                if (verdict == Verdict.INVALID) {
                    return verdict;
                }
            }
            return verdict;
        };
    }

    /** A rule that holds for values other than {@code applies} accepts. */
    static QuickRule onlyFor(Predicate<JsonNode> applies, QuickRule rule) {
        return value -> applies.test(value) ? rule.test(value) : Verdict.VALID;
    }
}
