package dev.jobsopenapi.conformance;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which operation a message belongs to: named by its {@code operationId}, or found from the method and the
 * concrete path a client called (a query string, when given, is checked as the request's parameters).
 *
 * <pre>{@code
 * Target.operation("listJobs")
 * Target.route("GET", "/v1/abc/dev-servers/jobs?visible=true")
 * }</pre>
 */
public final class Target {

    private final String operationId;
    private final String method;
    private final String pathAndQuery;

    private Target(String operationId, String method, String pathAndQuery) {
        this.operationId = operationId;
        this.method = method;
        this.pathAndQuery = pathAndQuery;
    }

    /** The operation with this {@code operationId}. */
    public static Target operation(String operationId) {
        return new Target(Objects.requireNonNull(operationId, "operationId"), null, null);
    }

    /** The operation that serves {@code method} on a concrete path, for example {@code /api/jobs/app-1?x=1}. */
    public static Target route(String method, String pathAndQuery) {
        return new Target(null, Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT),
                Objects.requireNonNull(pathAndQuery, "pathAndQuery"));
    }

    /** The operation id, for a target named by one. */
    public Optional<String> operationId() {
        return Optional.ofNullable(operationId);
    }

    /** True for a target found from a method and a path. */
    public boolean isRoute() {
        return operationId == null;
    }

    /** The method (upper case), for a route; empty otherwise. */
    public String method() {
        return method == null ? "" : method;
    }

    /** The path and query, for a route; empty otherwise. */
    public String pathAndQuery() {
        return pathAndQuery == null ? "" : pathAndQuery;
    }

    /** For example {@code listJobs} or {@code GET /api/jobs}. */
    @Override
    public String toString() {
        return isRoute() ? method + " " + pathAndQuery : operationId;
    }
}
