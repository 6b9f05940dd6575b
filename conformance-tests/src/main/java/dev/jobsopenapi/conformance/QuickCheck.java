package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fast, conservative verdicts on values, one rule per schema keyword (a table, as the full validator has one
 * class per keyword). A rule says {@link Verdict#VALID} only where the full validator finds nothing wrong with the
 * keyword; where it cannot be sure it says {@link Verdict#UNSURE}, and whenever a schema's verdict is not
 * {@code VALID} the full validator is asked, so every reported violation is the full validator's own. Which
 * keywords a schema has, and how references are followed, is {@link SchemaShapes}' business.
 *
 * <p>Semantics follow the networknt validator in its OpenAPI 3.0 dialect: {@code nullable} lets {@code null}
 * pass {@code type} (and {@code enum}); {@code pattern} uses the validator's own regular expressions; lengths
 * count code points; {@code format: int32/int64} asserts nothing (networknt does not know them), the ranges are
 * in {@code minimum}/{@code maximum}.
 */
final class QuickCheck {

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

    /** One compiled keyword, or one compiled schema. */
    @FunctionalInterface
    interface Rule {
        Verdict test(JsonNode value);
    }

    /** Compiles one keyword of a schema; {@code null} when its argument is not one the rule understands. */
    @FunctionalInterface
    interface Keyword {
        Rule compile(Argument argument);
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
    record Argument(String keyword, JsonNode value, JsonNode schema, String pointer, Function<String, Rule> subschema) {
        boolean nullable() {
            return schema.path("nullable").booleanValue();
        }
    }

    static final Rule UNSURE = value -> Verdict.UNSURE;
    static final Rule ANY = value -> Verdict.VALID;

    private final Map<String, Keyword> keywords;

    QuickCheck(RegularExpressionFactory regularExpressions) {
        this.keywords = Map.ofEntries(
                Map.entry("nullable", argument -> ANY), // its effect is in type and enum
                Map.entry("type", ValueKeywords::compile),
                Map.entry("enum", ValueKeywords::enumeration),
                Map.entry("format", ValueKeywords::format),
                Map.entry("properties", ContainerKeywords::properties),
                Map.entry("additionalProperties", ContainerKeywords::additionalProperties),
                Map.entry("required", ContainerKeywords::required),
                Map.entry("minProperties", argument -> ContainerKeywords.propertyCount(argument, true)),
                Map.entry("maxProperties", argument -> ContainerKeywords.propertyCount(argument, false)),
                Map.entry("items", ContainerKeywords::items),
                Map.entry("minItems", argument -> ContainerKeywords.itemCount(argument, true)),
                Map.entry("maxItems", argument -> ContainerKeywords.itemCount(argument, false)),
                Map.entry("uniqueItems", ContainerKeywords::unique),
                Map.entry("minLength", argument -> ScalarKeywords.length(argument, true)),
                Map.entry("maxLength", argument -> ScalarKeywords.length(argument, false)),
                Map.entry("pattern", argument -> ScalarKeywords.pattern(argument, regularExpressions)),
                Map.entry("minimum", argument -> ScalarKeywords.bound(argument, true)),
                Map.entry("maximum", argument -> ScalarKeywords.bound(argument, false)),
                Map.entry("exclusiveMinimum", ScalarKeywords::flag), // read by minimum
                Map.entry("exclusiveMaximum", ScalarKeywords::flag), // read by maximum
                Map.entry("multipleOf", ScalarKeywords::multipleOf),
                Map.entry("allOf", argument -> combination(argument, QuickCheck::all)),
                Map.entry("anyOf", argument -> combination(argument, QuickCheck::any)),
                Map.entry("oneOf", argument -> combination(argument, QuickCheck::one)),
                Map.entry("not", QuickCheck::not));
    }

    /** The rule of one keyword of the schema at {@code pointer}; {@code null} when there is none for it. */
    Rule compile(String keyword, JsonNode schema, String pointer, Function<String, Rule> subschema) {
        Keyword compiler = keywords.get(keyword);
        return compiler == null ? null : compiler.compile(new Argument(keyword, schema.get(keyword), schema, pointer, subschema));
    }

    /** All rules must hold. */
    static Rule all(List<Rule> rules) {
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

    private static Rule any(List<Rule> rules) {
        Rule[] array = rules.toArray(Rule[]::new);
        return value -> {
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
    }

    /** Exactly one rule must hold. */
    private static Rule one(List<Rule> rules) {
        Rule[] array = rules.toArray(Rule[]::new);
        return value -> {
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
            return Verdict.of(valid == 1);
        };
    }

    private static Rule combination(Argument argument, Function<List<Rule>, Rule> combine) {
        JsonNode branches = argument.value();
        if (!branches.isArray() || branches.isEmpty()) {
            return null;
        }
        Rule[] rules = new Rule[branches.size()];
        for (int i = 0; i < rules.length; i++) {
            if (!branches.get(i).isObject()) {
                return null;
            }
            rules[i] = argument.subschema().apply(argument.pointer() + "/" + argument.keyword() + "/" + i);
        }
        return combine.apply(List.of(rules));
    }

    private static Rule not(Argument argument) {
        if (!argument.value().isObject()) {
            return null;
        }
        Rule rule = argument.subschema().apply(argument.pointer() + "/not");
        return value -> rule.test(value).negate();
    }

    /** A rule that holds for values other than {@code applies} accepts. */
    static Rule onlyFor(java.util.function.Predicate<JsonNode> applies, Rule rule) {
        return value -> applies.test(value) ? rule.test(value) : Verdict.VALID;
    }

    /** The compiled regular expression, or {@code null} when the validator's engine does not take it. */
    static RegularExpression expression(RegularExpressionFactory factory, String pattern) {
        try {
            return factory.getRegularExpression(pattern);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
