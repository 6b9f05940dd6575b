package dev.jobsopenapi.reference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One deadline for each exchange a handler serves, body read and answer written included: an exchange still going
 * when it passes (a body trickled after its headers, an endless chunked body, a client that stops reading) has its
 * connection closed, which frees the worker thread and whatever the exchange held.
 */
final class ExchangeDeadline implements HttpHandler, AutoCloseable {

    private final HttpHandler handler;
    private final Duration limit;
    private final ScheduledExecutorService timer;

    ExchangeDeadline(HttpHandler handler, Duration limit) {
        this.handler = handler;
        this.limit = limit;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "reference-server-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ScheduledFuture<?> cutOff = timer.schedule(exchange::close, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            handler.handle(exchange);
        } finally {
            cutOff.cancel(false);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
