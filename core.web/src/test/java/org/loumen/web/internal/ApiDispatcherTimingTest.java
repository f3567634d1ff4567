package org.loumen.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiDispatcherTimingTest {

    @Test
    void serverTimingIsMillisecondsWithOneDecimal() {
        assertEquals("app;dur=12.3", ApiDispatcher.serverTiming(12_345_678));
        assertEquals("app;dur=0.0", ApiDispatcher.serverTiming(99_999));
        assertEquals("app;dur=1500.0", ApiDispatcher.serverTiming(1_500_000_000L));
        // a clock that stepped back never gives a negative duration
        assertEquals("app;dur=0.0", ApiDispatcher.serverTiming(-5));
    }
}
