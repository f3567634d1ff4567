package org.loumen.core.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SessionsTest {

    private final TestClock clock = new TestClock();
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30).toMillis(),
            Duration.ofHours(12).toMillis());

    @Test
    void aTokenExpiresAfterTheIdleTimeAndUseRestartsIt() {
        Sessions.Issued issued = sessions.issue("wang");
        assertEquals(clock.millis() + Duration.ofMinutes(30).toMillis(), issued.expiresAt());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.use(issued.token()).isPresent(), "used within the idle time");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.use(issued.token()).isPresent(), "the last use restarted the idle timer");
        clock.advance(Duration.ofMinutes(30));
        assertFalse(sessions.use(issued.token()).isPresent(), "idle for 30 minutes");
        assertEquals(0, sessions.size(), "an expired session is dropped");
    }

    @Test
    void aBusySessionStillEndsAtItsMaximumLifetime() {
        Sessions.Issued issued = sessions.issue("wang");
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(29));
            sessions.use(issued.token());
        }
        assertTrue(sessions.use(issued.token()).isPresent(), "11.6 h in");
        clock.advance(Duration.ofMinutes(29));
        assertFalse(sessions.use(issued.token()).isPresent(), "past 12 h");
    }

    @Test
    void revokingEndsTheSessionAtOnce() {
        Sessions.Issued a = sessions.issue("wang");
        Sessions.Issued b = sessions.issue("wang");
        Sessions.Issued other = sessions.issue("li");
        assertNotEquals(a.token(), b.token());
        assertTrue(sessions.revoke(a.token()));
        assertFalse(sessions.use(a.token()).isPresent());
        assertEquals(1, sessions.revokeAll("wang", null));
        assertFalse(sessions.use(b.token()).isPresent());
        assertTrue(sessions.use(other.token()).isPresent());
    }

    @Test
    void revokeAllCanKeepTheCurrentSession() {
        Sessions.Issued current = sessions.issue("wang");
        Sessions.Issued elsewhere = sessions.issue("wang");
        assertEquals(1, sessions.revokeAll("wang", current.token()));
        assertTrue(sessions.use(current.token()).isPresent());
        assertFalse(sessions.use(elsewhere.token()).isPresent());
    }

    @Test
    void unknownTokensAreRefusedAndNotStoredInClear() {
        assertFalse(sessions.use("forged").isPresent());
        Sessions.Issued issued = sessions.issue("wang");
        assertEquals(64, Sessions.hash(issued.token()).length());
        assertTrue(issued.token().length() >= 43, "256 random bits");
    }
}
