package dev.jobsopenapi.reference;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.Operation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rejects a request whose path leaves a path parameter empty, such as {@code /v1//dev-servers/jobs}, with
 * a 400 that names the parameter. Without it no route matches such a path and the caller gets a 404,
 * although the route is right and only the parameter is invalid ({@code minLength: 1}).
 */
@PreMatching
public final class EmptyPathParameterFilter implements ContainerRequestFilter {

    /** Stands in for an empty segment so that the spec's templates can match the path. */
    private static final String EMPTY = "\u0000";

    private final List<ApiContract> contracts;
    private final VendorErrorMapper errors;

    EmptyPathParameterFilter(List<ApiContract> contracts, VendorErrorMapper errors) {
        this.contracts = List.copyOf(contracts);
        this.errors = errors;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath(false).replaceFirst("^/", "");
        if (!path.contains("//")) {
            return;
        }
        String filled = path.replace("//", "/" + EMPTY + "/").replace("//", "/" + EMPTY + "/");
        for (ApiContract contract : contracts) {
            Optional<Operation> operation = contract.operation(request.getMethod(), filled);
            if (operation.isPresent()) {
                Map<String, String> values = operation.get().match(filled).orElseThrow();
                String empty = values.entrySet().stream().filter(e -> e.getValue().equals(EMPTY))
                        .map(Map.Entry::getKey).collect(Collectors.joining(", "));
                request.abortWith(errors.error(400, "REFERENCE.INVALID_PARAMETER", empty + ": must not be empty"));
                return;
            }
        }
    }
}
