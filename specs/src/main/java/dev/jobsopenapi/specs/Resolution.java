package dev.jobsopenapi.specs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Router} or {@link RouteTable} decided about one request: which API it is for, and which operation
 * serves it with which path parameters, or why none does.
 *
 * @param kind           the decision
 * @param api            the API the request is meant for (the spec whose paths start with its first segment), even
 *                       when no operation serves it; empty when no API's paths start so
 * @param route          the operation, for {@link Kind#MATCHED}
 * @param pathParameters the decoded path parameters by name, for {@link Kind#MATCHED}
 * @param target         the request target as parsed
 * @param reason         why no operation serves the request (empty for {@link Kind#MATCHED})
 * @param badParameters  for {@link Kind#REFUSED}: the path parameters whose segments have the problem, when a route
 *                       of the API fits the path with those segments taken as parameters
 */
public record Resolution(Kind kind, Optional<String> api, Optional<SpecTree.Route> route, Map<String, String> pathParameters,
                         RequestTarget target, String reason, List<String> badParameters) {

    /** The decisions. */
    public enum Kind {
        /** An operation serves the method on the path. */
        MATCHED,
        /** The path does not normalise cleanly ({@link RequestTarget#problem()}): no operation is looked for. */
        REFUSED,
        /** No operation's path fits. */
        UNKNOWN_PATH,
        /** An operation's path fits, but none takes the method. */
        UNKNOWN_METHOD
    }

    public Resolution {
        pathParameters = Map.copyOf(pathParameters);
        badParameters = List.copyOf(badParameters);
    }

    /** True when an operation serves the request. */
    public boolean matched() {
        return kind == Kind.MATCHED;
    }

    /** The operation's id, when one serves the request. */
    public Optional<String> operationId() {
        return route.map(SpecTree.Route::operationId);
    }

    /** True when the request is meant for this API (by name), whether or not an operation serves it. */
    public boolean isFor(String apiName) {
        return api.filter(apiName::equals).isPresent();
    }
}
