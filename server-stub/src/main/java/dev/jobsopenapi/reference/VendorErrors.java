package dev.jobsopenapi.reference;

import dev.jobsopenapi.specs.ErrorBody;
import dev.jobsopenapi.specs.Router;

/**
 * The error body for a request, in the shape ({@link ErrorBody}) of the API its raw path was meant for, for the
 * JAX-RS error mapper and for the HTTP engine's own refusals (a request line it cannot parse, headers too large).
 * The {@link Router} says which API a raw path was meant for; a path meant for neither gets the ModelArts object.
 */
final class VendorErrors {

    private final Router router;

    VendorErrors(Router router) {
        this.router = router;
    }

    /** The JSON error body for a request to the raw path (which may be {@code null} when no path could be read). */
    String body(String rawPath, String code, String message) {
        String api = rawPath == null ? null : router.apiOf(rawPath).orElse(null);
        return ErrorBody.json(api, code, message);
    }

    /** This server's error code for a status ({@code REFERENCE.*}, not a vendor code). */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "REFERENCE.INVALID_PARAMETER";
            case 401 -> "REFERENCE.UNAUTHORIZED";
            case 403 -> "REFERENCE.FORBIDDEN";
            case 404 -> "REFERENCE.NOT_FOUND";
            case 413 -> "REFERENCE.REQUEST_TOO_LARGE";
            case 405 -> "REFERENCE.METHOD_NOT_ALLOWED";
            case 414 -> "REFERENCE.URI_TOO_LONG";
            case 431 -> "REFERENCE.HEADERS_TOO_LARGE";
            case 505 -> "REFERENCE.HTTP_VERSION_NOT_SUPPORTED";
            default -> status >= 500 ? "REFERENCE.INTERNAL_ERROR" : "REFERENCE.REQUEST_FAILED";
        };
    }
}
