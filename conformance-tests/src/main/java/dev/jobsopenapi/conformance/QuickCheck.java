package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.regex.RegularExpressionFactory;

import dev.jobsopenapi.conformance.QuickRule.Argument;
import dev.jobsopenapi.conformance.QuickRule.Verdict;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fast, conservative verdicts on values, one {@link QuickRule} per schema keyword (a table, as the full validator has one
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

    /** Compiles one keyword of a schema; {@code null} when its argument is not one the rule understands. */
    @FunctionalInterface
    private interface Keyword {
        QuickRule compile(Argument argument);
    }

    private final Map<String, Keyword> keywords;

    QuickCheck(RegularExpressionFactory regularExpressions) {
        this.keywords = Map.ofEntries(
                Map.entry("nullable", argument -> QuickRule.ANY), // its effect is in type and enum
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
                Map.entry("allOf", argument -> combination(argument, QuickRule::all)),
                Map.entry("anyOf", argument -> combination(argument, QuickCheck::any)),
                Map.entry("oneOf", argument -> combination(argument, QuickCheck::one)),
                Map.entry("not", QuickCheck::not));
    }

    /** The rule of one keyword of the schema at {@code pointer}; {@code null} when there is none for it. */
    QuickRule compile(String keyword, JsonNode schema, String pointer, Function<String, QuickRule> subschema) {
        Keyword compiler = keywords.get(keyword);
        return compiler == null ? null : compiler.compile(new Argument(keyword, schema.get(keyword), schema, pointer, subschema));
    }

    private static QuickRule any(List<QuickRule> rules) {
        QuickRule[] array = rules.toArray(QuickRule[]::new);
        return value -> {
            Verdict verdict = Verdict.INVALID;
            for (QuickRule rule : array) {
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
    private static QuickRule one(List<QuickRule> rules) {
        QuickRule[] array = rules.toArray(QuickRule[]::new);
        return value -> {
            int valid = 0;
            for (QuickRule rule : array) {
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

    private static QuickRule combination(Argument argument, Function<List<QuickRule>, QuickRule> combine) {
        JsonNode branches = argument.value();
        if (!branches.isArray() || branches.isEmpty()) {
            return null;
        }
        QuickRule[] rules = new QuickRule[branches.size()];
        for (int i = 0; i < rules.length; i++) {
            if (!branches.get(i).isObject()) {
                return null;
            }
            rules[i] = argument.subschema().apply(argument.pointer() + "/" + argument.keyword() + "/" + i);
        }
        return combine.apply(List.of(rules));
    }

    private static QuickRule not(Argument argument) {
        if (!argument.value().isObject()) {
            return null;
        }
        QuickRule rule = argument.subschema().apply(argument.pointer() + "/not");
        return value -> rule.test(value).negate();
    }
}
