package org.loumen.core.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The batch writer on a real (in-memory) Derby with the tables as EclipseLink makes them. */
class NoticeRowsTest {

    private static Connection database(String name) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:derby:memory:" + name + ";create=true");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE NTF_NOTICE (NOTICE_KEY VARCHAR(160) NOT NULL PRIMARY KEY, KIND VARCHAR(60) NOT NULL,"
                    + " NODE VARCHAR(32) NOT NULL, TITLE VARCHAR(200) NOT NULL, BODY VARCHAR(1000) NOT NULL,"
                    + " LINK VARCHAR(300), CREATED_AT BIGINT NOT NULL)");
            s.execute("CREATE TABLE NTF_INBOX (ID BIGINT NOT NULL PRIMARY KEY, NOTICE_KEY VARCHAR(160) NOT NULL,"
                    + " USERNAME VARCHAR(32) NOT NULL, CREATED_AT BIGINT NOT NULL, READ_AT BIGINT)");
            s.execute("CREATE TABLE NTF_DELIVERY (ID BIGINT NOT NULL PRIMARY KEY, NOTICE_KEY VARCHAR(160) NOT NULL,"
                    + " CHANNEL VARCHAR(60) NOT NULL, USERNAME VARCHAR(32), ADDRESS VARCHAR(200), STATE VARCHAR(8) NOT NULL,"
                    + " ATTEMPTS INTEGER NOT NULL, NEXT_AT BIGINT NOT NULL, LAST_ERROR VARCHAR(300),"
                    + " CREATED_AT BIGINT NOT NULL, DONE_AT BIGINT, VERSION BIGINT)");
            s.execute("CREATE TABLE NTF_SEQUENCE (NAME VARCHAR(50) NOT NULL PRIMARY KEY, NEXT_VALUE DECIMAL(31))");
            // EclipseLink took the block 1..50 of inbox ids before
            s.execute("INSERT INTO NTF_SEQUENCE VALUES ('INBOX', 50)");
        }
        c.setAutoCommit(false);
        return c;
    }

    private static NoticeRows rows(String... keys) {
        NoticeRows rows = new NoticeRows();
        for (String k : keys) {
            NoticeEntity n = new NoticeEntity();
            n.key = k;
            n.kind = "report.overdue";
            n.node = "120112103001";
            n.title = "问题超时未办结 / overdue";
            n.body = "请尽快处理 / please act";
            n.link = "/reports/1";
            rows.notices.add(n);
            rows.inbox.add(new NoticeRows.Inbox(k, "gangwan"));
            rows.inbox.add(new NoticeRows.Inbox(k, "street"));
            rows.deliveries.add(new NoticeRows.Delivery(k, "webhook.ding", null, null));
        }
        return rows;
    }

    private static List<Long> ids(Connection c, String table) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ID FROM " + table + " ORDER BY ID")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    @Test
    void idsFollowTheGeneratorsBlocksAndAMissingGeneratorRowStartsAtOne() throws Exception {
        try (Connection c = database("rows1")) {
            rows("report-overdue:1:0", "report-overdue:2:0").write(c, 1000);
            rows("report-overdue:3:0").write(c, 2000);
            c.commit();
            // after EclipseLink's 1..50: 51..54, then 55..56; deliveries had no generator row yet: 1, 2, then 3
            assertEquals(List.of(51L, 52L, 53L, 54L, 55L, 56L), ids(c, "NTF_INBOX"));
            assertEquals(List.of(1L, 2L, 3L), ids(c, "NTF_DELIVERY"));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT NAME, NEXT_VALUE FROM "
                    + "NTF_SEQUENCE ORDER BY NAME")) {
                rs.next();
                assertEquals("DELIVERY", rs.getString(1));
                assertEquals(3, rs.getLong(2));
                rs.next();
                assertEquals(56, rs.getLong(2), "EclipseLink's next block starts after the ids used here");
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT STATE, ATTEMPTS, NEXT_AT, "
                    + "VERSION, DONE_AT FROM NTF_DELIVERY WHERE ID = 3")) {
                rs.next();
                assertEquals("PENDING", rs.getString(1));
                assertEquals(0, rs.getInt(2));
                assertEquals(2000, rs.getLong(3));
                assertEquals(1, rs.getLong(4));
                assertEquals(null, rs.getObject(5));
            }
            c.commit();
        }
    }

    @Test
    void aKeyWrittenBeforeFailsTheWholeBatch() throws Exception {
        try (Connection c = database("rows2")) {
            rows("report-overdue:9:0").write(c, 1000);
            c.commit();
            assertThrows(SQLException.class, () -> rows("report-overdue:10:0", "report-overdue:9:0").write(c, 2000));
            c.rollback();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM NTF_NOTICE")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "nothing of the failed batch is kept");
            }
            c.commit();
        }
    }
}
