package dev.jobsopenapi.reference;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Turns hostile requests away before any resource sees them, each with an answer in the called API's error
 * shape: a body over {@link #MAX_BODY_BYTES} is a 413 (by its {@code Content-Length}, or as soon as a body
 * without one grows past the limit); a header value with a CR or LF, and a query parameter given twice, are 400s.
 * Paths are judged before, by the {@link RoutingFilter}.
 */
@PreMatching
public final class HostileRequestFilter implements ContainerRequestFilter {

    /** The largest request body the reference server reads: 1 MiB. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private final VendorErrorMapper errors;

    HostileRequestFilter(VendorErrorMapper errors) {
        this.errors = errors;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
                    request.abortWith(errors.error(400, "REFERENCE.INVALID_HEADER",
                            "header " + header.getKey() + " holds a line break, which header values must not"));
                    return;
                }
            }
        }
        // Every query parameter of both APIs takes one value: a second one is ambiguous (servers differ in which
        // they keep), so it is refused rather than silently dropped.
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getValue().size() > 1) {
                String name = parameter.getKey().replaceAll("[^A-Za-z0-9_.-]", "?");
                request.abortWith(errors.error(400, "REFERENCE.INVALID_PARAMETER", "query parameter '"
                        + (name.length() > 64 ? name.substring(0, 64) + "…" : name) + "' is given "
                        + parameter.getValue().size() + " times; it takes one value"));
                return;
            }
        }
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY_BYTES) {
                    request.abortWith(BodyTooLarge.answer(drain(request.getEntityStream()),
                            errors.error(413, "REFERENCE.REQUEST_TOO_LARGE", "the request body is larger than " + MAX_BODY_BYTES + " bytes")));
                    return;
                }
            } catch (NumberFormatException e) {
                request.abortWith(errors.error(400, "REFERENCE.INVALID_HEADER", "Content-Length is not a number"));
                return;
            }
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream()));
        }
    }

    /** The most of a refused body the server still reads, so that the client gets to read the answer. */
    static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

    /**
     * Reads and drops what is left of a refused body, up to {@link #MAX_DRAINED_BYTES}: a client still sending
     * it would otherwise lose the answer when the connection closes under it.
     *
     * @return true when the whole body was read, so the connection can carry another request
     */
    static boolean drain(InputStream in) {
        try {
            byte[] buffer = new byte[64 * 1024];
            long left = MAX_DRAINED_BYTES;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
            return left > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Counts what is read and stops past the limit. Closed (by Jersey, once the body is read or could not be), it first
     * reads and drops what is left of the body: a request refused half-way through it (an array over its cap is refused
     * as it streams in) would otherwise have its connection closed under a client still sending, which then loses
     * the answer.
     */
    private static final class LimitedInputStream extends FilterInputStream {
        private long read;

        LimitedInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() throws IOException {
            drain(in);
            super.close();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw new BodyTooLarge(MAX_BODY_BYTES, drain(in));
            }
        }
    }
}
