package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Checks requests: the request line (operation, path and query parameters) and JSON request bodies. */
final class RequestChecker {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SpecDocument spec;
    private final OperationIndex index;
    private final SchemaChecker schemas;

    RequestChecker(SpecDocument spec, OperationIndex index, SchemaChecker schemas) {
        this.spec = spec;
        this.index = index;
        this.schemas = schemas;
    }

    ValidationResult checkBody(String operationId, String contentType, byte[] body) {
        JsonBody.Parsed parsed = JsonBody.parse(body);
        if (parsed.problem().isPresent()) {
            return new ValidationResult(subject(operationId, contentType), List.of(parsed.problem().get()));
        }
        return checkBody(operationId, contentType, parsed.node().orElseThrow());
    }

    ValidationResult checkBody(String operationId, String contentType, JsonNode body) {
        return new ValidationResult(subject(operationId, contentType),
                schemas.checkTree(index.requestBodySchema(operationId, contentType), body));
    }

    private String subject(String operationId, String contentType) {
        return spec.name() + " " + operationId + " request " + contentType;
    }

    ValidationResult checkLine(String method, String pathAndQuery) {
        String subject = spec.name() + " " + method.toUpperCase(Locale.ROOT) + " " + pathAndQuery;
        String path = OperationIndex.stripQuery(pathAndQuery);
        Optional<Operation> found = index.find(method, path);
        if (found.isEmpty()) {
            return new ValidationResult(subject, List.of(index.unknownOperation(method, path)));
        }
        Operation op = found.get();
        Map<String, String> pathValues = op.match(path).orElseThrow();
        Map<String, List<String>> queryValues = parseQuery(pathAndQuery);
        List<Violation> violations = new ArrayList<>();
        List<String> documentedQuery = new ArrayList<>();
        for (String parameterPointer : index.parameterPointers(op)) {
            JsonNode parameter = spec.at(parameterPointer);
            String in = parameter.path("in").asText();
            String parameterName = parameter.path("name").asText();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            if (in.equals("query")) {
                documentedQuery.add(parameterName);
            }
            List<String> values = in.equals("path")
                    ? Optional.ofNullable(pathValues.get(parameterName)).map(List::of).orElse(List.of())
                    : queryValues.getOrDefault(parameterName, List.of());
            String pointer = "/" + in + "/" + SpecDocument.escape(parameterName);
            if (values.isEmpty()) {
                if (parameter.path("required").asBoolean(false)) {
                    violations.add(new Violation(pointer, spec.location(parameterPointer + "/required"), "required",
                            "required " + in + " parameter '" + parameterName + "' is missing"));
                }
                continue;
            }
            String schemaPointer = parameterPointer + "/schema";
            for (String value : values) {
                List<Violation> problems = new ArrayList<>();
                schemas.check(schemaPointer, parameterValue(spec.at(schemaPointer), value), "", problems);
                for (Violation v : problems) {
                    violations.add(new Violation(pointer, v.schemaLocation(), v.keyword(),
                            v.message() + " (value '" + value + "')"));
                }
            }
        }
        for (String query : queryValues.keySet()) {
            if (!documentedQuery.contains(query)) {
                violations.add(new Violation("/query/" + SpecDocument.escape(query), spec.location(op.pointer() + "/parameters"),
                        "parameter", "query parameter '" + query + "' is not documented for " + op.operationId()));
            }
        }
        return new ValidationResult(subject, violations);
    }

    /** A parameter value as the JSON its schema expects: booleans and numbers typed, anything else a string. */
    private static JsonNode parameterValue(JsonNode schema, String value) {
        String type = schema.path("type").asText();
        if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        if (type.equals("integer") && value.matches("-?\\d{1,18}")) {
            return NODES.numberNode(Long.parseLong(value));
        }
        if (type.equals("number") && value.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return NODES.numberNode(new BigDecimal(value));
        }
        return NODES.textNode(value);
    }

    private static Map<String, List<String>> parseQuery(String pathAndQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int q = pathAndQuery.indexOf('?');
        if (q < 0 || q == pathAndQuery.length() - 1) {
            return values;
        }
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    /** Percent-decodes a query part; a malformed escape is kept as it was sent (and then checked as such). */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }
}
