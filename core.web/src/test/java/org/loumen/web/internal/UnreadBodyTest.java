package org.loumen.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;

class UnreadBodyTest {

    @Test
    void aBodyWithinTheBoundIsReadToItsEnd() throws IOException {
        HttpServletRequest req = ServletFakes.request("POST", "/x", null, "image/jpeg", new byte[200_000], Map.of());
        req.getInputStream().readNBytes(1_000); // the handler read a little, then refused

        assertEquals(199_000, UnreadBody.discard(req, 300_000));
        assertEquals(-1, req.getInputStream().read(), "nothing left for the connection to reset on");
    }

    @Test
    void aBodyOverTheBoundIsLeftToTheContainer() throws IOException {
        HttpServletRequest req = ServletFakes.request("POST", "/x", null, "image/jpeg", new byte[5_000], Map.of());

        assertEquals(0, UnreadBody.discard(req, 4_999));
        assertEquals(0, req.getInputStream().read(), "not one byte read");
    }

    @Test
    void aRequestWithoutABodyOrWithItReadIsLeftAlone() throws IOException {
        assertEquals(0, UnreadBody.discard(ServletFakes.request("GET", "/x", null, null, null, Map.of()), 100));
        assertEquals(0, UnreadBody.discard(ServletFakes.request("POST", "/x", null, null, new byte[0], Map.of()), 100));
        HttpServletRequest read = ServletFakes.request("POST", "/x", null, "application/json", new byte[50], Map.of());
        read.getInputStream().readAllBytes();
        assertEquals(0, UnreadBody.discard(read, 100));
    }
}
