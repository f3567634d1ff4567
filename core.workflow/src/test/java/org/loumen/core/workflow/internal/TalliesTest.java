package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class TalliesTest {

    @Test
    void aGroupsRatingsAreSummedPerEvaluationAndLeaderInKeyOrder() {
        List<Ballots.Cast> casts = List.of(
                cast(7, rating(12, "SATISFIED"), rating(3, "FAIRLY_SATISFIED")),
                cast(7, rating(12, "DISSATISFIED")),
                cast(7, rating(12, "SATISFIED"), rating(3, "DISSATISFIED")),
                cast(2, rating(12, "SATISFIED")));
        TreeMap<String, long[]> sums = Tallies.sum(casts);
        assertEquals(List.of("2:12", "7:12", "7:3"), List.copyOf(sums.keySet()), "the order rows are locked in");
        assertArrayEquals(new long[] { 7, 12, 2, 0, 1 }, sums.get("7:12"));
        assertArrayEquals(new long[] { 7, 3, 0, 1, 1 }, sums.get("7:3"));
        assertArrayEquals(new long[] { 2, 12, 1, 0, 0 }, sums.get("2:12"));
        assertEquals(0, Tallies.sum(List.of()).size());
    }

    @Test
    void ratingsHaveTheirPlaceInTheTotals() {
        assertEquals(0, Tallies.index("SATISFIED"));
        assertEquals(1, Tallies.index("FAIRLY_SATISFIED"));
        assertEquals(2, Tallies.index("DISSATISFIED"));
    }

    private static EvaluationService.Rating rating(long leader, String rating) {
        return new EvaluationService.Rating(leader, rating);
    }

    private static Ballots.Cast cast(long evaluation, EvaluationService.Rating... ratings) {
        return new Ballots.Cast("C", evaluation, List.of(ratings));
    }
}
