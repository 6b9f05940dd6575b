package dev.jobsopenapi.reference;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The refusals the HTTP engine makes itself, before any filter or resource runs (a request line or URI it cannot
 * parse, bad framing, headers too large, a version it does not speak, HTTP/1.1 without {@code Host}), answered in
 * the error shape of the API the path was meant for, as JSON: never an HTML page, a stack trace or a Java class name.
 */
final class EngineErrors extends ErrorHandler {

    private final VendorErrors bodies;

    EngineErrors(VendorErrors bodies) {
        this.bodies = bodies;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        Optional<String> unparsed = TargetKeepingConnections.unparsedTarget(request);
        String rawPath;
        try {
            rawPath = unparsed.map(target -> target.replaceFirst("[?#].*", ""))
                    .orElse(request.getHttpURI() == null ? null : request.getHttpURI().getPath());
        } catch (RuntimeException unreadable) {
            rawPath = null;
        }
        Optional<String> pathProblem = rawPath == null || unparsed.isPresent() ? Optional.empty()
                : dev.jobsopenapi.specs.RequestTarget.parse(rawPath).problem();
        String why = switch (code) {
            case 400 -> pathProblem.map(p -> "the path does not normalise cleanly: " + p)
                    .orElse(undecodable(cause) ? UNDECODABLE
                            : "the request could not be read" + (message == null || message.isBlank() ? "" : ": " + plain(message)));
            case 413 -> "the request is too large";
            case 414 -> "the request URI is too long";
            case 431 -> "the request's headers are too large";
            case 505 -> "this server speaks HTTP/1.0 and HTTP/1.1 only";
            default -> message == null || message.isBlank() ? "the request failed" : plain(message);
        };
        byte[] body = bodies.body(rawPath, VendorErrors.codeFor(code), why).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * A target the engine could not even decode (a malformed escape such as {@code %zz}, or {@code %00}); its raw
     * path still says which API it was meant for ({@link TargetKeepingConnections}).
     */
    static final String UNDECODABLE = "the path does not normalise cleanly: it holds a malformed percent escape or an"
            + " encoded control character";

    private static boolean undecodable(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    /** The engine's reason, without Java names or control characters, at most 200 characters. */
    private static String plain(String message) {
        String text = message.replaceAll("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*){2,}", "").replaceAll("\\p{Cntrl}", "?").strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
