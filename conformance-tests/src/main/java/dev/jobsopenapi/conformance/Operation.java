package dev.jobsopenapi.conformance;

import dev.jobsopenapi.specs.SpecTree;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of a spec.
 *
 * @param operationId  its {@code operationId} (or {@code "METHOD /path"} when the spec gives none)
 * @param method       the HTTP method, upper case
 * @param pathTemplate the templated path, for example {@code /v1/{project_id}/dev-servers/jobs/{id}}
 * @param pointer      JSON pointer of the operation object in the spec
 */
public record Operation(String operationId, String method, String pathTemplate, String pointer) {

    /** The names of the template's path variables, in order. */
    public List<String> pathVariables() {
        return route().pathVariables();
    }

    /**
     * Matches a concrete path (without query string) against the template.
     *
     * @return the decoded path variables when it matches
     */
    public Optional<Map<String, String>> match(String path) {
        return route().match(path);
    }

    private SpecTree.Route route() {
        return new SpecTree.Route(operationId, method, pathTemplate, pointer);
    }
}
