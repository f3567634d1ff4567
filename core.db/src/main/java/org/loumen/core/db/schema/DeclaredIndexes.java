package org.loumen.core.db.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.persistence.Index;
import javax.persistence.Table;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexes the entities declare ({@code @Table(indexes = …)}), also on a database whose tables already exist.
 * EclipseLink's create-or-extend-tables creates an index only with its table and adds only missing columns to a table
 * that exists, so an index added in a later version would never reach an upgraded data folder. Each missing one is
 * created here when the unit's service starts; nothing is ever dropped, and no row is touched. Every persistence unit
 * of the platform uses this one class (since 1.1).
 */
public final class DeclaredIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(DeclaredIndexes.class);

    private DeclaredIndexes() {
    }

    /**
     * Creates the declared indexes of the given entities that the database does not have.
     *
     * @param c        a connection to the unit's database (e.g. {@code em.unwrap(Connection.class)} in a transaction)
     * @param entities entity classes annotated with {@code @Table(name = …, indexes = …)}
     * @return how many indexes were created
     */
    public static int ensure(Connection c, Class<?>... entities) {
        int created = 0;
        try {
            DatabaseMetaData meta = c.getMetaData();
            Set<String> all = allIndexNames(c, meta);
            for (Class<?> entity : entities) {
                Table table = entity.getAnnotation(Table.class);
                if (table == null || table.indexes().length == 0) {
                    continue;
                }
                Set<String> present = all != null ? all : present(meta, table.name());
                for (Index index : table.indexes()) {
                    if (!present.contains(index.name().toUpperCase(Locale.ROOT))) {
                        long t0 = System.nanoTime();
                        try (Statement s = c.createStatement()) {
                            s.execute("CREATE INDEX " + index.name() + " ON " + table.name() + " ("
                                    + index.columnList() + ")");
                        }
                        created++;
                        LOG.info("Index {} on {} ({}) created in {} ms", index.name(), table.name(),
                                index.columnList(), (System.nanoTime() - t0) / 1_000_000);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("索引创建失败 / could not create an index: " + e.getMessage(), e);
        }
        return created;
    }

    /**
     * Every index name of the current schema (where the unqualified tables and indexes are) in upper case, in one
     * query, or null where this database's catalogue is not known here (then each table's metadata is read). Runs
     * at every start, before UP: sixteen {@code getIndexInfo} calls, each a catalogue query Derby compiles anew at
     * each boot, cost some 3% of a warm start. Index names are unique within a schema on both databases, so a name
     * present is that index.
     */
    static Set<String> allIndexNames(Connection c, DatabaseMetaData meta) {
        String sql;
        try {
            String product = meta.getDatabaseProductName();
            sql = product.startsWith("Apache Derby") ? "SELECT c.CONGLOMERATENAME FROM SYS.SYSCONGLOMERATES c JOIN "
                    + "SYS.SYSSCHEMAS s ON c.SCHEMAID = s.SCHEMAID WHERE c.ISINDEX AND s.SCHEMANAME = CURRENT SCHEMA"
                    : product.equals("PostgreSQL") ? "SELECT indexname FROM pg_indexes WHERE schemaname = "
                    + "current_schema()" : null;
        } catch (SQLException e) {
            return null;
        }
        if (sql == null) {
            return null;
        }
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                String name = r.getString(1);
                if (name != null) {
                    names.add(name.toUpperCase(Locale.ROOT));
                }
            }
            return names;
        } catch (SQLException e) {
            LOG.debug("Index names not read in one query ({}); reading each table's", e.getMessage());
            return null;
        }
    }

    /** Index names of a table in upper case (Derby stores names in upper case, PostgreSQL in lower). */
    private static Set<String> present(DatabaseMetaData meta, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        for (String name : new String[] { table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT) }) {
            try (ResultSet r = meta.getIndexInfo(null, null, name, false, true)) {
                while (r.next()) {
                    String index = r.getString("INDEX_NAME");
                    if (index != null) {
                        names.add(index.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }
}
