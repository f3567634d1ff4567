package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.domain.StoreConflict;

/** An import's rows written as plain rows, ids from the generators' sequence rows (real Derby, as EclipseLink made). */
class BulkRowsTest {

    private static Connection derby(String name) throws SQLException {
        // as EclipseLink's DerbyPlatform creates them: booleans as SMALLINT, the generators' table
        Connection c = MemoryDerby.open(name, "CREATE TABLE MDL_SEQUENCE (NAME VARCHAR(50) NOT NULL, NEXT_VALUE "
                + "DECIMAL(15), PRIMARY KEY (NAME))",
                "INSERT INTO MDL_SEQUENCE VALUES ('LEADER', 1000), ('ASSIGNMENT', 0)",
                "CREATE TABLE MDL_LEADER (ID BIGINT NOT NULL PRIMARY KEY, NAME VARCHAR(40) NOT NULL, "
                        + "GENDER VARCHAR(8) NOT NULL, BIRTH_DATE DATE NOT NULL, EDUCATION VARCHAR(24) NOT NULL, "
                        + "PARTY_MEMBER SMALLINT DEFAULT 0 NOT NULL, PHONE VARCHAR(11) NOT NULL, NOMINATION "
                        + "VARCHAR(16) NOT NULL, LIAISON SMALLINT DEFAULT 0 NOT NULL, STATUS VARCHAR(16) NOT NULL, "
                        + "STREET VARCHAR(9) NOT NULL, COMMUNITY VARCHAR(12) NOT NULL, WORK_ID VARCHAR(32), "
                        + "PHONE_CONSENT_AT BIGINT, PHONE_CONSENT_BY VARCHAR(32), UPDATED_AT BIGINT NOT NULL, "
                        + "VERSION BIGINT, CONSTRAINT MDL_LEADER_PHONE UNIQUE (PHONE))");
        c.setAutoCommit(false);
        return c;
    }

    private static Object[] leader(long id, String phone, String workId) {
        return new Object[] { id, "测试" + id, "FEMALE", LocalDate.of(1962, 6, 30), "MASTER", true, phone,
            "SELF", false, "IN_SERVICE", "120112107", "120112107001", workId, 0L, BulkRows.FIRST_VERSION };
    }

    @Test
    void idsContinueTheGeneratorsRowAndMoveItOnAsEclipseLinkPreallocates() throws SQLException {
        try (Connection c = derby("bulk-ids")) {
            assertEquals(1001, BulkRows.ids(c, "LEADER", 250)); // 1001..1250
            assertEquals(1251, BulkRows.ids(c, "LEADER", 1));
            assertEquals(1, BulkRows.ids(c, "ASSIGNMENT", 10));
            assertEquals(1, BulkRows.ids(c, "HOUSEHOLD", 5), "a row never used yet is created");
            assertEquals(6, BulkRows.ids(c, "HOUSEHOLD", 5));
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT NEXT_VALUE FROM MDL_SEQUENCE WHERE NAME = 'LEADER'")) {
                r.next();
                assertEquals(1251, r.getLong(1), "the next preallocation (NEXT_VALUE + n) starts after ours");
            }
            c.rollback();
            assertEquals(1001, BulkRows.ids(c, "LEADER", 1), "rolled back, nothing handed out");
            c.rollback();
        }
    }

    @Test
    void rowsAreWrittenManyPerStatementWithTheRestAndNullsAndReadBackTheSame() throws SQLException {
        try (Connection c = derby("bulk-insert")) {
            List<Object[]> rows = new ArrayList<>();
            int n = BulkRows.ROWS_PER_STATEMENT * 2 + 7;
            for (int i = 1; i <= n; i++) {
                rows.add(leader(i, String.format("137%08d", i), i == 3 ? "JN-3" : null));
            }
            BulkRows.insert(c, BulkRows.LEADERS, rows);
            try (Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*), MIN(ID), MAX(ID) FROM MDL_LEADER")) {
                    r.next();
                    assertEquals(n, r.getInt(1));
                    assertEquals(1, r.getLong(2));
                    assertEquals(n, r.getLong(3));
                }
                try (ResultSet r = s.executeQuery("SELECT NAME, BIRTH_DATE, PARTY_MEMBER, LIAISON, WORK_ID, "
                        + "PHONE_CONSENT_AT, UPDATED_AT, VERSION FROM MDL_LEADER WHERE ID = 3")) {
                    r.next();
                    assertEquals("测试3", r.getString(1));
                    assertEquals(LocalDate.of(1962, 6, 30), r.getDate(2).toLocalDate());
                    assertEquals(1, r.getInt(3));
                    assertEquals(0, r.getInt(4));
                    assertEquals("JN-3", r.getString(5));
                    assertNull(r.getObject(6));
                    assertEquals(0, r.getLong(7));
                    assertEquals(1, r.getLong(8));
                }
                try (ResultSet r = s.executeQuery("SELECT WORK_ID FROM MDL_LEADER WHERE ID = 4")) {
                    r.next();
                    assertNull(r.getString(1));
                }
            }
            c.rollback();
        }
    }

    @Test
    void aTakenKeyFailsAsAStoreConflictNamingTheField() throws SQLException {
        try (Connection c = derby("bulk-conflict")) {
            BulkRows.insert(c, BulkRows.LEADERS, List.<Object[]>of(leader(1, "13700000001", null)));
            BulkRows.Failed f = assertThrows(BulkRows.Failed.class, () -> BulkRows.insert(c, BulkRows.LEADERS,
                    List.of(leader(2, "13700000002", null), leader(3, "13700000001", null))));
            assertInstanceOf(SQLException.class, f.getCause());
            StoreConflict conflict = StoreConflict.in(f).orElseThrow();
            assertEquals("phone", conflict.field());
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM MDL_LEADER")) {
                r.next();
                assertEquals(1, r.getInt(1), "the failed statement wrote none of its rows");
            }
            assertTrue(f.getMessage().startsWith("写入失败 / could not write MDL_LEADER"), f.getMessage());
            c.rollback();
        }
    }
}
