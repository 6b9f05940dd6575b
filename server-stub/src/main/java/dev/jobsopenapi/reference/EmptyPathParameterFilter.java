package dev.jobsopenapi.reference;

import dev.jobsopenapi.specs.SpecTree;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.util.List;

/**
 * Rejects a request whose path leaves a path parameter empty, such as {@code /v1//dev-servers/jobs}, with
 * a 400 that names the parameter. Without it no route matches such a path and the caller gets a 404,
 * although the route is right and only the parameter is invalid ({@code minLength: 1}).
 */
@PreMatching
public final class EmptyPathParameterFilter implements ContainerRequestFilter {

    private final List<SpecTree.Route> routes;
    private final VendorErrorMapper errors;

    EmptyPathParameterFilter(List<SpecTree.Route> routes, VendorErrorMapper errors) {
        this.routes = List.copyOf(routes);
        this.errors = errors;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath(false).replaceFirst("^/", "");
        if (!path.contains("//")) {
            return;
        }
        String empty = PathParameters.picked(routes, request.getMethod(), path, String::isEmpty);
        if (!empty.isEmpty()) {
            request.abortWith(errors.error(400, "REFERENCE.INVALID_PARAMETER", empty + ": must not be empty"));
        }
    }
}
