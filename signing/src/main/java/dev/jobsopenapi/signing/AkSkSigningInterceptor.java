package dev.jobsopenapi.signing;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Signs every request a generated client sends, through its request hook, so that a client gets past the
 * ModelArts gateway with an access key / secret key:
 *
 * <pre>{@code
 * client.setRequestInterceptor(AkSkSigningInterceptor.fromEnvironment());   // HUAWEICLOUD_SDK_AK, _SK, ...
 * }</pre>
 *
 * <p>It signs the request exactly as it will be sent: the method, the URI's raw path and query, every header
 * set on the builder, and the body bytes of its publisher (a DELETE with a JSON body included). It needs a body
 * publisher that can be read twice, as {@code BodyPublishers.ofByteArray}, {@code ofString} and
 * {@code noBody} are (the generated clients use those).
 */
public final class AkSkSigningInterceptor implements Consumer<HttpRequest.Builder> {

    private final AkSkSigner signer;

    private AkSkSigningInterceptor(AkSkSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /** Signs with these credentials. */
    public static AkSkSigningInterceptor with(AkSkCredentials credentials) {
        return new AkSkSigningInterceptor(AkSkSigner.of(credentials));
    }

    /** Signs with this signer (a test can give it a fixed clock). */
    public static AkSkSigningInterceptor with(AkSkSigner signer) {
        return new AkSkSigningInterceptor(signer);
    }

    /**
     * Signs with the credentials in {@value AkSkCredentials#AK_VARIABLE}, {@value AkSkCredentials#SK_VARIABLE}
     * and, when set, {@value AkSkCredentials#PROJECT_ID_VARIABLE} and {@value AkSkCredentials#SECURITY_TOKEN_VARIABLE}.
     *
     * @throws IllegalStateException naming the variables that are missing
     */
    public static AkSkSigningInterceptor fromEnvironment() {
        return with(AkSkCredentials.fromEnvironment());
    }

    @Override
    public void accept(HttpRequest.Builder builder) {
        HttpRequest request = builder.copy().build();
        byte[] body = request.bodyPublisher().map(AkSkSigningInterceptor::bytes).orElse(new byte[0]);
        signer.sign(request.method(), request.uri(), request.headers().map(), body).forEach(builder::setHeader);
    }

    /** The bytes a body publisher publishes; the JDK's byte-array and string publishers publish them at once. */
    static byte[] bytes(HttpRequest.BodyPublisher publisher) {
        if (publisher.contentLength() == 0) {
            return new byte[0];
        }
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the request body to sign it", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the request body to sign it: " + e, e);
        }
    }
}
