package org.loumen.core.db.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** What the tables this bundle creates itself (outside any persistence unit) need to know of the database. */
final class Tables {

    private Tables() {
    }

    /**
     * Whether the table exists: asked under its name as written and in lower case, as Derby keeps unquoted names in
     * upper case and PostgreSQL in lower case.
     */
    static boolean exists(Connection c, String table) throws SQLException {
        for (String name : new String[] { table, table.toLowerCase(Locale.ROOT) }) {
            try (ResultSet r = c.getMetaData().getTables(null, null, name, new String[] { "TABLE" })) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
