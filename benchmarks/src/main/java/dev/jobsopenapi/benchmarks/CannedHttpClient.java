package dev.jobsopenapi.benchmarks;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * An {@link HttpClient} that answers every request at once, in the calling thread, with one recorded answer:
 * the body handler the caller passes gets the status, the headers and the body in one piece, as the JDK client
 * would hand them on. With no network and no other thread involved, a call through it costs exactly the
 * client's own work: building the request, the body handler, decoding the answer.
 */
final class CannedHttpClient extends HttpClient {

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    CannedHttpClient(int status, HttpHeaders headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body.clone();
    }

    /** A builder that builds this client, for {@code ApiClient.setHttpClientBuilder}. */
    HttpClient.Builder builder() {
        CannedHttpClient client = this;
        return new HttpClient.Builder() {
            @Override public Builder cookieHandler(CookieHandler handler) { return this; }
            @Override public Builder connectTimeout(Duration duration) { return this; }
            @Override public Builder sslContext(SSLContext context) { return this; }
            @Override public Builder sslParameters(SSLParameters parameters) { return this; }
            @Override public Builder executor(Executor executor) { return this; }
            @Override public Builder followRedirects(Redirect policy) { return this; }
            @Override public Builder version(Version version) { return this; }
            @Override public Builder priority(int priority) { return this; }
            @Override public Builder proxy(ProxySelector selector) { return this; }
            @Override public Builder authenticator(Authenticator authenticator) { return this; }
            @Override public HttpClient build() { return client; }
        };
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override public int statusCode() { return status; }
            @Override public HttpHeaders headers() { return headers; }
            @Override public Version version() { return Version.HTTP_1_1; }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override public void request(long n) { }
            @Override public void cancel() { }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(body)));
        subscriber.onComplete();
        T value;
        try {
            value = subscriber.getBody().toCompletableFuture().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IOException(e);
        }
        return new Answer<>(request, status, headers, value);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CompletableFuture.completedFuture(send(request, handler));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    @Override public Optional<CookieHandler> cookieHandler() { return Optional.empty(); }
    @Override public Optional<Duration> connectTimeout() { return Optional.empty(); }
    @Override public Redirect followRedirects() { return Redirect.NEVER; }
    @Override public Optional<ProxySelector> proxy() { return Optional.empty(); }
    @Override public SSLContext sslContext() { return null; }
    @Override public SSLParameters sslParameters() { return null; }
    @Override public Optional<Authenticator> authenticator() { return Optional.empty(); }
    @Override public Version version() { return Version.HTTP_1_1; }
    @Override public Optional<Executor> executor() { return Optional.empty(); }

    private record Answer<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body) implements HttpResponse<T> {
        @Override public Optional<HttpResponse<T>> previousResponse() { return Optional.empty(); }
        @Override public Optional<javax.net.ssl.SSLSession> sslSession() { return Optional.empty(); }
        @Override public URI uri() { return request.uri(); }
        @Override public Version version() { return Version.HTTP_1_1; }
    }
}
