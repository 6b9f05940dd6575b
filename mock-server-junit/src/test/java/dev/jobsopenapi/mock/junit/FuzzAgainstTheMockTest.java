package dev.jobsopenapi.mock.junit;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.fuzz.Check;
import dev.jobsopenapi.conformance.fuzz.FuzzResult;
import dev.jobsopenapi.conformance.fuzz.Fuzzer;
import dev.jobsopenapi.conformance.fuzz.LiveServer;
import dev.jobsopenapi.reference.FrontDoor;
import dev.jobsopenapi.reference.FrontendJwt;
import dev.jobsopenapi.reference.ReferenceServer;
import dev.jobsopenapi.signing.AkSkCredentials;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzzer against the reference server behind its front doors (AK/SK, JWT), writes allowed: at least 1,000
 * requests per API, nothing fails, and every kind of check — the lifecycle and authentication ones included —
 * really ran. The same seed runs the same campaign.
 */
class FuzzAgainstTheMockTest {

    static final long SEED = 20261205L;
    static final AkSkCredentials AK_SK = AkSkCredentials.of("FUZZACCESSKEY", "fuzz-secret-key");
    static final String JWT_SECRET = "fuzz-jwt-secret-0123456789abcdef";

    static ReferenceServer guardedMock() {
        return ReferenceServer.start("127.0.0.1", 0, FrontDoor.open().withAkSk(AK_SK).withJwtSecret(JWT_SECRET));
    }

    static FuzzResult fuzz(ReferenceServer mock, BundledSpec spec, long seed, int requests) {
        return fuzz(mock, spec, seed, requests, 1);
    }

    static FuzzResult fuzz(ReferenceServer mock, BundledSpec spec, long seed, int requests, int concurrency) {
        LiveServer server = LiveServer.at(mock.baseUri().toString());
        server = spec == BundledSpec.MODELARTS_DEVSERVER_JOBS ? server.withAkSk(AK_SK)
                : server.withToken(FrontendJwt.mint(JWT_SECRET, "fuzz-tenant", FrontendJwt.DEVELOPER, Instant.now().plus(1, ChronoUnit.HOURS)));
        return Fuzzer.of(ApiContract.bundled(spec), server).seed(seed).maxRequests(requests).allowWrite(true).concurrency(concurrency)
                .parameters(Map.of("project_id", "fuzz-project")).run();
    }

    private static int passed(FuzzResult result, Check check) {
        return result.tally().getOrDefault(check, Map.of()).values().stream().mapToInt(FuzzResult.Tally::passed).sum();
    }

    @Test
    void bothApisWithWritesPassEveryCheckOnAtLeastAThousandRequestsEach() {
        for (BundledSpec spec : BundledSpec.values()) {
            try (ReferenceServer mock = guardedMock()) {
                FuzzResult result = fuzz(mock, spec, SEED, 1000);
                assertTrue(result.passed(), () -> spec + ": " + result.findings());
                assertTrue(result.requests() >= 1000, spec + ": " + result.requests() + " requests");
                assertEquals(0, result.discarded(), spec + ": the generator made requests the contract finds not conforming");
                for (Check check : Check.values()) {
                    boolean applies = check != Check.IGNORED_AUTH || spec == BundledSpec.MODELARTS_DEVSERVER_JOBS;
                    if (applies) {
                        assertTrue(passed(result, check) > 0, spec + ": " + check.id() + " never ran: " + result.tally());
                    }
                }
            }
        }
    }

    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> asJUnitTestsEveryCheckOfEveryOperationIsOneTest() {
        ReferenceServer mock = guardedMock();
        try {
            return dev.jobsopenapi.conformance.junit.FuzzTests.of(Fuzzer.of(ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS),
                            LiveServer.at(mock.baseUri().toString()).withToken(FrontendJwt.mint(JWT_SECRET, "fuzz-tenant",
                                    FrontendJwt.DEVELOPER, Instant.now().plus(1, ChronoUnit.HOURS))))
                    .seed(SEED).maxRequests(200).allowWrite(true));
        } finally {
            mock.close();
        }
    }

    @Test
    void theSameSeedRunsTheSameCampaignOneOrFourRequestsInFlight() {
        for (int concurrency : new int[] {1, 4}) {
            FuzzResult first;
            FuzzResult second;
            try (ReferenceServer mock = guardedMock()) {
                first = fuzz(mock, BundledSpec.OPENYUANRONG_JOBS, 7, 300, concurrency);
            }
            try (ReferenceServer mock = guardedMock()) {
                second = fuzz(mock, BundledSpec.OPENYUANRONG_JOBS, 7, 300, concurrency);
            }
            assertTrue(first.passed(), () -> first.findings().toString());
            assertEquals(first.tally(), second.tally(), "in flight: " + concurrency);
            assertEquals(first.requests(), second.requests(), "in flight: " + concurrency);
        }
    }

    @Test
    void fourInFlightPassEveryCheckWithWritesToo() {
        for (BundledSpec spec : BundledSpec.values()) {
            try (ReferenceServer mock = guardedMock()) {
                FuzzResult result = fuzz(mock, spec, SEED, 600, 4);
                assertTrue(result.passed(), () -> spec + ": " + result.findings());
                assertTrue(passed(result, Check.USE_AFTER_FREE) > 0, spec + ": " + result.tally());
            }
        }
    }
}
