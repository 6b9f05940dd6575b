package dev.jobsopenapi.reference;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One deadline for each exchange, body read and answer written included: an exchange still going when it passes (a
 * body trickled after its headers, an endless chunked body, a client that stops reading) has its connection closed,
 * which ends the exchange and frees whatever it held.
 */
final class ExchangeDeadline extends Handler.Wrapper {

    private final Duration limit;

    ExchangeDeadline(Duration limit, Handler handler) {
        super(handler);
        this.limit = limit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Scheduler.Task cutOff = request.getComponents().getScheduler().schedule(
                () -> request.getConnectionMetaData().getConnection().getEndPoint().close(), limit.toMillis(), TimeUnit.MILLISECONDS);
        return super.handle(request, response, Callback.from(callback, cutOff::cancel));
    }
}
