package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fast, conservative verdict on a value against one schema of a spec, compiled once from the schema's
 * keywords. It says {@link Verdict#VALID} only where the full validator finds nothing wrong; keywords it does not
 * know, and corners where it cannot be sure, make it {@link Verdict#UNSURE}. Whenever it does not say
 * {@code VALID}, the full validator is asked, so every reported violation is the full validator's own.
 *
 * <p>Semantics follow the networknt validator in its OpenAPI 3.0 dialect: {@code nullable} lets {@code null}
 * pass {@code type} (and {@code enum}); {@code pattern} uses the validator's own regular expressions; lengths
 * count code points; {@code format: int32/int64} asserts nothing (networknt does not know them), the ranges
 * are in {@code minimum}/{@code maximum}.
 */
final class QuickCheck {

    /** What the quick check can tell about a value. */
    enum Verdict {
        VALID, INVALID, UNSURE;

        /** Both must hold. */
        Verdict and(Verdict other) {
            if (this == INVALID || other == INVALID) {
                return INVALID;
            }
            return this == UNSURE || other == UNSURE ? UNSURE : VALID;
        }
    }

    /** One compiled keyword, or one compiled schema. */
    @FunctionalInterface
    interface Rule {
        Verdict test(JsonNode value);
    }

    private static final Rule UNKNOWN = value -> Verdict.UNSURE;
    private static final Rule NOTHING = value -> Verdict.INVALID;
    /** Keywords that assert nothing in the OpenAPI 3.0 dialect. */
    static final Set<String> ANNOTATIONS = Set.of("description", "title", "example", "default", "deprecated",
            "externalDocs");

    private final SpecDocument spec;
    private final RegularExpressionFactory regularExpressions;
    private final Map<String, Rule> bySchemaPointer = new ConcurrentHashMap<>();

    QuickCheck(SpecDocument spec, RegularExpressionFactory regularExpressions) {
        this.spec = spec;
        this.regularExpressions = regularExpressions;
    }

    /** The verdict on the value against the schema at the pointer. */
    Verdict test(String schemaPointer, JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return Verdict.UNSURE;
        }
        return rule(schemaPointer).test(value);
    }

    /** The compiled rule of the schema at the pointer, for a caller that judges many values against it. */
    Rule rule(String schemaPointer) {
        Rule rule = bySchemaPointer.get(schemaPointer);
        if (rule == null) {
            rule = compile(spec.at(schemaPointer));
            Rule earlier = bySchemaPointer.putIfAbsent(schemaPointer, rule);
            rule = earlier == null ? rule : earlier;
        }
        return rule;
    }

    private Rule compile(JsonNode schema) {
        if (!schema.isObject()) {
            return UNKNOWN;
        }
        JsonNode nullableNode = schema.get("nullable");
        if (nullableNode != null && !nullableNode.isBoolean()) {
            return UNKNOWN;
        }
        boolean nullable = nullableNode != null && nullableNode.booleanValue();
        List<Rule> rules = new ArrayList<>();
        boolean objectRuleAdded = false;
        boolean rangeRuleAdded = false;
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (key.startsWith("x-") || ANNOTATIONS.contains(key) || key.equals("nullable")) {
                continue;
            }
            JsonNode argument = schema.get(key);
            Rule rule = switch (key) {
                case "$ref" -> onlyAnnotationsBeside(schema) ? reference(argument) : UNKNOWN;
                case "type" -> type(argument, nullable);
                case "properties", "additionalProperties" -> {
                    if (objectRuleAdded) {
                        yield null;
                    }
                    objectRuleAdded = true;
                    yield properties(schema.get("properties"), schema.get("additionalProperties"));
                }
                case "required" -> required(argument);
                case "items" -> argument.isObject() ? items(compile(argument)) : UNKNOWN;
                case "enum" -> enumeration(argument, nullable);
                case "pattern" -> pattern(argument);
                case "minLength", "maxLength" -> length(key, argument);
                case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> {
                    if (rangeRuleAdded) {
                        yield null;
                    }
                    rangeRuleAdded = true;
                    yield range(schema);
                }
                case "format" -> format(argument);
                case "allOf", "anyOf", "oneOf" -> combination(key, argument);
                case "not" -> argument.isObject() ? not(compile(argument)) : UNKNOWN;
                default -> UNKNOWN;
            };
            if (rule == UNKNOWN) {
                return UNKNOWN;
            }
            if (rule != null) {
                rules.add(rule);
            }
        }
        return all(rules);
    }

    private static boolean onlyAnnotationsBeside(JsonNode schema) {
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("$ref") && !key.startsWith("x-") && !ANNOTATIONS.contains(key)) {
                return false;
            }
        }
        return true;
    }

    private static Rule all(List<Rule> rules) {
        Rule[] array = rules.toArray(Rule[]::new);
        if (array.length == 1) {
            return array[0];
        }
        return value -> {
            Verdict verdict = Verdict.VALID;
            for (Rule rule : array) {
                verdict = verdict.and(rule.test(value));
                if (verdict == Verdict.INVALID) {
                    return verdict;
                }
            }
            return verdict;
        };
    }

    private Rule reference(JsonNode argument) {
        if (!argument.isTextual() || !argument.textValue().startsWith("#/")) {
            return UNKNOWN;
        }
        String target = argument.textValue().substring(1);
        Rule[] resolved = new Rule[1];
        return value -> {
            Rule rule = resolved[0];
            if (rule == null) {
                rule = rule(target);
                resolved[0] = rule;
            }
            return rule.test(value);
        };
    }

    private static Rule type(JsonNode argument, boolean nullable) {
        if (!argument.isTextual()) {
            return UNKNOWN;
        }
        Verdict onNull = nullable ? Verdict.VALID : Verdict.INVALID;
        return switch (argument.textValue()) {
            case "string" -> value -> value.isTextual() ? Verdict.VALID : value.isNull() ? onNull : Verdict.INVALID;
            case "integer" -> value -> value.isIntegralNumber() ? Verdict.VALID
                    : value.isNumber() ? Verdict.UNSURE : value.isNull() ? onNull : Verdict.INVALID;
            case "number" -> value -> value.isNumber() ? Verdict.VALID : value.isNull() ? onNull : Verdict.INVALID;
            case "boolean" -> value -> value.isBoolean() ? Verdict.VALID : value.isNull() ? onNull : Verdict.INVALID;
            case "object" -> value -> value.isObject() ? Verdict.VALID : value.isNull() ? onNull : Verdict.INVALID;
            case "array" -> value -> value.isArray() ? Verdict.VALID : value.isNull() ? onNull : Verdict.INVALID;
            default -> UNKNOWN;
        };
    }

    private Rule properties(JsonNode properties, JsonNode additional) {
        Map<String, Rule> declared = new HashMap<>();
        if (properties != null) {
            if (!properties.isObject()) {
                return UNKNOWN;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                declared.put(property.getKey(), compile(property.getValue()));
            }
        }
        Rule others;
        if (additional == null || (additional.isBoolean() && additional.booleanValue())) {
            others = null;
        } else if (additional.isBoolean()) {
            others = NOTHING;
        } else if (additional.isObject()) {
            others = compile(additional);
        } else {
            return UNKNOWN;
        }
        return value -> {
            if (!value.isObject()) {
                return Verdict.VALID;
            }
            Verdict verdict = Verdict.VALID;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Rule rule = declared.get(field.getKey());
                if (rule == null) {
                    rule = others;
                }
                if (rule != null) {
                    verdict = verdict.and(rule.test(field.getValue()));
                    if (verdict == Verdict.INVALID) {
                        return verdict;
                    }
                }
            }
            return verdict;
        };
    }

    private static Rule required(JsonNode argument) {
        if (!argument.isArray()) {
            return UNKNOWN;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : argument) {
            if (!name.isTextual()) {
                return UNKNOWN;
            }
            names.add(name.textValue());
        }
        String[] array = names.toArray(String[]::new);
        return value -> {
            if (!value.isObject()) {
                return Verdict.VALID;
            }
            for (String name : array) {
                if (!value.has(name)) {
                    return Verdict.INVALID;
                }
            }
            return Verdict.VALID;
        };
    }

    private static Rule items(Rule item) {
        return value -> {
            if (!value.isArray()) {
                return Verdict.VALID;
            }
            Verdict verdict = Verdict.VALID;
            for (JsonNode element : value) {
                verdict = verdict.and(item.test(element));
                if (verdict == Verdict.INVALID) {
                    return verdict;
                }
            }
            return verdict;
        };
    }

    private static Rule enumeration(JsonNode argument, boolean nullable) {
        if (!argument.isArray()) {
            return UNKNOWN;
        }
        Set<JsonNode> members = new HashSet<>();
        boolean allText = true;
        for (JsonNode member : argument) {
            members.add(member);
            allText &= member.isTextual();
        }
        boolean onlyText = allText;
        return value -> {
            if (members.contains(value) || (nullable && value.isNull())) {
                return Verdict.VALID;
            }
            return onlyText && value.isTextual() ? Verdict.INVALID : Verdict.UNSURE;
        };
    }

    private Rule pattern(JsonNode argument) {
        if (!argument.isTextual()) {
            return UNKNOWN;
        }
        RegularExpression expression;
        try {
            expression = regularExpressions.getRegularExpression(argument.textValue());
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
        return value -> !value.isTextual() ? Verdict.VALID
                : expression.matches(value.textValue()) ? Verdict.VALID : Verdict.INVALID;
    }

    private static Rule length(String keyword, JsonNode argument) {
        if (!argument.canConvertToExactIntegral() || !argument.canConvertToInt()) {
            return UNKNOWN;
        }
        int limit = argument.intValue();
        boolean minimum = keyword.equals("minLength");
        return value -> {
            if (!value.isTextual()) {
                return Verdict.VALID;
            }
            String text = value.textValue();
            int length = text.codePointCount(0, text.length());
            return (minimum ? length >= limit : length <= limit) ? Verdict.VALID : Verdict.INVALID;
        };
    }

    /** {@code minimum}, {@code maximum} and their boolean {@code exclusive} flags, compared exactly. */
    private static Rule range(JsonNode schema) {
        JsonNode min = schema.get("minimum");
        JsonNode max = schema.get("maximum");
        JsonNode exclusiveMin = schema.get("exclusiveMinimum");
        JsonNode exclusiveMax = schema.get("exclusiveMaximum");
        if ((min != null && !min.isNumber()) || (max != null && !max.isNumber())
                || (exclusiveMin != null && !exclusiveMin.isBoolean()) || (exclusiveMax != null && !exclusiveMax.isBoolean())) {
            return UNKNOWN;
        }
        BigDecimal lower = min == null ? null : new BigDecimal(min.asText());
        BigDecimal upper = max == null ? null : new BigDecimal(max.asText());
        boolean lowerExcluded = exclusiveMin != null && exclusiveMin.booleanValue();
        boolean upperExcluded = exclusiveMax != null && exclusiveMax.booleanValue();
        boolean integerSchema = "integer".equals(schema.path("type").asText());
        Long lowerLong = lower != null && min.canConvertToExactIntegral() && min.canConvertToLong() ? min.longValue() : null;
        Long upperLong = upper != null && max.canConvertToExactIntegral() && max.canConvertToLong() ? max.longValue() : null;
        return value -> {
            if (!value.isNumber()) {
                return Verdict.VALID;
            }
            if (!value.isIntegralNumber() && integerSchema) {
                return Verdict.UNSURE; // networknt truncates such values there; let it decide
            }
            boolean exactLong = value.isIntegralNumber() && value.canConvertToLong();
            BigDecimal number = null;
            if (!exactLong) {
                try {
                    number = value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : new BigDecimal(value.asText());
                } catch (NumberFormatException e) {
                    return Verdict.UNSURE;
                }
            }
            if (lower != null) {
                int compare = exactLong && lowerLong != null ? Long.compare(value.longValue(), lowerLong)
                        : (number != null ? number : BigDecimal.valueOf(value.longValue())).compareTo(lower);
                if (compare < 0 || (lowerExcluded && compare == 0)) {
                    return Verdict.INVALID;
                }
            }
            if (upper != null) {
                int compare = exactLong && upperLong != null ? Long.compare(value.longValue(), upperLong)
                        : (number != null ? number : BigDecimal.valueOf(value.longValue())).compareTo(upper);
                if (compare > 0 || (upperExcluded && compare == 0)) {
                    return Verdict.INVALID;
                }
            }
            return Verdict.VALID;
        };
    }

    private static Rule format(JsonNode argument) {
        String format = argument.asText();
        if (format.equals("int32")) {
            return value -> value.isIntegralNumber() && value.canConvertToInt() ? Verdict.VALID : Verdict.UNSURE;
        }
        if (format.equals("int64")) {
            return value -> value.isIntegralNumber() && value.canConvertToLong() ? Verdict.VALID : Verdict.UNSURE;
        }
        return UNKNOWN;
    }

    private Rule combination(String keyword, JsonNode argument) {
        if (!argument.isArray() || argument.isEmpty()) {
            return UNKNOWN;
        }
        List<Rule> branches = new ArrayList<>();
        for (JsonNode branch : argument) {
            branches.add(compile(branch));
        }
        Rule[] array = branches.toArray(Rule[]::new);
        return switch (keyword) {
            case "allOf" -> all(branches);
            case "anyOf" -> value -> {
                Verdict verdict = Verdict.INVALID;
                for (Rule rule : array) {
                    Verdict one = rule.test(value);
                    if (one == Verdict.VALID) {
                        return one;
                    }
                    if (one == Verdict.UNSURE) {
                        verdict = one;
                    }
                }
                return verdict;
            };
            default -> value -> { // oneOf: exactly one branch
                int valid = 0;
                for (Rule rule : array) {
                    Verdict one = rule.test(value);
                    if (one == Verdict.UNSURE) {
                        return one;
                    }
                    if (one == Verdict.VALID) {
                        valid++;
                    }
                }
                return valid == 1 ? Verdict.VALID : Verdict.INVALID;
            };
        };
    }

    private static Rule not(Rule rule) {
        return value -> switch (rule.test(value)) {
            case VALID -> Verdict.INVALID;
            case INVALID -> Verdict.VALID;
            case UNSURE -> Verdict.UNSURE;
        };
    }
}
