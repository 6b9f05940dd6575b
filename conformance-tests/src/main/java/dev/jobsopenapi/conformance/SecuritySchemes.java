package dev.jobsopenapi.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a spec's {@code components/securitySchemes} say about credentials, read in one place for every part of this
 * library that sends, forwards, checks or redacts them: where each credential travels (a header, a query parameter,
 * a cookie), which scheme is an AK/SK signature ({@code x-signature} with {@code SDK-HMAC-SHA256}) and which
 * headers of a signature hold secrets ({@code x-signature.secretHeaders}).
 *
 * <pre>{@code
 * SecuritySchemes schemes = contract.securitySchemes();
 * schemes.tokenHeader();      // Optional[X-Auth-Token] for ModelArts, Optional[X-Auth] for openYuanrong
 * schemes.signsWithAkSk();    // true for ModelArts
 * }</pre>
 */
public final class SecuritySchemes {

    /**
     * One place a credential travels.
     *
     * @param in        {@code header}, {@code query} or {@code cookie}
     * @param name      the header, parameter or cookie name
     * @param kind      what the value is
     */
    public record Carrier(String in, String name, Kind kind) {
    }

    /** What a carried value is. */
    public enum Kind {
        /** A token (an {@code apiKey} scheme): the whole value is secret. */
        TOKEN,
        /** {@code Authorization: Bearer <token>} (an {@code http} bearer scheme): the token is secret. */
        BEARER,
        /** An AK/SK signature ({@code Authorization: SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...}): only the signature is secret. */
        SIGNATURE,
        /** A header sent beside a signature that holds a secret of its own, such as {@code X-Security-Token}. */
        SIGNATURE_SECRET
    }

    private final List<Carrier> carriers;

    private SecuritySchemes(List<Carrier> carriers) {
        this.carriers = List.copyOf(carriers);
    }

    /** The schemes of an OpenAPI 3.0 document (a contract has its own: {@link ApiContract#securitySchemes()}). */
    static SecuritySchemes of(JsonNode document) {
        List<Carrier> carriers = new ArrayList<>();
        for (JsonNode scheme : document.at("/components/securitySchemes")) {
            String type = scheme.path("type").asText();
            boolean signature = scheme.at("/x-signature/algorithm").asText().equals("SDK-HMAC-SHA256");
            if (type.equals("apiKey")) {
                carriers.add(new Carrier(scheme.path("in").asText(), scheme.path("name").asText(), signature ? Kind.SIGNATURE : Kind.TOKEN));
            } else if (type.equals("http") && scheme.path("scheme").asText().equalsIgnoreCase("bearer")) {
                carriers.add(new Carrier("header", "Authorization", Kind.BEARER));
            }
            if (signature) {
                scheme.at("/x-signature/secretHeaders").forEach(h -> carriers.add(new Carrier("header", h.asText(), Kind.SIGNATURE_SECRET)));
            }
        }
        return new SecuritySchemes(carriers);
    }

    /** Every place a credential travels, in the spec's order. */
    public List<Carrier> carriers() {
        return carriers;
    }

    /** True when a scheme is an AK/SK signature. */
    public boolean signsWithAkSk() {
        return carriers.stream().anyMatch(c -> c.kind() == Kind.SIGNATURE);
    }

    /** The header a token goes in: the first {@code apiKey} header scheme that is no signature, or {@code Authorization} for a bearer scheme. */
    public Optional<String> tokenHeader() {
        return carriers.stream().filter(c -> c.in().equals("header") && (c.kind() == Kind.TOKEN || c.kind() == Kind.BEARER))
                .map(Carrier::name).findFirst();
    }

    /** True when the token header is {@code Authorization} with {@code Bearer}. */
    public boolean tokenIsBearer() {
        return carriers.stream().filter(c -> c.in().equals("header") && (c.kind() == Kind.TOKEN || c.kind() == Kind.BEARER))
                .findFirst().map(c -> c.kind() == Kind.BEARER).orElse(false);
    }

    /** The query parameters that carry credentials (documented for every operation by their scheme). */
    public List<String> queryNames() {
        return carriers.stream().filter(c -> c.in().equals("query")).map(Carrier::name).toList();
    }

    /** True when one of the request's header names (any case) carries a token of a scheme that is no signature. */
    public boolean carriesToken(Iterable<String> headerNames) {
        for (String header : headerNames) {
            for (Carrier c : carriers) {
                if ((c.kind() == Kind.TOKEN || c.kind() == Kind.BEARER) && c.in().equals("header")
                        && c.name().toLowerCase(Locale.ROOT).equals(header.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
