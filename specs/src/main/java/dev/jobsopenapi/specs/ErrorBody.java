package dev.jobsopenapi.specs;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The JSON error body of each API, for everything in this project that answers in an API's name without being its
 * server (the reference server's own refusals, the validating proxy's): ModelArts an object
 * {@code {"error_code": ..., "error_msg": ...}}, openYuanrong's job handlers a bare JSON string. An API this library
 * does not ship gets the ModelArts object.
 */
public final class ErrorBody {

    private ErrorBody() {
    }

    /**
     * The body, for example {@code {"error_code":"REFERENCE.NOT_FOUND","error_msg":"no such job"}} or
     * {@code "no such job"}.
     *
     * @param specName the API's short name ({@link BundledSpec#specName()}), or null when the request was meant for no
     *                 known API
     * @param code     the error code, written only where the API's shape has one
     * @param message  the message, any text (it is escaped)
     */
    public static String json(String specName, String code, String message) {
        String text = quote(message);
        return BundledSpec.OPENYUANRONG_JOBS.specName().equals(specName) ? '"' + text + '"'
                : "{\"error_code\":\"" + quote(code) + "\",\"error_msg\":\"" + text + "\"}";
    }

    private static String quote(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }
}
