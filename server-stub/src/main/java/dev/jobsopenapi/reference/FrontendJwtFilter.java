package dev.jobsopenapi.reference;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Requires the openYuanrong frontend's JWT on every request meant for openYuanrong (as the {@link RoutingFilter}
 * decided), read as the
 * frontend reads it: the {@code X-Auth} header, else the {@code token} query parameter, else the
 * {@code iam_token} cookie ({@code pkg/frontend/middleware/jwtauth.go} {@code JWTAuthMiddlewareWithRoles} of
 * {@code openeuler-mirror/yuanrong-frontend}). A refusal is answered as its {@code respondAuthError} answers:
 * 401 with {@code {"error": "Authentication failed: ..."}}, or a short HTML page when the request's
 * {@code Accept} holds {@code text/html}.
 */
@PreMatching
@Priority(Priorities.USER + 1)
final class FrontendJwtFilter implements ContainerRequestFilter {

    private static final String API = dev.jobsopenapi.specs.BundledSpec.OPENYUANRONG_JOBS.specName();

    private final String secret;
    private final Clock clock;

    FrontendJwtFilter(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!RoutingFilter.isFor(request, API)) {
            return;
        }
        String token = Optional.ofNullable(request.getHeaderString("X-Auth")).filter(t -> !t.isEmpty())
                .or(() -> Optional.ofNullable(request.getUriInfo().getQueryParameters().getFirst("token")).filter(t -> !t.isEmpty()))
                .or(() -> Optional.ofNullable(request.getCookies().get("iam_token")).map(Cookie::getValue).filter(t -> !t.isEmpty()))
                .orElse(null);
        FrontendJwt.refusal(token, secret, clock.instant()).ifPresent(message -> request.abortWith(refusal(request, message)));
    }

    private static Response refusal(ContainerRequestContext request, String message) {
        String accept = request.getHeaderString("Accept");
        if (accept != null && accept.contains("text/html")) {
            String escaped = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            return Response.status(401).type("text/html; charset=utf-8")
                    .entity("<!DOCTYPE html>\n<html><head><title>Authentication Required</title></head><body>"
                            + "<h1>Authentication Required</h1><p>" + escaped + "</p></body></html>\n").build();
        }
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", message)).build();
    }
}
