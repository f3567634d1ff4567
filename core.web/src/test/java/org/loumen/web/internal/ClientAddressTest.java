package org.loumen.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> PROXIES = Set.of("10.0.0.2", "10.0.0.3");

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", Set.of()));
    }

    @Test
    void aClientCannotForgeItsAddressByTheHeader() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "198.51.100.1", PROXIES));
    }

    @Test
    void behindTrustedProxiesTheRightmostOtherAddressIsTheClient() {
        assertEquals("198.51.100.7", ClientAddress.of("10.0.0.2", "198.51.100.7", PROXIES));
        assertEquals("198.51.100.7", ClientAddress.of("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3", PROXIES),
                "what the client put in front is not believed");
        assertEquals("2001:db8::1", ClientAddress.of("10.0.0.2", "2001:db8::1", PROXIES));
    }

    @Test
    void garbageOrNoHeaderLeavesThePeer() {
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", null, PROXIES));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", "<script>", PROXIES));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", " , 10.0.0.3", PROXIES));
    }
}
