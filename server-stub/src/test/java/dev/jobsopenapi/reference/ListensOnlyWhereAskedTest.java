package dev.jobsopenapi.reference;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference and mock servers listen only where they are asked: a host that is no address or name is refused
 * with a message, never widened to every interface, and the base URL names the address actually bound.
 */
class ListensOnlyWhereAskedTest {

    @Test
    void hostsThatAreNoAddressOrNameAreRefusedNamingTheValue() {
        for (String host : new String[] {"my_host", "256.1.1.1", "", "a..b", "-x", "1.2.3", "http://127.0.0.1", "[::1"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ReferenceServer.start(host, 0).close(), host);
            assertTrue(refused.getMessage().contains("'" + host + "'"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse("127.0.0.1", 65536));
    }

    @Test
    void loopbackIsBoundAndNamedAsBound() {
        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", 0)) {
            assertEquals("127.0.0.1", server.baseUri().getHost());
            assertTrue(server.baseUri().getPort() > 0);
        }
    }

    @Test
    void anIpv6LoopbackIsBoundWithOrWithoutBracketsOrRefusedNeverWidened() {
        for (String host : new String[] {"::1", "[::1]"}) {
            try (ReferenceServer server = ReferenceServer.start(host, 0)) {
                assertEquals("[::1]", server.baseUri().getHost());
            } catch (RuntimeException noIpv6Here) {
                // A machine without IPv6 loopback cannot bind it: an error, as asked, not every interface.
                assertFalse(noIpv6Here.getMessage() == null);
            }
        }
    }

    @Property(tries = 300)
    void anyHostTextIsEitherASpecificAddressOrRefused(@ForAll("hostTexts") String host) {
        try {
            InetSocketAddress address = ListenAddress.parse(host, 8080);
            InetAddress resolved = address.getAddress();
            assertTrue(!resolved.isAnyLocalAddress() || host.matches("\\[?[0:.]+]?"),
                    () -> host + " widened to " + resolved);
        } catch (IllegalArgumentException refused) {
            assertTrue(refused.getMessage().startsWith("'") || refused.getMessage().startsWith("the port"), refused.getMessage());
        }
    }

    @Provide
    Arbitrary<String> hostTexts() {
        return Arbitraries.oneOf(
                // no letters: a name would be looked up in DNS; names are covered above
                Arbitraries.strings().withChars("0123456789.:[]_-%/@ ").ofMaxLength(20),
                Arbitraries.integers().between(0, 999).list().ofSize(4).map(parts -> String.join(".",
                        parts.stream().map(String::valueOf).toList())));
    }
}
