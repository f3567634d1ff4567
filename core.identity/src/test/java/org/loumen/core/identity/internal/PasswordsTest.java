package org.loumen.core.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.MIN_ITERATIONS);

    @Test
    void hashesAreSaltedAndVerify() {
        String a = hasher.hash("Jinnan-2026-楼门");
        String b = hasher.hash("Jinnan-2026-楼门");
        assertNotEquals(a, b, "a fresh salt each time");
        assertTrue(a.startsWith("pbkdf2-sha256$100000$"), a);
        assertTrue(hasher.matches("Jinnan-2026-楼门", a));
        assertFalse(hasher.matches("Jinnan-2026-楼", a));
        assertFalse(hasher.matches("Jinnan-2026-楼门", "garbage"));
        assertFalse(hasher.matches("Jinnan-2026-楼门", "pbkdf2-sha256$x$y$z"));
    }

    @Test
    void aHashWithFewerIterationsIsOutdated() {
        String weak = hasher.hash("Jinnan-2026-x");
        PasswordHasher stronger = new PasswordHasher(200_000);
        assertTrue(stronger.outdated(weak));
        assertTrue(stronger.matches("Jinnan-2026-x", weak), "still verifies with its own iteration count");
        assertFalse(hasher.outdated(weak));
        assertEquals(PasswordHasher.MIN_ITERATIONS + "", new PasswordHasher(10).hash("Abcdefgh12").split("\\$")[1],
                "never below the minimum");
    }

    @Test
    void thePolicy() {
        assertTrue(PasswordPolicy.problem("wang", "Short1!").isPresent(), "too short");
        assertTrue(PasswordPolicy.problem("wang", "alllowercaseletters").isPresent(), "one kind");
        assertTrue(PasswordPolicy.problem("wang", "lowerand12345").isPresent(), "two kinds");
        assertTrue(PasswordPolicy.problem("wang", "Wang-2026-abc").isPresent(), "contains the username");
        assertTrue(PasswordPolicy.problem("wang", "Aa1Aa1Aa1Aa1").isPresent(), "three distinct characters");
        assertTrue(PasswordPolicy.problem("wang", "x".repeat(129) + "A1").isPresent(), "too long");
        assertFalse(PasswordPolicy.problem("wang", "Haihe-Ferry-2026").isPresent());
        assertFalse(PasswordPolicy.problem("wang", "jinnan2026楼门栋长").isPresent(), "CJK counts as other");
    }

    @Test
    void commonPasswordsAndTheirDecoratedFormsAreRefused() {
        assertTrue(PasswordPolicy.COMMON.size() >= 3000, "a list of some thousands: " + PasswordPolicy.COMMON.size());
        for (String pw : new String[] { "Password123!", "Qwerty123456!", "P@ssw0rd2026", "!!Welcome2026",
                "Zhangwei1990!", "Jinnan-2026", "Woaini1314!", "Admin@12345", "Iloveyou-2026", "1Qaz2wsx!@" }) {
            assertTrue(PasswordPolicy.problem("wang", pw).isPresent(), pw);
            assertTrue(PasswordPolicy.problem("wang", pw).get().contains("common"), pw);
        }
        assertFalse(PasswordPolicy.problem("wang", "Loumen-Test-2026").isPresent(), "the tests' own password");
        assertFalse(PasswordPolicy.problem("wang", "Haihe-Ferry-2026").isPresent());
    }

    @Test
    void generatedPasswordsMeetThePolicy() {
        for (int i = 0; i < 1000; i++) {
            String pw = PasswordPolicy.generate();
            assertEquals(16, pw.length());
            assertFalse(PasswordPolicy.problem("admin", pw).isPresent(), pw);
        }
    }

    @Test
    void lockoutCountsToTheThresholdThenLocks() {
        LoginStateEntity state = new LoginStateEntity("wang");
        long now = 1_000_000;
        for (int i = 0; i < 4; i++) {
            assertFalse(state.fail(now, 5, 900_000));
        }
        assertTrue(state.fail(now, 5, 900_000), "the fifth failure locks");
        assertEquals(now + 900_000, state.lockedUntil());
        state.succeed(now + 900_001);
        assertEquals(0, state.lockedUntil());
        assertEquals(0, state.failures());
    }
}
