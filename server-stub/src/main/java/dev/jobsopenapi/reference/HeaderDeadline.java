package dev.jobsopenapi.reference;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The most time a request's head (request line and headers) may take to arrive. The engine reads heads on its
 * selector, so a slow client holds no worker thread, but its idle timeout restarts with every byte: a client that
 * sends one header line every few seconds would hold its connection for ever. Every quarter of the limit this looks
 * at each connection whose parser is inside a head, and closes the ones that have been there longer than the limit.
 * (It reads the parser state of Jetty's {@code HttpConnection}, which Jetty offers no setting for.)
 */
final class HeaderDeadline extends AbstractLifeCycle {

    private final ServerConnector connector;
    private final Duration limit;
    /** Since when each connection has been inside the head of the request it was on then (its count of requests). */
    private record Head(long since, long request) {
    }

    private final Map<EndPoint, Head> inHead = new WeakHashMap<>();
    private Scheduler.Task next;

    HeaderDeadline(ServerConnector connector, Duration limit) {
        this.connector = connector;
        this.limit = limit;
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected synchronized void doStop() {
        if (next != null) {
            next.cancel();
        }
        inHead.clear();
    }

    private synchronized void schedule() {
        if (isRunning() || isStarting()) {
            next = connector.getScheduler().schedule(this::sweep, Math.max(50, limit.toMillis() / 4), TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        synchronized (this) {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (!(endPoint.getConnection() instanceof HttpConnection http)
                        || !http.getParser().inHeaderState() || http.getParser().isStart()) {
                    inHead.remove(endPoint);
                    continue;
                }
                // A busy keep-alive connection may be inside a head at every look, each time another request's.
                long request = http.getMessagesIn();
                Head head = inHead.compute(endPoint, (e, seen) -> seen != null && seen.request() == request ? seen : new Head(now, request));
                if (now - head.since() > limit.toNanos()) {
                    inHead.remove(endPoint);
                    endPoint.close();
                }
            }
        }
        schedule();
    }
}
