package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jobsopenapi.specs.Resolution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks request lines: the path and query parameters of the operation a method and path are served by. */
final class RequestChecker {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SpecDocument spec;
    private final OperationIndex index;
    private final SchemaChecker schemas;
    private final SchemaShapes shapes;
    private final SecuritySchemes security;

    RequestChecker(SpecDocument spec, OperationIndex index, SchemaChecker schemas, SchemaShapes shapes, SecuritySchemes security) {
        this.security = security;
        this.spec = spec;
        this.index = index;
        this.schemas = schemas;
        this.shapes = shapes;
    }

    /**
     * The violations of a request line: each path and query parameter of the operation found for it against its
     * schema, required ones present, no query parameter the operation does not document.
     */
    List<Violation> checkLine(Operation op, String pathAndQuery) {
        Resolution line = index.resolve(op.method(), pathAndQuery);
        Map<String, String> pathValues = line.pathParameters();
        Map<String, List<String>> queryValues = line.target().query();
        List<Violation> violations = new ArrayList<>();
        List<String> documentedQuery = new ArrayList<>(security.queryNames());
        for (Parameter parameter : index.parameters(op)) {
            String parameterPointer = parameter.pointer();
            String in = parameter.in();
            String parameterName = parameter.name();
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
                if (parameter.required()) {
                    violations.add(new Violation(pointer, spec.location(parameterPointer + "/required"), "required",
                            "required " + in + " parameter '" + parameterName + "' is missing"));
                }
                continue;
            }
            String schemaPointer = parameterPointer + "/schema";
            for (String value : values) {
                List<Violation> problems = new ArrayList<>();
                schemas.check(schemaPointer, parameterValue(shapes.type(schemaPointer), value), "", problems);
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
        return violations;
    }

    /** A parameter value as the JSON its schema expects: booleans and numbers typed, anything else a string. */
    private static JsonNode parameterValue(String type, String value) {
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
}
