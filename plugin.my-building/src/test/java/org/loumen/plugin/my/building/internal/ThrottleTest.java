package org.loumen.plugin.my.building.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loumen.throttle.Throttles;
import org.loumen.web.ApiException;

/** How the resident throttle asks the platform's {@link Throttles}, and what it answers when refused. */
class ThrottleTest {

    /** Throttles that count slots per key and answer the waits the test sets. */
    private static final class Counting implements Throttles {
        final Map<String, Integer> taken = new HashMap<>();
        final List<Limit> asked = new ArrayList<>();
        final Map<String, Integer> failures = new HashMap<>();
        long backoffWait;

        @Override
        public Backoff backoff(String name, int freeFailures, Duration maxDelay) {
            assertEquals(5, freeFailures);
            return new Backoff() {
                @Override
                public long waitMillis(String client) {
                    return backoffWait;
                }

                @Override
                public void failed(String client) {
                    failures.merge(name + ":" + client, 1, Integer::sum);
                }

                @Override
                public void forgetAll() {
                    failures.clear();
                }
            };
        }

        @Override
        public long acquire(Limit... limits) {
            Limit l = limits[0];
            asked.add(l);
            int n = taken.getOrDefault(l.key(), 0);
            if (n >= l.max()) {
                return 1_800_000L;
            }
            taken.put(l.key(), n + 1);
            return 0;
        }

        @Override
        public void release(Limit... limits) {
        }
    }

    @Test
    void aClientGetsItsHourlyAllowanceThenWaits() throws ApiException {
        Counting c = new Counting();
        Throttle t = new Throttle(c, 3);
        for (int i = 0; i < 3; i++) {
            t.write("10.0.0.1");
        }
        ApiException refused = assertThrows(ApiException.class, () -> t.write("10.0.0.1"));
        assertEquals(429, refused.status());
        assertEquals(new Throttles.Limit("my-building.writes:10.0.0.1", 3, Duration.ofHours(1)), c.asked.get(0));
        t.write("10.0.0.2"); // another client is not affected
    }

    @Test
    void wrongCodesCountAndABackingOffClientIsRefusedBeforeTakingASlot() throws ApiException {
        Counting c = new Counting();
        Throttle t = new Throttle(c, 100);
        t.wrongCode("10.0.0.3");
        t.wrongCode("10.0.0.3");
        assertEquals(2, c.failures.get("my-building.code:10.0.0.3"));
        c.backoffWait = 2_000;
        assertEquals(429, assertThrows(ApiException.class, () -> t.write("10.0.0.3")).status());
        assertEquals(0, c.asked.size(), "no slot taken while backing off");
    }
}
