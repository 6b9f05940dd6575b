package dev.jobsopenapi.conformance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Operation;
import dev.jobsopenapi.conformance.Parameter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The spec's OpenAPI {@code links}: which operation an answer leads to, with which values (runtime expressions
 * such as {@code $response.body#/submission_id} and {@code $request.path.project_id}), and what the link expects
 * of the answer it leads to ({@code x-expect}: {@code found}, {@code listed} or {@code gone}).
 */
final class Links {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Links() {
    }

    /** A request and the answer it got, which a link's expressions read. */
    record Context(FuzzRequest source, Optional<JsonNode> answer) {
    }

    /** The links of the operation's answer with that status, by name ({@code $ref}s resolved); empty when none. */
    static ObjectNode of(ApiContract contract, Operation op, int status) {
        ObjectNode links = NODES.objectNode();
        contract.responsePointer(op.operationId(), Integer.toString(status)).ifPresent(response ->
                contract.document().at(response + "/links").fields().forEachRemaining(link ->
                        links.set(link.getKey(), Values.resolve(contract.document(), link.getValue()))));
        return links;
    }

    /** The value of a runtime expression, or empty when what it names is not there; any other text is a literal. */
    static Optional<JsonNode> evaluate(String expression, Context context) {
        if (expression.startsWith("$response.body")) {
            String pointer = expression.startsWith("$response.body#") ? expression.substring("$response.body#".length()) : "";
            return context.answer().map(body -> body.at(pointer)).filter(node -> !node.isMissingNode() && !node.isNull());
        }
        if (expression.startsWith("$request.path.")) {
            return Optional.ofNullable(context.source().path().get(expression.substring("$request.path.".length()))).map(TextNode::valueOf);
        }
        if (expression.startsWith("$request.query.")) {
            return Optional.ofNullable(context.source().query().get(expression.substring("$request.query.".length()))).map(TextNode::valueOf);
        }
        if (expression.startsWith("$request.body")) {
            String pointer = expression.startsWith("$request.body#") ? expression.substring("$request.body#".length()) : "";
            return Optional.ofNullable(context.source().body()).map(body -> body.at(pointer)).filter(node -> !node.isMissingNode());
        }
        return Optional.of(TextNode.valueOf(expression));
    }

    /** Whether the link's expectation applies: its {@code x-expect-when}, if any, equals the answer's body. */
    static boolean when(JsonNode link, Context context) {
        JsonNode when = link.get("x-expect-when");
        return when == null || context.answer().map(when::equals).orElse(false);
    }

    /** Whether every expression of the link (parameters and request body) resolves. */
    static boolean resolves(JsonNode link, Context context) {
        for (JsonNode expression : (Iterable<JsonNode>) link.path("parameters")::elements) {
            if (evaluate(expression.asText(), context).isEmpty()) {
                return false;
            }
        }
        return bodyTemplate(link).map(template -> body(template, context).isPresent()).orElse(true);
    }

    /**
     * The request a link leads to: its parameters and body from the link's expressions, the target's other path
     * parameters from the fixed values or the source request (a project id), the rest from a generated conforming
     * request; empty when an expression does not resolve.
     */
    static Optional<FuzzRequest> request(JsonNode link, Operation target, Context context, ApiContract contract,
                                         Map<String, String> fixed, Function<Operation, Optional<FuzzRequest>> generated) {
        if (!resolves(link, context)) {
            return Optional.empty();
        }
        Optional<FuzzRequest> base = generated.apply(target);
        Map<String, String> path = new LinkedHashMap<>(base.map(FuzzRequest::path).orElse(Map.of()));
        Map<String, String> query = new LinkedHashMap<>(base.map(FuzzRequest::query).orElse(Map.of()));
        Map<String, String> headers = new LinkedHashMap<>(base.map(FuzzRequest::headers).orElse(Map.of()));
        for (Parameter parameter : contract.parameters(target)) {
            if (parameter.in().equals("path") && !link.path("parameters").has(parameter.name())) {
                String value = fixed.containsKey(parameter.name()) ? fixed.get(parameter.name())
                        : context.source().path().get(parameter.name());
                if (value != null) {
                    path.put(parameter.name(), value);
                }
            }
        }
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) link.path("parameters")::fields) {
            String name = entry.getKey();
            String in = null;
            if (name.contains(".")) {
                in = name.substring(0, name.indexOf('.'));
                name = name.substring(name.indexOf('.') + 1);
            }
            JsonNode value = evaluate(entry.getValue().asText(), context).orElseThrow();
            String text = value.isTextual() ? value.asText() : value.toString();
            for (Parameter parameter : contract.parameters(target)) {
                if (parameter.name().equals(name) && (in == null || in.equals(parameter.in()))) {
                    (parameter.in().equals("path") ? path : parameter.in().equals("query") ? query : headers).put(name, text);
                    break;
                }
            }
        }
        Optional<JsonNode> template = bodyTemplate(link);
        JsonNode body = template.isPresent() ? body(template.get(), context).orElseThrow() : base.map(FuzzRequest::body).orElse(null);
        return Optional.of(new FuzzRequest(target, path, query, headers, body, null));
    }

    /**
     * The link's request body: {@code requestBody} (one runtime expression or a literal, as OpenAPI 3.0 parsers
     * accept it) or {@code x-request-body} (a JSON value whose strings may be runtime expressions).
     */
    private static Optional<JsonNode> bodyTemplate(JsonNode link) {
        return Optional.ofNullable(link.has("x-request-body") ? link.get("x-request-body") : link.get("requestBody"));
    }

    /** A link's request body: an expression, or a value whose strings may be expressions. */
    private static Optional<JsonNode> body(JsonNode template, Context context) {
        if (template.isTextual()) {
            return template.asText().startsWith("$") ? evaluate(template.asText(), context) : Optional.of(template);
        }
        if (template.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) template::fields) {
                Optional<JsonNode> value = body(field.getValue(), context);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                out.set(field.getKey(), value.get());
            }
            return Optional.of(out);
        }
        if (template.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (JsonNode item : template) {
                Optional<JsonNode> value = body(item, context);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
                out.add(value.get());
            }
            return Optional.of(out);
        }
        return Optional.of(template);
    }
}
