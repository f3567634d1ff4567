package org.loumen.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.loumen.web.ApiException;

/** A write another transaction refused, recognised once and refused in the domain's terms. */
class StoreConflictTest {

    private static RuntimeException wrapped(String state, String message) {
        return new RuntimeException("commit failed", new RuntimeException(new SQLException(message, state)));
    }

    @Test
    void aTakenUniqueKeyIsAConflictNamingTheField() {
        StoreConflict c = StoreConflict.in(wrapped("23505", "The statement was aborted because it would have caused a "
                + "duplicate key value in a unique or primary key constraint or unique index identified by "
                + "'MDL_LEADER_PHONE' defined on 'MDL_LEADER'.")).orElseThrow();
        assertEquals("phone", c.field());
        Refusal r = c.toRefusal();
        assertEquals(Refusal.Kind.CONFLICT, r.kind());
        assertEquals("conflict", r.code());
        assertEquals("phone", r.field());
        assertEquals("与已有数据冲突（phone 已被使用） / conflicts with stored data: phone is taken", r.getMessage());
        assertEquals(409, ApiException.of(r).status());
    }

    @Test
    void aLockConflictIsBusyAndAsksToComeBack() {
        Refusal r = StoreConflict.in(wrapped("40P01", "deadlock detected")).orElseThrow().toRefusal();
        assertEquals("busy", r.code());
        assertNull(r.field());
        assertEquals(1, r.retryAfterSeconds());
        ApiException answer = ApiException.of(r);
        assertEquals(409, answer.status());
        assertEquals(1, answer.retryAfterSeconds());
    }

    @Test
    void otherFailuresAreNone() {
        assertTrue(StoreConflict.in(wrapped("42X05", "table does not exist")).isEmpty());
        assertTrue(StoreConflict.in(new IllegalStateException()).isEmpty());
    }

    @SuppressWarnings("deprecation")
    @Test
    void theWebLayersRecordAnswersTheSame() {
        RuntimeException failure = wrapped("23505", "duplicate key value violates unique constraint "
                + "\"mdl_leader_phone\"");
        org.loumen.web.StoreConflict old = org.loumen.web.StoreConflict.in(failure).orElseThrow();
        ApiException before = old.toApi();
        ApiException now = ApiException.of(StoreConflict.in(failure).orElseThrow().toRefusal());
        assertEquals(now.status(), before.status());
        assertEquals(now.code(), before.code());
        assertEquals(now.getMessage(), before.getMessage());
        assertEquals("phone", before.field());
    }
}
