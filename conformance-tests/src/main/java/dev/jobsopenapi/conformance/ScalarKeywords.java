package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import dev.jobsopenapi.conformance.QuickRule.Argument;
import dev.jobsopenapi.conformance.QuickRule.Verdict;

import java.math.BigDecimal;

/** The quick rules of the keywords that judge text and numbers. Each holds for values of other kinds. */
final class ScalarKeywords {

    private ScalarKeywords() {
    }

    /** A count a keyword takes (a non-negative whole number that fits an int), or -1. */
    static int count(JsonNode argument) {
        return argument.canConvertToExactIntegral() && argument.canConvertToInt() && argument.intValue() >= 0
                ? argument.intValue() : -1;
    }

    /** {@code minLength} or {@code maxLength}, in code points. */
    static QuickRule length(Argument argument, boolean minimum) {
        int limit = count(argument.value());
        if (limit < 0) {
            return null;
        }
        return QuickRule.onlyFor(JsonNode::isTextual, value -> {
            String text = value.textValue();
            int length = text.codePointCount(0, text.length());
            return Verdict.of(minimum ? length >= limit : length <= limit);
        });
    }

    /** {@code pattern}, with the full validator's own regular expressions. */
    static QuickRule pattern(Argument argument, RegularExpressionFactory factory) {
        RegularExpression expression = argument.value().isTextual()
                ? expression(factory, argument.value().textValue()) : null;
        return expression == null ? null
                : QuickRule.onlyFor(JsonNode::isTextual, value -> Verdict.of(expression.matches(value.textValue())));
    }

    /** {@code exclusiveMinimum} or {@code exclusiveMaximum}: a flag its bound reads; alone it asserts nothing. */
    static QuickRule flag(Argument argument) {
        return argument.value().isBoolean() ? QuickRule.ANY : null;
    }

    /** {@code minimum} or {@code maximum}, compared exactly, excluded where its boolean flag says so. */
    static QuickRule bound(Argument argument, boolean minimum) {
        JsonNode limitNode = argument.value();
        JsonNode flag = argument.schema().get(minimum ? "exclusiveMinimum" : "exclusiveMaximum");
        if (!limitNode.isNumber() || (flag != null && !flag.isBoolean())) {
            return null;
        }
        BigDecimal limit = new BigDecimal(limitNode.asText());
        boolean excluded = flag != null && flag.booleanValue();
        boolean integerSchema = "integer".equals(argument.schema().path("type").asText());
        Long longLimit = limitNode.canConvertToExactIntegral() && limitNode.canConvertToLong() ? limitNode.longValue() : null;
        return QuickRule.onlyFor(JsonNode::isNumber, value -> {
            if (!value.isIntegralNumber() && integerSchema) {
                return Verdict.UNSURE; // networknt truncates such values there; let it decide
            }
            int compare;
            if (value.isIntegralNumber() && value.canConvertToLong() && longLimit != null) {
                compare = Long.compare(value.longValue(), longLimit);
            } else {
                BigDecimal number = decimal(value);
                if (number == null) {
                    return Verdict.UNSURE;
                }
                compare = number.compareTo(limit);
            }
            return Verdict.of(minimum ? compare > 0 || (compare == 0 && !excluded) : compare < 0 || (compare == 0 && !excluded));
        });
    }

    /** {@code multipleOf}: decided here for whole numbers only; fractions are the full validator's to judge. */
    static QuickRule multipleOf(Argument argument) {
        JsonNode divisor = argument.value();
        if (!divisor.isNumber()) {
            return null;
        }
        if (!divisor.canConvertToExactIntegral() || !divisor.canConvertToLong() || divisor.longValue() <= 0) {
            return value -> value.isNumber() ? Verdict.UNSURE : Verdict.VALID;
        }
        long by = divisor.longValue();
        return QuickRule.onlyFor(JsonNode::isNumber, value -> value.isIntegralNumber() && value.canConvertToLong()
                ? Verdict.of(value.longValue() % by == 0) : Verdict.UNSURE);
    }

    private static BigDecimal decimal(JsonNode value) {
        try {
            return value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The compiled regular expression, or {@code null} when the validator's engine does not take it. */
    private static RegularExpression expression(RegularExpressionFactory factory, String pattern) {
        try {
            return factory.getRegularExpression(pattern);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
