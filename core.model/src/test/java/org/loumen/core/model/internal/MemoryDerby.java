package org.loumen.core.model.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A named in-memory Derby database for the tests of plain-SQL reads and writes, made by the given statements. */
final class MemoryDerby {

    private MemoryDerby() {
    }

    static Connection open(String name, String... statements) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:derby:memory:" + name + ";create=true");
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return c;
    }
}
