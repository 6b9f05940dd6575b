package dev.jobsopenapi.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsopenapi.conformance.Operation;
import dev.jobsopenapi.specs.RequestTarget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One request the fuzzer sends: the operation, its path, query and header parameters, and its JSON body (or
 * none). {@code negative} names the one rule it breaks, or is null for a request that conforms.
 */
record FuzzRequest(Operation operation, Map<String, String> path, Map<String, String> query, Map<String, String> headers,
                   JsonNode body, String negative) {

    FuzzRequest {
        path = new LinkedHashMap<>(path);
        query = new LinkedHashMap<>(query);
        headers = new LinkedHashMap<>(headers);
    }

    String method() {
        return operation.method();
    }

    /** The path and query as sent, each value percent-encoded. */
    String target() {
        String target = operation.pathTemplate();
        for (Map.Entry<String, String> variable : path.entrySet()) {
            target = target.replace("{" + variable.getKey() + "}", RequestTarget.encodePathSegment(variable.getValue()));
        }
        StringJoiner line = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> line.add(RequestTarget.encodeQueryComponent(name) + "=" + RequestTarget.encodeQueryComponent(value)));
        return target + line;
    }

    FuzzRequest withBody(JsonNode replacement) {
        return new FuzzRequest(operation, path, query, headers, replacement, negative);
    }

    FuzzRequest withQuery(Map<String, String> replacement) {
        return new FuzzRequest(operation, path, replacement, headers, body, negative);
    }

    FuzzRequest withHeaders(Map<String, String> replacement) {
        return new FuzzRequest(operation, path, query, replacement, body, negative);
    }

    FuzzRequest negative(String rule, Map<String, String> replacementPath) {
        return new FuzzRequest(operation, replacementPath, query, headers, body, rule);
    }

    FuzzRequest negative(String rule) {
        return new FuzzRequest(operation, path, query, headers, body, rule);
    }
}
