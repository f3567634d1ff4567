package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class BallotsTest {

    /** Codes are marked in code order, so two nodes' groups lock the same rows in the same order. */
    @Test
    void ballotsAreMarkedInCodeOrderKeepingArrivalForTheSameCode() {
        List<Ballots.Cast> casts = List.of(cast("C"), cast("A"), cast("B"), cast("A"));
        assertArrayEquals(new int[] { 1, 3, 2, 0 }, Ballots.inCodeOrder(casts));
    }

    private static Ballots.Cast cast(String code) {
        return new Ballots.Cast(code, 1, List.of());
    }
}
