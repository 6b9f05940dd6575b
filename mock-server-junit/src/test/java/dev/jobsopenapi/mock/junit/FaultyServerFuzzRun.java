package dev.jobsopenapi.mock.junit;

import dev.jobsopenapi.conformance.ApiContract;
import dev.jobsopenapi.conformance.fuzz.Fuzzer;
import dev.jobsopenapi.conformance.fuzz.LiveServer;
import dev.jobsopenapi.conformance.junit.FuzzTests;
import dev.jobsopenapi.reference.ReferenceServer;
import dev.jobsopenapi.specs.BundledSpec;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

/**
 * A fuzz run as JUnit tests against a server that sends its job list as text/plain: run by
 * {@link FuzzFindsSeededFaultsTest} through the JUnit engine (its name keeps Surefire from running it on its own).
 */
class FaultyServerFuzzRun {

    @TestFactory
    Stream<DynamicTest> fuzz() throws Exception {
        try (ReferenceServer mock = ReferenceServer.start("127.0.0.1", 0);
             FaultyProxy proxy = new FaultyProxy(mock.baseUri(), FaultyProxy.Fault.WRONG_CONTENT_TYPE)) {
            return FuzzTests.of(Fuzzer.of(ApiContract.bundled(BundledSpec.OPENYUANRONG_JOBS),
                    LiveServer.at(proxy.baseUri().toString())).seed(99).maxRequests(150));
        }
    }
}
