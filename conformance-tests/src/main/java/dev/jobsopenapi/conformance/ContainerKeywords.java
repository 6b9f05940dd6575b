package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.conformance.QuickRule.Argument;
import dev.jobsopenapi.conformance.QuickRule.Verdict;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The quick rules of the keywords that look into objects and arrays. Each holds for values of other kinds. */
final class ContainerKeywords {

    private ContainerKeywords() {
    }

    /** {@code properties}: each declared key that is present holds its schema. */
    static QuickRule properties(Argument argument) {
        if (!argument.value().isObject()) {
            return null;
        }
        Map<String, QuickRule> declared = new HashMap<>();
        for (Iterator<String> names = argument.value().fieldNames(); names.hasNext(); ) {
            String name = names.next();
            declared.put(name, argument.subschema().apply(argument.pointer() + "/properties/" + SpecDocument.escape(name)));
        }
        return QuickRule.onlyFor(JsonNode::isObject, value -> {
            Verdict verdict = Verdict.VALID;
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                QuickRule rule = declared.get(field.getKey());
                if (rule != null && (verdict = verdict.and(rule.test(field.getValue()))) == Verdict.INVALID) {
                    return verdict;
                }
            }
            return verdict;
        });
    }

    /** {@code additionalProperties}: each key {@code properties} does not declare holds this schema (or none may be). */
    static QuickRule additionalProperties(Argument argument) {
        JsonNode additional = argument.value();
        JsonNode properties = argument.schema().path("properties");
        QuickRule others;
        if (additional.isBoolean()) {
            others = additional.booleanValue() ? QuickRule.ANY : value -> Verdict.INVALID;
        } else if (additional.isObject()) {
            others = argument.subschema().apply(argument.pointer() + "/additionalProperties");
        } else {
            return null;
        }
        return QuickRule.onlyFor(JsonNode::isObject, value -> {
            Verdict verdict = Verdict.VALID;
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!properties.has(field.getKey()) && (verdict = verdict.and(others.test(field.getValue()))) == Verdict.INVALID) {
                    return verdict;
                }
            }
            return verdict;
        });
    }

    /** {@code required}: every name is a key. */
    static QuickRule required(Argument argument) {
        if (!argument.value().isArray()) {
            return null;
        }
        String[] names = new String[argument.value().size()];
        for (int i = 0; i < names.length; i++) {
            JsonNode name = argument.value().get(i);
            if (!name.isTextual()) {
                return null;
            }
            names[i] = name.textValue();
        }
        return QuickRule.onlyFor(JsonNode::isObject, value -> {
            for (String name : names) {
                if (!value.has(name)) {
                    return Verdict.INVALID;
                }
            }
            return Verdict.VALID;
        });
    }

    /** {@code minProperties} or {@code maxProperties}. */
    static QuickRule propertyCount(Argument argument, boolean minimum) {
        int limit = ScalarKeywords.count(argument.value());
        return limit < 0 ? null : QuickRule.onlyFor(JsonNode::isObject,
                value -> Verdict.of(minimum ? value.size() >= limit : value.size() <= limit));
    }

    /** {@code items} (one schema; OpenAPI 3.0 has no tuples): every element holds it. */
    static QuickRule items(Argument argument) {
        if (!argument.value().isObject()) {
            return null;
        }
        QuickRule item = argument.subschema().apply(argument.pointer() + "/items");
        return QuickRule.onlyFor(JsonNode::isArray, value -> {
            Verdict verdict = Verdict.VALID;
            for (JsonNode element : value) {
                if ((verdict = verdict.and(item.test(element))) == Verdict.INVALID) {
                    return verdict;
                }
            }
            return verdict;
        });
    }

    /** {@code minItems} or {@code maxItems}. */
    static QuickRule itemCount(Argument argument, boolean minimum) {
        int limit = ScalarKeywords.count(argument.value());
        return limit < 0 ? null : QuickRule.onlyFor(JsonNode::isArray,
                value -> Verdict.of(minimum ? value.size() >= limit : value.size() <= limit));
    }

    /**
     * {@code uniqueItems}: decided here for arrays of text only; numbers and containers compare in ways (1 and
     * 1.0) that are the full validator's to judge.
     */
    static QuickRule unique(Argument argument) {
        if (!argument.value().isBoolean()) {
            return null;
        }
        if (!argument.value().booleanValue()) {
            return QuickRule.ANY;
        }
        return QuickRule.onlyFor(JsonNode::isArray, value -> {
            Set<String> seen = new HashSet<>();
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    return Verdict.UNSURE;
                }
                if (!seen.add(element.textValue())) {
                    return Verdict.INVALID;
                }
            }
            return Verdict.VALID;
        });
    }
}
