package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.core.workflow.internal.TrainingBatches.BatchDraft;
import org.loumen.domain.Refusal;

class BatchDraftsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    private static BatchDraft draft(String title, LocalDate from, LocalDate to, String place, List<String> trainers,
            List<String> curriculum) {
        return new BatchDraft(title, from, to, place, trainers, curriculum);
    }

    private static String refusedField(BatchDraft d) {
        return assertThrows(Refusal.class, () -> BatchDrafts.checked(d)).field();
    }

    @Test
    void aDraftIsTidied() throws Refusal {
        BatchDraft d = BatchDrafts.checked(draft("  第1期入职培训 ", MONDAY, MONDAY.plusDays(2), " 镇社工站 ",
                Arrays.asList(" 王静 ", "", null, "刘明"), List.of("楼门栋长职责")));
        assertEquals("第1期入职培训", d.title());
        assertEquals("镇社工站", d.place());
        assertEquals(List.of("王静", "刘明"), d.trainers(), "blank lines dropped, the rest stripped");
    }

    @Test
    void eachMissingOrOutOfBoundsPartIsRefusedByItsField() {
        List<String> one = List.of("王静");
        assertEquals("title", refusedField(null));
        assertEquals("title", refusedField(draft(" ", MONDAY, MONDAY, "社工站", one, one)));
        assertEquals("title", refusedField(draft("班".repeat(101), MONDAY, MONDAY, "社工站", one, one)));
        assertEquals("startsOn", refusedField(draft("第1期", null, MONDAY, "社工站", one, one)));
        assertEquals("endsOn", refusedField(draft("第1期", MONDAY, MONDAY.minusDays(1), "社工站", one, one)));
        assertEquals("endsOn", refusedField(draft("第1期", MONDAY, MONDAY.plusDays(31), "社工站", one, one)));
        assertEquals("place", refusedField(draft("第1期", MONDAY, MONDAY, null, one, one)));
        assertEquals("trainers", refusedField(draft("第1期", MONDAY, MONDAY, "社工站", Collections.nCopies(21, "王静"),
                one)));
        assertEquals("trainers", refusedField(draft("第1期", MONDAY, MONDAY, "社工站", List.of("王".repeat(51)), one)));
        assertEquals("curriculum", refusedField(draft("第1期", MONDAY, MONDAY, "社工站", one, List.of(" "))));
    }
}
