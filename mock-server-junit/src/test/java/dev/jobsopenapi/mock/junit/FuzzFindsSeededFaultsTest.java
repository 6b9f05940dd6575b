package dev.jobsopenapi.mock.junit;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.fuzz.Check;
import dev.jobsopenapi.conformance.fuzz.Finding;
import dev.jobsopenapi.conformance.fuzz.FuzzResult;
import dev.jobsopenapi.conformance.fuzz.Fuzzer;
import dev.jobsopenapi.conformance.fuzz.LiveServer;
import dev.jobsopenapi.reference.FrontDoor;
import dev.jobsopenapi.reference.ReferenceServer;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each deliberately faulty server is caught by the check that names its fault, on the right operation, with the
 * run's seed and a curl command that reproduces it; and no credential appears in what the fuzzer prints.
 */
class FuzzFindsSeededFaultsTest {

    private static final long SEED = 99;

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(FaultyProxy.Fault.SERVER_ERROR_ON_METADATA, BundledSpec.OPENYUANRONG_JOBS, Check.NOT_A_SERVER_ERROR, "submitJob"),
                Arguments.of(FaultyProxy.Fault.ACCEPTS_SUBMIT_WITHOUT_ENTRYPOINT, BundledSpec.OPENYUANRONG_JOBS, Check.NEGATIVE_DATA_REJECTION, "submitJob"),
                Arguments.of(FaultyProxy.Fault.SERVES_DELETED_JOBS, BundledSpec.OPENYUANRONG_JOBS, Check.USE_AFTER_FREE, "getJob"),
                Arguments.of(FaultyProxy.Fault.LOSES_SUBMITTED_JOBS, BundledSpec.OPENYUANRONG_JOBS, Check.ENSURE_RESOURCE_AVAILABILITY, "getJob"),
                Arguments.of(FaultyProxy.Fault.WRONG_CONTENT_TYPE, BundledSpec.OPENYUANRONG_JOBS, Check.CONTENT_TYPE_CONFORMANCE, "listJobs"),
                Arguments.of(FaultyProxy.Fault.UNDOCUMENTED_STATUS, BundledSpec.OPENYUANRONG_JOBS, Check.STATUS_CODE_CONFORMANCE, "getJob"),
                Arguments.of(FaultyProxy.Fault.TIMES_AS_STRINGS, BundledSpec.MODELARTS_DEVSERVER_JOBS, Check.RESPONSE_SCHEMA_CONFORMANCE, "listDevServerJobs"));
    }

    @ParameterizedTest(name = "{0} is found by {2} on {3}")
    @MethodSource("faults")
    void eachFaultIsFoundByItsCheckWithSeedAndCurl(FaultyProxy.Fault fault, BundledSpec spec, Check check, String operationId)
            throws Exception {
        try (ReferenceServer mock = ReferenceServer.start("127.0.0.1", 0);
             FaultyProxy proxy = new FaultyProxy(mock.baseUri(), fault)) {
            FuzzResult result = Fuzzer.of(ApiContract.bundled(spec), LiveServer.at(proxy.baseUri().toString()))
                    .seed(SEED).maxRequests(400).allowWrite(true).parameters(Map.of("project_id", "fuzz-project")).run();
            assertFalse(result.passed());
            Finding finding = result.findings().stream().filter(f -> f.check() == check && f.operationId().equals(operationId))
                    .findFirst().orElseThrow(() -> new AssertionError(fault + ": no " + check.id() + " on " + operationId
                            + " among " + result.findings()));
            assertEquals(SEED, finding.seed());
            assertTrue(finding.curl().startsWith("curl ") && finding.curl().contains(proxy.baseUri().toString()), finding.curl());
        }
    }

    @Test
    void asJUnitTestsTheFaultFailsTheTestOfItsCheckAndOperationOnly() {
        var results = org.junit.platform.testkit.engine.EngineTestKit.engine("junit-jupiter")
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(FaultyServerFuzzRun.class))
                .execute().testEvents();
        var failed = results.failed().list();
        assertEquals(1, failed.size(), () -> "failed: " + failed);
        String name = failed.get(0).getTestDescriptor().getDisplayName();
        assertTrue(name.startsWith("content_type_conformance listJobs"), name);
        assertTrue(results.succeeded().count() > 10, "the other checks pass: " + results.succeeded().count());
    }

    @Test
    void anOperationThatIgnoresAuthenticationIsFoundAndTheTokenIsNeverPrinted() {
        // The mock is open, the fuzzer holds a token: every ModelArts operation requires one, so an answer without it
        // is a fault.
        String token = "secret-token-value-1234";
        try (ReferenceServer mock = ReferenceServer.start("127.0.0.1", 0, FrontDoor.open())) {
            FuzzResult result = Fuzzer.of(ApiContract.bundled(BundledSpec.MODELARTS_DEVSERVER_JOBS),
                    LiveServer.at(mock.baseUri().toString()).withToken(token)).seed(SEED).maxRequests(100)
                    .parameters(Map.of("project_id", "fuzz-project")).run();
            Finding finding = result.findings().stream().filter(f -> f.check() == Check.IGNORED_AUTH).findFirst()
                    .orElseThrow(() -> new AssertionError("no ignored_auth among " + result.findings()));
            assertTrue(finding.curl().contains("X-Auth-Token: [REDACTED]"), finding.curl());
            assertFalse(result.toString().contains(token), "the token appears in the result");
        }
    }
}
