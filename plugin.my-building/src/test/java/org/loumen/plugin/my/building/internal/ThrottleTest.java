package org.loumen.plugin.my.building.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.loumen.web.ApiException;

class ThrottleTest {

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        Instant now = Instant.parse("2026-05-20T02:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aClientGetsItsHourlyAllowanceThenWaits() throws ApiException {
        Moving clock = new Moving();
        Throttle t = new Throttle(clock, 3);
        for (int i = 0; i < 3; i++) {
            t.write("10.0.0.1");
        }
        ApiException refused = assertThrows(ApiException.class, () -> t.write("10.0.0.1"));
        assertEquals(429, refused.status());
        t.write("10.0.0.2"); // another client is not affected
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        t.write("10.0.0.1");
    }

    @Test
    void wrongCodesBackOff() throws ApiException {
        Moving clock = new Moving();
        Throttle t = new Throttle(clock, 100);
        for (int i = 0; i < 5; i++) {
            t.write("10.0.0.3");
            t.wrongCode("10.0.0.3");
        }
        t.write("10.0.0.3");
        t.wrongCode("10.0.0.3"); // the sixth wrong code: from now on each try waits
        assertEquals(429, assertThrows(ApiException.class, () -> t.write("10.0.0.3")).status());
        clock.now = clock.now.plusSeconds(2);
        t.write("10.0.0.3");
    }
}
