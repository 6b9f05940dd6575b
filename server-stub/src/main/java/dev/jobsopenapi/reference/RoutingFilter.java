package dev.jobsopenapi.reference;

import dev.jobsopenapi.specs.Resolution;
import dev.jobsopenapi.specs.Router;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.util.Locale;

/**
 * The first thing every request meets: asks the {@link Router} which API and which operation it is, once, and hands
 * the decision to the front-door filters ({@link #resolution}). A request target that does not normalise cleanly
 * (a matrix parameter, a dot or empty segment, an encoded separator, a control character, a malformed escape, an
 * over-long path) is refused here with a 400 in the error shape of the API it was meant for, naming the path
 * parameter whose segment is bad where one is, before authentication and before any resource: Jersey routes on
 * exactly the paths this filter lets through, so no door can decide differently.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class RoutingFilter implements ContainerRequestFilter {

    /** The request property that holds the {@link Resolution}. */
    static final String RESOLUTION = RoutingFilter.class.getName() + ".resolution";

    private final Router router;
    private final VendorErrorMapper errors;

    RoutingFilter(Router router, VendorErrorMapper errors) {
        this.router = router;
        this.errors = errors;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        java.net.URI uri = request.getUriInfo().getRequestUri();
        Resolution resolution = router.resolve(request.getMethod(),
                dev.jobsopenapi.specs.RequestTarget.of(uri.getRawPath(), uri.getRawQuery()));
        request.setProperty(RESOLUTION, resolution);
        refusal(resolution).ifPresent(refused -> request.abortWith(errors.error(400, refused.code(), refused.message())));
    }

    /**
     * The 400 for a request target that does not normalise, in words: the path parameter whose segment is bad where
     * there is one, the reason, and the path (lower case, printable characters only); empty for any other decision.
     */
    static java.util.Optional<Refusal> refusal(Resolution resolution) {
        if (resolution.kind() != Resolution.Kind.REFUSED) {
            return java.util.Optional.empty();
        }
        String raw = resolution.target().rawPath();
        String printable = (raw.length() > 200 ? raw.substring(0, 200) + "…" : raw).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9/%._~;=+-]", "?");
        return java.util.Optional.of(resolution.badParameters().isEmpty()
                ? new Refusal("REFERENCE.INVALID_PATH", "the path does not normalise cleanly: " + resolution.reason()
                        + " (" + printable + ")")
                : new Refusal("REFERENCE.INVALID_PARAMETER", String.join(", ", resolution.badParameters())
                        + ": must be one plain path segment: " + resolution.reason() + " (" + printable + ")"));
    }

    /** A refusal's error code and message. */
    record Refusal(String code, String message) {
    }

    /**
     * The decision for a request, as this filter made it; a request it never saw (a filter placed before it) counts as
     * meant for every API, so that a front door fails closed.
     */
    static boolean isFor(ContainerRequestContext request, String api) {
        Object resolution = request.getProperty(RESOLUTION);
        return !(resolution instanceof Resolution r) || r.isFor(api);
    }
}
