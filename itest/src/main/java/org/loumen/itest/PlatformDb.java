package org.loumen.itest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The platform's own database, for the checks that look under the API (what a row holds, that two tables agree): its
 * data source, Derby or PostgreSQL, whichever this run uses; else the embedded Derby database.
 */
final class PlatformDb {

    private PlatformDb() {
    }

    static Connection db() throws Exception {
        BundleContext bc = FrameworkUtil.getBundle(PlatformDb.class).getBundleContext();
        ServiceReference<?>[] shared = bc.getServiceReferences(DataSource.class.getName(),
                "(osgi.jndi.service.name=loumen)");
        if (shared != null && shared.length > 0) {
            return ((DataSource) bc.getService(shared[0])).getConnection();
        }
        ServiceReference<?>[] derby = bc.getServiceReferences(DataSourceFactory.class.getName(),
                "(osgi.jdbc.driver.class=org.apache.derby.jdbc.EmbeddedDriver)");
        Properties p = new Properties();
        p.put(DataSourceFactory.JDBC_URL, "jdbc:derby:db");
        return ((DataSourceFactory) bc.getService(derby[0])).createDataSource(p).getConnection();
    }

    /** The first column of the first row of a query (a count, a stored number). */
    static long count(String sql, Object... args) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
