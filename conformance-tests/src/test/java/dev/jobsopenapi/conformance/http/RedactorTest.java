package dev.jobsopenapi.conformance.http;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The redactor hides exactly the values the specs' security schemes carry, and keeps the evidence around them: the
 * access key, the signed header names and the date of an AK/SK signature, other headers and query parameters.
 */
class RedactorTest {

    private static final ApiContract MODELARTS = ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS);
    private static final ApiContract OPENYUANRONG = ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS);

    @Test
    void anAkSkSignatureLosesOnlyItsSignatureAndTheSecurityToken() {
        Redactor redactor = new Redactor(List.of(MODELARTS.securitySchemes()));
        redactor.header("authorization", List.of("SDK-HMAC-SHA256 Access=HPUAKEY, SignedHeaders=content-type;host;x-sdk-date,"
                + " Signature=9f2c0a7e41d3b6c5"));
        redactor.header("X-Security-Token", List.of("temporary-token-value"));
        redactor.header("X-Project-Id", List.of("proj-1"));
        redactor.header("X-Sdk-Date", List.of("20261205T101500Z"));
        assertEquals("Signature=[redacted] SignedHeaders=content-type;host;x-sdk-date Access=HPUAKEY X-Sdk-Date 20261205T101500Z"
                        + " [redacted] /v1/proj-1/dev-servers/jobs",
                redactor.apply("Signature=9f2c0a7e41d3b6c5 SignedHeaders=content-type;host;x-sdk-date Access=HPUAKEY X-Sdk-Date"
                        + " 20261205T101500Z temporary-token-value /v1/proj-1/dev-servers/jobs"));
    }

    @Test
    void aTokenIsHiddenWhereverItsSchemeCarriesItAndNothingElseIs() {
        Redactor redactor = new Redactor(List.of(OPENYUANRONG.securitySchemes()));
        redactor.header("x-auth", List.of("header.jwt.value"));
        redactor.header("Cookie", List.of("theme=dark; iam_token=cookie.jwt.value"));
        redactor.query("token=query%2Bjwt&access_token=not-a-scheme-of-this-spec&limit=5");
        assertEquals("[redacted] [redacted] [redacted] [redacted] theme=dark not-a-scheme-of-this-spec limit=5",
                redactor.apply("header.jwt.value cookie.jwt.value query%2Bjwt query+jwt theme=dark not-a-scheme-of-this-spec limit=5"));
    }
}
