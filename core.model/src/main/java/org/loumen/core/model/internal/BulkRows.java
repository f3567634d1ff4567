package org.loumen.core.model.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

/**
 * New rows of an import written in the import's own transaction, over its JDBC connection, without entity objects:
 * several rows per {@code INSERT … VALUES (…), (…)} statement, and ids taken from the same sequence rows as
 * EclipseLink's table generators ({@code MDL_SEQUENCE}), so that later entity inserts never collide with them.
 * <p>Derby runs a JDBC batch one statement per row (each opening the table and every index again); one statement of
 * many rows opens them once. A failure is thrown as {@link Failed} with the {@link SQLException} as its cause, which
 * rolls the whole transaction back (a unique key taken by a parallel import is then retried as a store conflict).
 */
final class BulkRows {

    /** Rows per statement: long enough to share the statement's cost, short enough for Derby to compile quickly. */
    static final int ROWS_PER_STATEMENT = 100;

    /** A table's columns in the order the rows give them, with their JDBC types (for nulls). */
    record Table(String name, List<String> columns, List<Integer> types) {

        static Table of(String name, Object... columnsAndTypes) {
            List<String> columns = new java.util.ArrayList<>();
            List<Integer> types = new java.util.ArrayList<>();
            for (int i = 0; i < columnsAndTypes.length; i += 2) {
                columns.add((String) columnsAndTypes[i]);
                types.add((Integer) columnsAndTypes[i + 1]);
            }
            return new Table(name, List.copyOf(columns), List.copyOf(types));
        }

        String insert(int rows) {
            String one = "(" + "?,".repeat(columns.size() - 1) + "?)";
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(name).append(" (")
                    .append(String.join(", ", columns)).append(") VALUES ").append(one);
            for (int r = 1; r < rows; r++) {
                sql.append(',').append(one);
            }
            return sql.toString();
        }
    }

    /** The database refused a write; the cause is its {@link SQLException}. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String what, SQLException cause) {
            super("写入失败 / could not write " + what + ": " + cause.getMessage(), cause);
        }
    }

    /** Columns and types of the tables the imports write, as the entities map them (EclipseLink's names). */
    static final Table LEADERS = Table.of("MDL_LEADER", "ID", Types.BIGINT, "NAME", Types.VARCHAR, "GENDER",
            Types.VARCHAR, "BIRTH_DATE", Types.DATE, "EDUCATION", Types.VARCHAR, "PARTY_MEMBER", Types.BOOLEAN,
            "PHONE", Types.VARCHAR, "NOMINATION", Types.VARCHAR, "LIAISON", Types.BOOLEAN, "STATUS", Types.VARCHAR,
            "STREET", Types.VARCHAR, "COMMUNITY", Types.VARCHAR, "WORK_ID", Types.VARCHAR, "UPDATED_AT",
            Types.BIGINT, "VERSION", Types.BIGINT);
    static final Table ASSIGNMENTS = Table.of("MDL_ASSIGNMENT", "ID", Types.BIGINT, "LEADER_ID", Types.BIGINT,
            "ROLE_NAME", Types.VARCHAR, "BUILDING", Types.VARCHAR, "UNIT", Types.VARCHAR);
    static final Table BUILDINGS = Table.of("ORG_BUILDING", "CODE", Types.VARCHAR, "COMMUNITY", Types.VARCHAR,
            "LABEL", Types.VARCHAR, "VERSION", Types.BIGINT);
    static final Table UNITS = Table.of("ORG_UNIT", "CODE", Types.VARCHAR, "BUILDING", Types.VARCHAR, "LABEL",
            Types.VARCHAR, "VERSION", Types.BIGINT);
    static final Table HOUSEHOLDS = Table.of("MDL_HOUSEHOLD", "ID", Types.BIGINT, "COMMUNITY", Types.VARCHAR,
            "UNIT", Types.VARCHAR, "ROOM", Types.VARCHAR, "HEAD_NAME", Types.VARCHAR, "MEMBERS", Types.INTEGER,
            "PHONE", Types.VARCHAR, "SPECIAL_GROUPS", Types.VARCHAR, "VERSION", Types.BIGINT);

    /** The version EclipseLink gives a new row ({@code @Version} starts at 1). */
    static final long FIRST_VERSION = 1L;

    private BulkRows() {
    }

    /** Inserts the rows (each in the table's column order) in statements of {@link #ROWS_PER_STATEMENT} rows. */
    static void insert(Connection c, Table table, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int width = table.columns().size();
        int full = Math.min(ROWS_PER_STATEMENT, rows.size());
        try (PreparedStatement many = c.prepareStatement(table.insert(full))) {
            int i = 0;
            for (; i + full <= rows.size(); i += full) {
                execute(many, table, rows.subList(i, i + full), width);
            }
            if (i < rows.size()) {
                try (PreparedStatement rest = c.prepareStatement(table.insert(rows.size() - i))) {
                    execute(rest, table, rows.subList(i, rows.size()), width);
                }
            }
        } catch (SQLException e) {
            throw new Failed(table.name(), e);
        }
    }

    private static void execute(PreparedStatement p, Table table, List<Object[]> rows, int width)
            throws SQLException {
        int at = 1;
        for (Object[] row : rows) {
            if (row.length != width) {
                throw new IllegalArgumentException(table.name() + ": " + row.length + " values for " + width
                        + " columns");
            }
            for (int col = 0; col < width; col++) {
                bind(p, at++, row[col], table.types().get(col));
            }
        }
        int written = p.executeUpdate();
        if (written != rows.size()) {
            throw new SQLException(table.name() + ": " + written + " rows written of " + rows.size());
        }
    }

    private static void bind(PreparedStatement p, int at, Object value, int type) throws SQLException {
        if (value == null) {
            p.setNull(at, type);
        } else if (value instanceof String s) {
            p.setString(at, s);
        } else if (value instanceof Long l) {
            p.setLong(at, l);
        } else if (value instanceof Integer n) {
            p.setInt(at, n);
        } else if (value instanceof Boolean b) {
            p.setBoolean(at, b); // Derby's SMALLINT (EclipseLink's boolean there) and PostgreSQL's BOOLEAN alike
        } else if (value instanceof LocalDate d) {
            p.setDate(at, java.sql.Date.valueOf(d)); // as EclipseLink binds a LocalDate
        } else {
            throw new IllegalArgumentException("unsupported value " + value.getClass());
        }
    }

    /**
     * Takes {@code n} ids from a table generator's row of {@code MDL_SEQUENCE} in the caller's transaction, as
     * EclipseLink preallocates (the row holds the last id handed out; a preallocation of {@code n} moves it on by n
     * and uses the n values up to the new one), and returns the first. The row stays locked until the transaction
     * ends, so a parallel allocation waits, and a rolled-back import hands nothing out.
     */
    static long ids(Connection c, String sequence, int n) {
        if (n <= 0) {
            return 0;
        }
        try {
            try (PreparedStatement u = c.prepareStatement(
                    "UPDATE MDL_SEQUENCE SET NEXT_VALUE = NEXT_VALUE + ? WHERE NAME = ?")) {
                u.setLong(1, n);
                u.setString(2, sequence);
                if (u.executeUpdate() == 0) {
                    // never allocated yet (EclipseLink creates its rows with the table); two nodes doing this at once
                    // collide on the key and one is retried
                    try (PreparedStatement i = c.prepareStatement(
                            "INSERT INTO MDL_SEQUENCE (NAME, NEXT_VALUE) VALUES (?, ?)")) {
                        i.setString(1, sequence);
                        i.setLong(2, n);
                        i.executeUpdate();
                    }
                    return 1;
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT NEXT_VALUE FROM MDL_SEQUENCE WHERE NAME = ?")) {
                s.setString(1, sequence);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1) - n + 1;
                }
            }
        } catch (SQLException e) {
            throw new Failed("MDL_SEQUENCE " + sequence, e);
        }
    }
}
