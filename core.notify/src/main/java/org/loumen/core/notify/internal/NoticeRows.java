package org.loumen.core.notify.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes published notices with their inbox entries and deliveries as three JDBC batches inside the caller's
 * transaction (the connection of its EntityManager): a scan's page of 500 notices is three round trips instead of one
 * object and one statement per row. The ids of inbox entries and deliveries come from the same table generator the
 * entities use ({@code NTF_SEQUENCE}), taken a block at a time exactly as EclipseLink takes its own (add the block's
 * size to {@code NEXT_VALUE}, use the values just below the new one), so rows written either way never share an id.
 */
final class NoticeRows {

    /** An inbox entry to write. */
    record Inbox(String noticeKey, String username) {
    }

    /** A delivery to write ({@code username} and {@code address} {@code null} on a group channel). */
    record Delivery(String noticeKey, String channel, String username, String address) {
    }

    final List<NoticeEntity> notices = new ArrayList<>();
    final List<Inbox> inbox = new ArrayList<>();
    final List<Delivery> deliveries = new ArrayList<>();

    boolean isEmpty() {
        return notices.isEmpty();
    }

    /** Writes everything collected, all stamped {@code now}; the caller's transaction commits it. */
    void write(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO NTF_NOTICE (NOTICE_KEY, KIND, NODE, TITLE, BODY, "
                + "LINK, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (NoticeEntity n : notices) {
                ps.setString(1, n.key);
                ps.setString(2, n.kind);
                ps.setString(3, n.node);
                ps.setString(4, n.title);
                ps.setString(5, n.body);
                ps.setString(6, n.link);
                ps.setLong(7, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!inbox.isEmpty()) {
            long id = allocate(c, "INBOX", inbox.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO NTF_INBOX (ID, NOTICE_KEY, USERNAME, "
                    + "CREATED_AT, READ_AT) VALUES (?, ?, ?, ?, ?)")) {
                for (Inbox i : inbox) {
                    ps.setLong(1, id++);
                    ps.setString(2, i.noticeKey());
                    ps.setString(3, i.username());
                    ps.setLong(4, now);
                    ps.setNull(5, Types.BIGINT);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!deliveries.isEmpty()) {
            long id = allocate(c, "DELIVERY", deliveries.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO NTF_DELIVERY (ID, NOTICE_KEY, CHANNEL, USERNAME, "
                    + "ADDRESS, STATE, ATTEMPTS, NEXT_AT, LAST_ERROR, CREATED_AT, DONE_AT, VERSION) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 1)")) {
                for (Delivery d : deliveries) {
                    ps.setLong(1, id++);
                    ps.setString(2, d.noticeKey());
                    ps.setString(3, d.channel());
                    ps.setString(4, d.username());
                    ps.setString(5, d.address());
                    ps.setString(6, DeliveryWorker.PENDING);
                    ps.setLong(7, now);
                    ps.setNull(8, Types.VARCHAR);
                    ps.setLong(9, now);
                    ps.setNull(10, Types.BIGINT);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /**
     * Takes {@code count} ids from the table generator's row {@code name}, as EclipseLink does for its blocks:
     * {@code NEXT_VALUE} grows by the count (the row is locked until the transaction ends), and the ids are the count
     * values just below and up to the new value. Returns the first.
     */
    static long allocate(Connection c, String name, int count) throws SQLException {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE NTF_SEQUENCE SET NEXT_VALUE = NEXT_VALUE + ? "
                + "WHERE NAME = ?")) {
            ps.setLong(1, count);
            ps.setString(2, name);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            // the generator's row is made when the tables are; if it is missing, start it as EclipseLink would (at 0)
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO NTF_SEQUENCE (NAME, NEXT_VALUE) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setLong(2, count);
                ps.executeUpdate();
            }
            return 1;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT NEXT_VALUE FROM NTF_SEQUENCE WHERE NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }
}
