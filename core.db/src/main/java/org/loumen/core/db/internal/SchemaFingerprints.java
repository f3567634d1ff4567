package org.loumen.core.db.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fingerprint of each persistence unit's mappings at its last extension, in one small table of the database the
 * unit's tables live in, {@code LMN_SCHEMA_FINGERPRINT} (unit key, table names, fingerprint, when). Made when first
 * needed; a node racing another finds it made. A row is only ever replaced by a newer fingerprint.
 */
public final class SchemaFingerprints {

    static final String TABLE = "LMN_SCHEMA_FINGERPRINT";
    private static final int MAX_TABLES = 2000;
    /** Derby's and PostgreSQL's SQLState for a table that does not exist. */
    private static final java.util.Set<String> MISSING_TABLE = java.util.Set.of("42X05", "42P01");
    private static final Logger LOG = LoggerFactory.getLogger(SchemaFingerprints.class);

    private SchemaFingerprints() {
    }

    /** The fingerprint stored for the unit, or null if none is (or the table does not exist yet). */
    public static String read(DataSource db, String unitKey) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT FINGERPRINT FROM " + TABLE + " WHERE UNIT_KEY = ?")) {
                s.setString(1, unitKey);
                try (ResultSet r = s.executeQuery()) {
                    String value = r.next() ? r.getString(1) : null;
                    end(c);
                    return value;
                }
            } catch (SQLException e) {
                rollback(c);
                if (e.getSQLState() != null && MISSING_TABLE.contains(e.getSQLState())) {
                    return null; // nothing stored yet on this database
                }
                throw e;
            }
        }
    }

    /** Stores the unit's fingerprint after an extension; a failure is logged (the next start extends again). */
    public static void record(DataSource db, MappingFingerprint fingerprint) {
        try (Connection c = db.getConnection()) {
            createTable(c);
            String tables = fingerprint.tables().length() > MAX_TABLES
                    ? fingerprint.tables().substring(0, MAX_TABLES) : fingerprint.tables();
            if (update(c, fingerprint, tables) == 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE
                        + " (UNIT_KEY, TABLE_NAMES, FINGERPRINT, EXTENDED_AT) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, fingerprint.unitKey());
                    s.setString(2, tables);
                    s.setString(3, fingerprint.value());
                    s.setLong(4, System.currentTimeMillis());
                    s.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    rollback(c);
                    update(c, fingerprint, tables); // another node inserted it first
                }
            }
            end(c);
            LOG.debug("Schema fingerprint of {} stored: {}", fingerprint.tables(), fingerprint.value());
        } catch (SQLException e) {
            LOG.warn("结构指纹未能保存（下次启动将再次扩展）/ schema fingerprint not stored (the next start extends "
                    + "again): {}", e.toString());
        }
    }

    private static int update(Connection c, MappingFingerprint fingerprint, String tables) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + TABLE
                + " SET TABLE_NAMES = ?, FINGERPRINT = ?, EXTENDED_AT = ? WHERE UNIT_KEY = ?")) {
            s.setString(1, tables);
            s.setString(2, fingerprint.value());
            s.setLong(3, System.currentTimeMillis());
            s.setString(4, fingerprint.unitKey());
            return s.executeUpdate();
        }
    }

    private static void createTable(Connection c) throws SQLException {
        if (Tables.exists(c, TABLE)) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("CREATE TABLE " + TABLE + " (UNIT_KEY VARCHAR(64) NOT NULL "
                + "PRIMARY KEY, TABLE_NAMES VARCHAR(" + MAX_TABLES + ") NOT NULL, FINGERPRINT VARCHAR(64) NOT NULL, "
                + "EXTENDED_AT BIGINT NOT NULL)")) {
            s.executeUpdate();
            end(c);
        } catch (SQLException e) {
            rollback(c);
            if (!Tables.exists(c, TABLE)) {
                throw e;
            }
        }
    }

    private static void end(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static void rollback(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
        }
    }
}
