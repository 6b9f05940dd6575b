package dev.jobsopenapi.reference;

import dev.jobsopenapi.specs.RequestTarget;
import dev.jobsopenapi.specs.Resolution;
import dev.jobsopenapi.specs.Router;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The engine's side of the {@link RoutingFilter}: a request target that does not normalise is refused here, with the
 * same 400 in the same words and the API's shape, before Jetty's servlet layer tries to decode it (which would refuse
 * some, a {@code %00} or a malformed escape, in its own words and forget which API the path was for).
 */
final class RoutingGate extends Handler.Wrapper {

    private final Router router;
    private final VendorErrors bodies;

    RoutingGate(Router router, VendorErrors bodies, Handler handler) {
        super(handler);
        this.router = router;
        this.bodies = bodies;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String rawPath = request.getHttpURI().getPath();
        Resolution resolution = router.resolve(request.getMethod(), RequestTarget.of(rawPath, request.getHttpURI().getQuery()));
        Optional<RoutingFilter.Refusal> refused = RoutingFilter.refusal(resolution);
        if (refused.isEmpty()) {
            return super.handle(request, response, callback);
        }
        byte[] body = bodies.body(rawPath, refused.get().code(), refused.get().message()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(400);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
