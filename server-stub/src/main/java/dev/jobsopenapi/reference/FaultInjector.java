package dev.jobsopenapi.reference;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsopenapi.specs.Resolution;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Applies the {@link Faults} of the operation the {@link RoutingFilter} resolved to its answer, as the last thing
 * before the answer is written: the body as each API writes it, turned into a JSON tree, then changed.
 */
@Priority(Priorities.USER + 1000)
final class FaultInjector implements ContainerResponseFilter {

    private final Faults faults;
    private final ObjectMapper mapper;

    FaultInjector(Faults faults, ObjectMapper mapper) {
        this.faults = faults;
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(RoutingFilter.RESOLUTION) instanceof Resolution resolution)) {
            return;
        }
        List<Fault> list = resolution.operationId().map(faults::of).orElse(List.of());
        if (list.isEmpty()) {
            return;
        }
        JsonNode body = response.hasEntity() ? mapper.valueToTree(response.getEntity()) : null;
        for (Fault fault : list) {
            switch (fault.kind()) {
                case STATUS -> response.setStatus(fault.statusCode());
                case BODY -> body = fault.bodyJson();
                case DROP -> body = drop(body, fault.jsonPointer());
                case RETYPE -> body = retype(body, fault.jsonPointer());
                case DELAY -> sleep(fault);
            }
        }
        if (body != null) {
            response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private static JsonNode drop(JsonNode body, JsonPointer pointer) {
        JsonNode parent = body == null ? null : body.at(pointer.head());
        if (parent instanceof ObjectNode object) {
            object.remove(pointer.last().getMatchingProperty());
        } else if (parent instanceof ArrayNode array && pointer.last().getMatchingIndex() >= 0) {
            array.remove(pointer.last().getMatchingIndex());
        }
        return body;
    }

    private static JsonNode retype(JsonNode body, JsonPointer pointer) {
        if (body == null || body.at(pointer).isMissingNode()) {
            return body;
        }
        JsonNode value = body.at(pointer);
        JsonNode changed;
        if (value.isTextual()) {
            String digits = value.asText();
            changed = digits.matches("-?[0-9]{1,18}") ? JsonNodeFactory.instance.numberNode(Long.parseLong(digits))
                    : JsonNodeFactory.instance.numberNode(digits.length());
        } else if (value.isContainerNode()) {
            changed = JsonNodeFactory.instance.textNode(value.toString());
        } else {
            changed = JsonNodeFactory.instance.textNode(value.asText());
        }
        if (pointer.head().matches()) {
            return changed;
        }
        JsonNode parent = body.at(pointer.head());
        if (parent instanceof ObjectNode object) {
            object.set(pointer.last().getMatchingProperty(), changed);
        } else if (parent instanceof ArrayNode array) {
            array.set(pointer.last().getMatchingIndex(), changed);
        }
        return body;
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.duration().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
