package org.loumen.core.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static AuditEntity entry(long seq, String actor, String detail, String prev) {
        return new AuditEntity(seq, 1_764_144_000_000L, actor, "127.0.0.1", "PUT /communities/{community}",
                "/communities/120112103001", "120112103001", "SUCCESS", 200, detail, prev, null);
    }

    @Test
    void everyFieldAndThePreviousHashAreSealed() {
        String h = JpaAuditTrail.hash(entry(1, "shuanggang", null, JpaAuditTrail.GENESIS));
        assertEquals(64, h.length());
        assertEquals(h, JpaAuditTrail.hash(entry(1, "shuanggang", null, JpaAuditTrail.GENESIS)), "deterministic");
        assertNotEquals(h, JpaAuditTrail.hash(entry(2, "shuanggang", null, JpaAuditTrail.GENESIS)), "sequence");
        assertNotEquals(h, JpaAuditTrail.hash(entry(1, "admin", null, JpaAuditTrail.GENESIS)), "actor");
        assertNotEquals(h, JpaAuditTrail.hash(entry(1, "shuanggang", "x", JpaAuditTrail.GENESIS)), "detail");
        assertNotEquals(h, JpaAuditTrail.hash(entry(1, "shuanggang", null, "1".repeat(64))), "chain");
        // an empty detail and a missing one are the same text, but fields cannot slide into each other
        assertNotEquals(JpaAuditTrail.hash(entry(1, "ab", "c", JpaAuditTrail.GENESIS)),
                JpaAuditTrail.hash(entry(1, "a", "bc", JpaAuditTrail.GENESIS)));
    }

    @Test
    void retentionIsNeverBelow180Days() {
        assertEquals(180, JpaAuditTrail.effectiveRetention(30));
        assertEquals(180, JpaAuditTrail.effectiveRetention(0));
        assertEquals(180, JpaAuditTrail.effectiveRetention(180));
        assertEquals(400, JpaAuditTrail.effectiveRetention(400));
    }
}
