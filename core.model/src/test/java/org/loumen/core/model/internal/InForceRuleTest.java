package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.LeaderRole;

/** "In force on a day" is one rule: the record's, the SQL's and the JPQL's keep the same assignments. */
class InForceRuleTest {

    private static final LocalDate[] DATES = { null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 6, 1),
            LocalDate.of(2026, 6, 2), LocalDate.of(2026, 9, 1) };

    @Test
    void theSqlKeepsWhatTheRecordSaysIsInForce() throws Exception {
        List<Assignment> rows = new ArrayList<>();
        try (Connection c = MemoryDerby.open("inforce", "CREATE TABLE MDL_ASSIGNMENT (ID INT NOT NULL PRIMARY KEY, "
                + "START_DATE DATE, END_DATE DATE)");
                PreparedStatement insert = c.prepareStatement("INSERT INTO MDL_ASSIGNMENT VALUES (?, ?, ?)")) {
            for (LocalDate start : DATES) {
                for (LocalDate end : DATES) {
                    insert.setInt(1, rows.size());
                    insert.setDate(2, start == null ? null : Date.valueOf(start));
                    insert.setDate(3, end == null ? null : Date.valueOf(end));
                    insert.executeUpdate();
                    rows.add(new Assignment(LeaderRole.UNIT_LEADER, "B", "1", "U", "1", start, end));
                }
            }
            for (LocalDate day : List.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 2),
                    LocalDate.of(2026, 12, 31))) {
                Set<Integer> expected = new HashSet<>();
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).activeOn(day)) {
                        expected.add(i);
                    }
                }
                Set<Integer> kept = new HashSet<>();
                try (PreparedStatement q = c.prepareStatement("SELECT ID FROM MDL_ASSIGNMENT WHERE "
                        + AssignmentEntity.IN_FORCE_SQL)) {
                    q.setDate(1, Date.valueOf(day));
                    q.setDate(2, Date.valueOf(day));
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            kept.add(r.getInt(1));
                        }
                    }
                }
                assertEquals(expected, kept, "in force on " + day);
            }
        }
    }

    @Test
    void theJpqlIsTheSqlOverTheEntitysFields() {
        String asSql = AssignmentEntity.IN_FORCE.replace("a.start", "START_DATE").replace("a.end", "END_DATE")
                .replace(":today", "?").replace(" is null", " IS NULL").replace(" or ", " OR ")
                .replace(" and ", " AND ");
        assertEquals(AssignmentEntity.IN_FORCE_SQL, asSql);
    }
}
