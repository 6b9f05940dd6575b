package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.conformance.QuickRule.Argument;
import dev.jobsopenapi.conformance.QuickRule.Verdict;

import java.util.HashSet;
import java.util.Set;

/** The quick rules of {@code type}, {@code enum} and {@code format}: what kind of value may stand here. */
final class ValueKeywords {

    private ValueKeywords() {
    }

    /** {@code type}, with {@code null} allowed where the schema is {@code nullable}. */
    static QuickRule compile(Argument argument) {
        if (!argument.value().isTextual()) {
            return null;
        }
        Verdict onNull = argument.nullable() ? Verdict.VALID : Verdict.INVALID;
        return switch (argument.value().textValue()) {
            case "string" -> value -> value.isTextual() ? Verdict.VALID : value.isNull() ? onNull : Verdict.INVALID;
            case "integer" -> value -> value.isIntegralNumber() ? Verdict.VALID
                    : value.isNumber() ? Verdict.UNSURE : value.isNull() ? onNull : Verdict.INVALID;
            case "number" -> value -> value.isNumber() ? Verdict.VALID : value.isNull() ? onNull : Verdict.INVALID;
            case "boolean" -> value -> value.isBoolean() ? Verdict.VALID : value.isNull() ? onNull : Verdict.INVALID;
            case "object" -> value -> value.isObject() ? Verdict.VALID : value.isNull() ? onNull : Verdict.INVALID;
            case "array" -> value -> value.isArray() ? Verdict.VALID : value.isNull() ? onNull : Verdict.INVALID;
            default -> null;
        };
    }

    /** {@code enum}: a member, or {@code null} where the schema is {@code nullable}; text is compared exactly. */
    static QuickRule enumeration(Argument argument) {
        if (!argument.value().isArray()) {
            return null;
        }
        Set<JsonNode> members = new HashSet<>();
        boolean allText = true;
        for (JsonNode member : argument.value()) {
            members.add(member);
            allText &= member.isTextual();
        }
        boolean onlyText = allText;
        boolean nullable = argument.nullable();
        return value -> {
            if (members.contains(value) || (nullable && value.isNull())) {
                return Verdict.VALID;
            }
            return onlyText && value.isTextual() ? Verdict.INVALID : Verdict.UNSURE;
        };
    }

    /** {@code format}: only {@code int32} and {@code int64}, which the full validator does not assert. */
    static QuickRule format(Argument argument) {
        return switch (argument.value().asText()) {
            case "int32" -> value -> value.isIntegralNumber() && value.canConvertToInt() ? Verdict.VALID : Verdict.UNSURE;
            case "int64" -> value -> value.isIntegralNumber() && value.canConvertToLong() ? Verdict.VALID : Verdict.UNSURE;
            default -> null;
        };
    }
}
