package org.loumen.domain;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether other processes may write to the database behind a connection, so that what a node keeps in memory must be
 * checked against it before it is served. Only embedded Derby is not shared: no other process can open its folder
 * while this one runs. Every server database (PostgreSQL, Derby's network server) may be shared by several nodes.
 */
public final class SharedStore {

    private SharedStore() {
    }

    /** True unless the connection is to embedded Derby; true also when it cannot be told (always the safe answer). */
    public static boolean shared(Connection connection) {
        try {
            return shared(connection.getMetaData().getURL());
        } catch (SQLException e) {
            return true;
        }
    }

    /** The same judgement from a JDBC URL ({@code null}: not known, so shared). */
    public static boolean shared(String jdbcUrl) {
        return jdbcUrl == null || !jdbcUrl.startsWith("jdbc:derby:") || jdbcUrl.startsWith("jdbc:derby://");
    }
}
