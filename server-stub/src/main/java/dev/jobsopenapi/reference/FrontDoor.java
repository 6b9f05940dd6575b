package dev.jobsopenapi.reference;

import dev.jobsopenapi.signing.AkSkCredentials;

import java.util.Objects;
import java.util.Optional;

/**
 * What the reference server demands before it serves a request, per API: open (the default, like a lab
 * server), ModelArts AK/SK signatures verified as Huawei Cloud's API gateway does, and the openYuanrong
 * frontend's JWT (role {@code developer}) as its IAM mode does.
 *
 * <pre>{@code
 * ReferenceServer.start("127.0.0.1", 0, FrontDoor.open()
 *         .withAkSk(AkSkCredentials.of("AK", "SK"))
 *         .withJwtSecret("a-secret-of-at-least-32-bytes-................"));
 * }</pre>
 */
public final class FrontDoor {

    private static final FrontDoor OPEN = new FrontDoor(null, null);

    private final AkSkCredentials akSk;
    private final String jwtSecret;

    private FrontDoor(AkSkCredentials akSk, String jwtSecret) {
        this.akSk = akSk;
        this.jwtSecret = jwtSecret;
    }

    /** Both APIs open: no credentials asked for. */
    public static FrontDoor open() {
        return OPEN;
    }

    /** ModelArts requests must carry a valid {@code SDK-HMAC-SHA256} signature made with these credentials. */
    public FrontDoor withAkSk(AkSkCredentials credentials) {
        return new FrontDoor(Objects.requireNonNull(credentials, "credentials"), jwtSecret);
    }

    /** openYuanrong requests must carry a JWT of role {@code developer} signed (HS256) with this secret. */
    public FrontDoor withJwtSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the JWT secret is empty or blank");
        }
        return new FrontDoor(akSk, secret);
    }

    /** The credentials ModelArts signatures are verified with, if any. */
    public Optional<AkSkCredentials> akSk() {
        return Optional.ofNullable(akSk);
    }

    /** Whether openYuanrong requests need a JWT. */
    public boolean requiresJwt() {
        return jwtSecret != null;
    }

    Optional<String> jwtSecret() {
        return Optional.ofNullable(jwtSecret);
    }

    @Override
    public String toString() {
        return "FrontDoor[modelArts=" + (akSk == null ? "open" : "AK/SK " + akSk) + ", openYuanrong=" + (jwtSecret == null ? "open" : "JWT") + "]";
    }
}
