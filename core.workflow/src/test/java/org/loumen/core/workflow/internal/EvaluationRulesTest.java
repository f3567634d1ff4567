package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.core.workflow.internal.Satisfaction.Outcome;

class EvaluationRulesTest {

    @Test
    void sixtyPercentIsTheLine() {
        // 5999 of 10000 is 59.99: not re-appointed; 6000 of 10000 is 60.00: retained
        BigDecimal below = Satisfaction.percent(3000, 2999, 10000);
        assertEquals(new BigDecimal("59.99"), below);
        assertEquals(Outcome.NOT_REAPPOINTED, Satisfaction.outcome(below, 10000, 5));
        BigDecimal at = Satisfaction.percent(6000, 0, 10000);
        assertEquals(new BigDecimal("60.00"), at);
        assertEquals(Outcome.RETAINED, Satisfaction.outcome(at, 10000, 5));
        // 179 of 300 = 59.666..: rounds to 59.67, still under
        assertEquals(new BigDecimal("59.67"), Satisfaction.percent(100, 79, 300));
        // 599950 of 1000000 = 59.995 rounds half-up to 60.00 and retains: the rule rounds before comparing
        BigDecimal roundsUp = Satisfaction.percent(599_950, 0, 1_000_000);
        assertEquals(new BigDecimal("60.00"), roundsUp);
        assertEquals(Outcome.RETAINED, Satisfaction.outcome(roundsUp, 1_000_000, 5));
    }

    @Test
    void tooFewBallotsDecideNothing() {
        assertNull(Satisfaction.percent(0, 0, 0));
        assertEquals(Outcome.INSUFFICIENT_BALLOTS, Satisfaction.outcome(null, 0, 5));
        assertEquals(Outcome.INSUFFICIENT_BALLOTS, Satisfaction.outcome(new BigDecimal("0.00"), 4, 5));
        assertEquals(Outcome.NOT_REAPPOINTED, Satisfaction.outcome(new BigDecimal("0.00"), 5, 5));
    }

    @Test
    void codesAreRandomTypableAndForgiving() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String c = BallotCodes.generate();
            assertEquals(12, c.length());
            assertTrue(c.chars().allMatch(ch -> BallotCodes.ALPHABET.indexOf(ch) >= 0), c);
            assertTrue(seen.add(c), "60 random bits do not repeat in 10,000");
        }
        assertEquals("ABCD-EFGH-JKMN", BallotCodes.format("ABCDEFGHJKMN"));
        assertEquals("ABCDEFGHJKMN", BallotCodes.normalise(" abcd-efgh-jkmn "));
        assertEquals("0110ABCDEFGH", BallotCodes.normalise("OIL0-ABCD-EFGH"), "O as 0, I and L as 1");
        assertNull(BallotCodes.normalise("ABCD-EFGH-JKM"), "too short");
        assertNull(BallotCodes.normalise("ABCD-EFGH-JKMU"), "U is not in the alphabet");
        assertNull(BallotCodes.normalise(null));
        // 12 characters of a 32-letter alphabet: 60 bits, above the 50 the issue asks for
        assertEquals(60, 12 * Integer.numberOfTrailingZeros(BallotCodes.ALPHABET.length()));
    }

    @Test
    void theHalfYearOfADay() {
        assertEquals(new EvaluationService.Period("2026-H1", java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2026, 6, 30)), EvaluationService.Period.of(java.time.LocalDate.of(2026, 6, 30)));
        assertEquals(new EvaluationService.Period("2026-H2", java.time.LocalDate.of(2026, 7, 1),
                java.time.LocalDate.of(2026, 12, 31)), EvaluationService.Period.of(java.time.LocalDate.of(2026, 7, 1)));
        assertEquals("2027-H1", EvaluationService.Period.of(java.time.LocalDate.of(2027, 1, 1)).period());
    }
}
