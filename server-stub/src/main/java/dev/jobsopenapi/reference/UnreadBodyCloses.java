package dev.jobsopenapi.reference;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * An answer sent before the request's body was read to its end (a refusal by the router, a front door or a filter)
 * says {@code Connection: close}. The engine cannot keep such a connection (the rest of the body would be read as
 * the next request), so it closes it after the answer; without the header a client that reuses the connection for
 * its next request finds it closed and that request fails (a client retries only idempotent methods).
 */
final class UnreadBodyCloses extends Handler.Wrapper {

    UnreadBodyCloses(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!declaresBody(request)) {
            return super.handle(request, response, callback);
        }
        ReadTracking tracked = new ReadTracking(request, request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH));
        return super.handle(tracked, new Response.Wrapper(tracked, response) {
            @Override
            public void write(boolean last, ByteBuffer content, Callback written) {
                if (!isCommitted() && !tracked.readToEnd) {
                    getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                }
                super.write(last, content, written);
            }
        }, callback);
    }

    private static boolean declaresBody(Request request) {
        return request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)
                || request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0;
    }

    /**
     * The request, noting when its body has been read to the end: its last chunk, or as many bytes as its
     * {@code Content-Length} (a JSON reader stops at the value's end and need not ask for the end of the stream).
     */
    private static final class ReadTracking extends Request.Wrapper {
        private final long length;
        private long read;
        private volatile boolean readToEnd;

        ReadTracking(Request request, long length) {
            super(request);
            this.length = length;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                read += chunk.remaining();
                if (chunk.isLast() || (length > 0 && read >= length)) {
                    readToEnd = true;
                }
            }
            return chunk;
        }
    }
}
