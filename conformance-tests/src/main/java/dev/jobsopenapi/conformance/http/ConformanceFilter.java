package dev.jobsopenapi.conformance.http;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.ConformanceLog;
import dev.jobsopenapi.conformance.Body;
import dev.jobsopenapi.conformance.Target;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Checks what a JAX-RS server answers — and, cheaply, what it is asked — against the specs, so whoever
 * implements the generated interfaces finds out at once when an implementation breaks the contract. Every
 * check goes to a {@link ConformanceLog}; the answers themselves go out unchanged.
 *
 * <pre>{@code
 * ConformanceLog log = new ConformanceLog();
 * resourceConfig.register(new ConformanceFilter(log, ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS)));
 * ...
 * log.assertAllConform();   // or let ConformanceExtension do it
 * }</pre>
 *
 * <p>Requests: the request line (path and query parameters) and a JSON body. Answers: status, content type and
 * the body exactly as written. The spec of a message is the one among those given that documents its method
 * and path (the first one otherwise, which then reports the path as undocumented).
 */
@Provider
public final class ConformanceFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    /** The largest request body that is checked; a larger one is handed on whole, unchecked. */
    public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private static final String CHECK = ConformanceFilter.class.getName() + ".check";

    /** What the answer's check needs from the request and the response. */
    private record Pending(ApiContract contract, String method, String path, String status, String contentType) {
    }

    private final List<ApiContract> contracts;
    private final ConformanceLog log;

    /** Checks every message of the given specs into the log. */
    public ConformanceFilter(ConformanceLog log, ApiContract... contracts) {
        if (contracts.length == 0) {
            throw new IllegalArgumentException("ConformanceFilter needs at least one spec");
        }
        this.log = log;
        this.contracts = List.of(contracts);
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        ApiContract contract = contractFor(request.getMethod(), path);
        Target target = Target.route(request.getMethod(), query == null ? path : path + "?" + query);
        MediaType type = request.getMediaType();
        Body checked = Body.none(); // the request line alone
        if (request.hasEntity() && type != null && type.getSubtype().toLowerCase(java.util.Locale.ROOT).contains("json")) {
            InputStream entity = request.getEntityStream();
            byte[] body = entity.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                // Too large to check: handed on whole, unchecked.
                request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(body), entity));
            } else {
                request.setEntityStream(new ByteArrayInputStream(body));
                checked = Body.of(body);
            }
        }
        log.record(contract.validateRequest(target, type == null ? null : type.toString(), checked));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        Pending pending = new Pending(contractFor(request.getMethod(), path), request.getMethod(), path,
                Integer.toString(response.getStatus()), response.getMediaType() == null ? "" : response.getMediaType().toString());
        if (response.hasEntity()) {
            request.setProperty(CHECK, pending);
        } else {
            log.record(pending.contract().validateResponse(Target.route(pending.method(), pending.path()), pending.status(),
                    pending.contentType(), Body.none()));
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object pending = context.getProperty(CHECK);
        if (!(pending instanceof Pending check)) {
            context.proceed();
            return;
        }
        context.removeProperty(CHECK);
        OutputStream out = context.getOutputStream();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        context.setOutputStream(written);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(out);
        }
        byte[] body = written.toByteArray();
        log.record(check.contract().validateResponse(Target.route(check.method(), check.path()), check.status(),
                check.contentType(), Body.of(body)));
        out.write(body);
    }

    /** The contract the router picks for the request; the first when it is meant for none of them. */
    private ApiContract contractFor(String method, String path) {
        return ApiContract.route(contracts, method, path).contract().orElse(contracts.get(0));
    }
}
