package org.loumen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ClientBackoffTest {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }


    private final TestClock clock = new TestClock();
    private final ClientBackoff throttle = new ClientBackoff(clock, 3, 60);

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
        clock.advance(Duration.ofMillis(ClientBackoff.WINDOW_MILLIS + 1));
        assertEquals(0, throttle.waitMillis("10.0.0.1"));
        throttle.failed("10.0.0.1");
        assertEquals(0, throttle.waitMillis("10.0.0.1"), "the count starts again");
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i < ClientBackoff.MAX_CLIENTS + 500; i++) {
            throttle.failed("client-" + i);
        }
        assertEquals(ClientBackoff.MAX_CLIENTS, throttle.size());
    }
}
