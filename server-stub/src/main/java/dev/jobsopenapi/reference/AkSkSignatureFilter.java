package dev.jobsopenapi.reference;

import dev.jobsopenapi.modelarts.server.model.ModelArtsError;
import dev.jobsopenapi.signing.AkSkCredentials;
import dev.jobsopenapi.signing.SignatureVerifier;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Verifies the AK/SK signature of every request meant for ModelArts (as the {@link RoutingFilter} decided) as Huawei Cloud's API
 * gateway does, and answers a refusal as the gateway does: 401 with
 * {@code {"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information: ...", "request_id": ...}}.
 * After the gateway's words, the message says which check failed (the gateway's own detail differs). Runs
 * after {@link HostileRequestFilter}, so the body it reads is already bounded.
 */
@PreMatching
@Priority(Priorities.USER + 1)
final class AkSkSignatureFilter implements ContainerRequestFilter {

    static final String GATEWAY_CODE = "APIGW.0301";
    private static final String API = dev.jobsopenapi.specs.BundledSpec.MODELARTS_DEVSERVER_JOBS.specName();
    private static final String PREFIX = "Incorrect IAM authentication information: ";
    private static final SecureRandom REQUEST_IDS = new SecureRandom();

    private final SignatureVerifier verifier;

    AkSkSignatureFilter(AkSkCredentials credentials, Clock clock) {
        this.verifier = new SignatureVerifier(credentials, clock);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        if (!RoutingFilter.isFor(request, API)) {
            return;
        }
        byte[] body;
        try {
            body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        SignatureVerifier.Verdict verdict = verifier.verify(request.getMethod(), uri.getRawPath(), uri.getRawQuery(),
                request.getHeaders(), body);
        if (!verdict.accepted()) {
            request.abortWith(refusal(verdict, request.getHeaderString("X-Auth-Token") != null));
        }
    }

    private static Response refusal(SignatureVerifier.Verdict verdict, boolean hasToken) {
        String message = switch (verdict.outcome()) {
            case UNKNOWN_ACCESS_KEY -> "Get secretKey failed,ak:******,err:ak not exist";
            case NOT_SIGNED -> hasToken ? "decrypt token fail" : "verify aksk signature fail, " + verdict.detail();
            default -> "verify aksk signature fail, " + verdict.detail();
        };
        byte[] id = new byte[16];
        REQUEST_IDS.nextBytes(id);
        ModelArtsError error = new ModelArtsError().errorCode(GATEWAY_CODE).errorMsg(PREFIX + message).requestId(HexFormat.of().formatHex(id));
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
