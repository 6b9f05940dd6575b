package dev.jobsopenapi.reference;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Thrown while reading a request body that grows past the limit; answered as a 413. */
final class BodyTooLarge extends WebApplicationException {

    /** Whether the rest of the body was read (and dropped), leaving the connection usable. */
    final boolean drained;

    BodyTooLarge(long limit, boolean drained) {
        super("the request body is larger than " + limit + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
        this.drained = drained;
    }

    /** The 413 answer; it closes the connection when part of the body is still unread. */
    static Response answer(boolean drained, Response answer) {
        return drained ? answer : Response.fromResponse(answer).header("Connection", "close").build();
    }
}
