package org.loumen.core.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ClientThrottleTest {

    private final TestClock clock = new TestClock();
    private final ClientThrottle throttle = new ClientThrottle(clock, 3, 60);

    @Test
    void freeFailuresCostNothingThenTheWaitDoubles() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, throttle.waitMillis("10.0.0.1"));
            throttle.failed("10.0.0.1");
        }
        assertEquals(0, throttle.waitMillis("10.0.0.1"), "three free failures");
        throttle.failed("10.0.0.1");
        assertEquals(1000, throttle.waitMillis("10.0.0.1"));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("10.0.0.1");
        assertEquals(2000, throttle.waitMillis("10.0.0.1"));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("10.0.0.1");
        assertEquals(4000, throttle.waitMillis("10.0.0.1"));
        assertEquals(0, throttle.waitMillis("10.0.0.2"), "other clients are not affected");
    }

    @Test
    void theWaitIsCappedAndForgottenAfterTheWindow() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("10.0.0.1");
        }
        assertEquals(60_000, throttle.waitMillis("10.0.0.1"));
        clock.advance(Duration.ofMillis(ClientThrottle.WINDOW_MILLIS + 1));
        assertEquals(0, throttle.waitMillis("10.0.0.1"));
        throttle.failed("10.0.0.1");
        assertEquals(0, throttle.waitMillis("10.0.0.1"), "the count starts again");
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i < ClientThrottle.MAX_CLIENTS + 500; i++) {
            throttle.failed("client-" + i);
        }
        assertEquals(ClientThrottle.MAX_CLIENTS, throttle.size());
    }
}
