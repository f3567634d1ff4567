package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.LeaderDraft;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.ModelException.Reason;
import org.loumen.core.model.Nomination;

class LeaderRecordsTest {

    private static LeaderDraft draft(String name, LocalDate birth, String phone) {
        return new LeaderDraft(name, Gender.MALE, birth, Education.BACHELOR, false, phone, Nomination.SELF, null,
                "120112103001", null);
    }

    private static ModelException refusal(Runnable r) {
        Tx.Abort abort = assertThrows(Tx.Abort.class, r::run);
        return (ModelException) abort.reason;
    }

    @Test
    void aNewPersonNeedsEveryPersonalFieldNamed() {
        ModelException none = assertThrows(ModelException.class, () -> LeaderRecords.requirePerson(null));
        assertEquals("leader", none.field());
        ModelException blank = assertThrows(ModelException.class,
                () -> LeaderRecords.requirePerson(draft(" ", LocalDate.of(1970, 1, 1), "13800000000")));
        assertEquals("name", blank.field());
        assertEquals(Reason.INVALID, blank.reason());
        ModelException noBirth = assertThrows(ModelException.class,
                () -> LeaderRecords.requirePerson(draft("李明", null, "13800000000")));
        assertEquals("birthDate", noBirth.field());
    }

    @Test
    void fieldsAreCheckedBeforeTheyAreCopied() {
        LeaderEntity l = Leaders.zhang();
        assertEquals("name", refusal(() -> LeaderRecords.apply(null, l, draft("x".repeat(41), null, null))).field());
        assertEquals("birthDate", refusal(() -> LeaderRecords.apply(null, l,
                draft(null, LocalDate.of(1899, 12, 31), null))).field());
        assertEquals("birthDate", refusal(() -> LeaderRecords.apply(null, l,
                draft(null, LocalDate.now(Days.CHINA).plusDays(1), null))).field());
        assertEquals("phone", refusal(() -> LeaderRecords.apply(null, l, draft(null, null, "1234567"))).field());
        assertEquals("张秀兰", l.name); // nothing copied from a refused draft
    }

    @Test
    void givenFieldsAreCopiedAndTheRestKept() {
        LeaderEntity l = Leaders.zhang();
        LeaderRecords.apply(null, l, new LeaderDraft("  王芳 ", null, LocalDate.of(1966, 5, 1), null, null, null,
                null, true, null, null));
        assertEquals("王芳", l.name);
        assertEquals(LocalDate.of(1966, 5, 1), l.birthDate);
        assertEquals(true, l.liaison);
        assertEquals(Gender.FEMALE.name(), l.gender);
        assertEquals("13812341234", l.phone);
        assertNull(l.phoneConsentAt);
    }
}
