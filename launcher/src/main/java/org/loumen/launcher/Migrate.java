package org.loumen.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * {@code java -jar loumen.jar migrate --data DIR --to jdbc:postgresql://…} (迁移): copies every table of a stopped
 * Derby data folder (core and programmes alike: whatever tables the folder holds) into an empty PostgreSQL database,
 * in one transaction, then compares row counts and a digest of every table's rows (the audit log's chain included)
 * on both sides. A target that already holds a table is refused and left untouched.
 *
 * <p>The tables are made as EclipseLink makes them on PostgreSQL, so the platform started on the target extends them
 * as usual: Derby's {@code SMALLINT DEFAULT 0} (EclipseLink's boolean there) becomes {@code BOOLEAN}, identity columns
 * {@code BIGSERIAL} (their sequences moved past the copied ids), {@code BLOB} {@code BYTEA}, {@code CLOB}
 * {@code TEXT}; primary keys, unique and plain indexes and foreign keys are carried over.
 */
final class Migrate {

    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILED = 1;
    /** The target already holds tables: nothing was written. */
    static final int EXIT_NOT_EMPTY = 3;

    static final String USAGE = String.join("\n",
            "用法 / usage: java -jar loumen.jar migrate --data DIR --to jdbc:postgresql://host:5432/loumen",
            "  把已停止的 Derby 数据目录中的全部数据表复制到一个空的 PostgreSQL 数据库 / copies every table of a stopped",
            "  Derby data folder into an empty PostgreSQL database. 用户与密码 / user and password: LOUMEN_DB_USER,",
            "  LOUMEN_DB_PASSWORD or DATA/conf/db.credentials (mode 600).");

    private static final String SCHEMA = "APP";
    private static final int BATCH = 500;

    private Migrate() {
    }

    /** One column of a source table and its PostgreSQL form. */
    record Column(String name, int jdbcType, String typeName, int size, int scale, boolean nullable, boolean identity,
            boolean bool) {

        String pgType() {
            if (identity) {
                return jdbcType == Types.INTEGER ? "SERIAL" : "BIGSERIAL";
            }
            if (bool) {
                return "BOOLEAN";
            }
            return switch (typeName.toUpperCase(Locale.ROOT)) {
                case "SMALLINT" -> "SMALLINT";
                case "INTEGER" -> "INTEGER";
                case "BIGINT" -> "BIGINT";
                case "DECIMAL", "NUMERIC" -> "DECIMAL(" + size + "," + scale + ")";
                case "DOUBLE", "FLOAT" -> "FLOAT8";
                case "REAL" -> "FLOAT4";
                case "CHAR" -> "CHAR(" + size + ")";
                case "VARCHAR" -> "VARCHAR(" + size + ")";
                case "LONG VARCHAR", "CLOB" -> "TEXT";
                case "BLOB", "CHAR () FOR BIT DATA", "VARCHAR () FOR BIT DATA", "LONG VARCHAR FOR BIT DATA" -> "BYTEA";
                case "DATE" -> "DATE";
                case "TIME" -> "TIME";
                case "TIMESTAMP" -> "TIMESTAMP";
                case "BOOLEAN" -> "BOOLEAN";
                default -> throw new IllegalStateException("unsupported column type " + typeName + " of " + name);
            };
        }
    }

    /** A source table: columns in order, primary key, indexes, foreign keys. */
    record Table(String name, List<Column> columns, List<String> primaryKey, Map<String, Index> indexes,
            List<String> foreignKeys) {
    }

    record Index(boolean unique, List<String> columns) {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path data = null;
        String to = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                v = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--data" -> data = Path.of(v != null ? v : i + 1 < args.length ? args[++i] : "");
                case "--to" -> to = v != null ? v : i + 1 < args.length ? args[++i] : null;
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("loumen migrate: 未知参数 / unknown argument: " + args[i]);
                    err.println(USAGE);
                    return EXIT_USAGE;
                }
            }
        }
        if (data == null || to == null || !to.startsWith("jdbc:postgresql:")) {
            err.println("loumen migrate: 需要 --data 与 --to jdbc:postgresql://… / needs --data and --to jdbc:postgresql://…");
            err.println(USAGE);
            return EXIT_USAGE;
        }
        data = data.toAbsolutePath().normalize();
        try {
            Database.url(to, data); // refuses a password in the URL
        } catch (Database.SettingsException e) {
            err.println("loumen migrate: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (!Files.isDirectory(data.resolve("db"))) {
            err.println("loumen migrate: " + data + " 中没有 Derby 数据库 (db/) / holds no Derby database (db/)");
            return EXIT_FAILED;
        }
        if (!Main.lockDataFolder(data)) {
            err.println("loumen migrate: 数据目录正被运行中的 Loumen 使用，请先停止它 / the data folder " + data
                    + " is in use by a running instance: stop it first");
            return EXIT_FAILED;
        }
        try {
            String[] credentials = Database.credentials(data);
            return migrate(data, to, credentials[0], credentials[1], out, err);
        } catch (Database.SettingsException e) {
            err.println("loumen migrate: " + e.getMessage());
            return EXIT_FAILED;
        } catch (Exception e) {
            err.println("loumen migrate: 迁移失败，目标数据库未改动 / migration failed, the target was left unchanged: " + e);
            return EXIT_FAILED;
        }
    }

    static int migrate(Path data, String to, String user, String password, PrintStream out, PrintStream err)
            throws Exception {
        ClassLoader drivers = driverLoader(data.resolve("cache/migrate"));
        Driver derby = (Driver) drivers.loadClass("org.apache.derby.jdbc.EmbeddedDriver").getConstructor().newInstance();
        Driver pg = (Driver) drivers.loadClass("org.postgresql.Driver").getConstructor().newInstance();
        Properties targetProps = new Properties();
        if (user != null) {
            targetProps.setProperty("user", user);
        }
        if (password != null) {
            targetProps.setProperty("password", password);
        }
        targetProps.setProperty("ApplicationName", "loumen-migrate");
        String source = "jdbc:derby:" + data.resolve("db");
        try (Connection from = derby.connect(source, new Properties());
                Connection target = pg.connect(to, targetProps)) {
            if (target == null) {
                throw new SQLException("the PostgreSQL driver refused the URL");
            }
            int existing = countTables(target);
            if (existing > 0) {
                err.println("loumen migrate: 目标数据库不是空的（已有 " + existing + " 张表），未做任何改动 / the target database is "
                        + "not empty (" + existing + " tables): nothing was changed");
                return EXIT_NOT_EMPTY;
            }
            List<Table> tables = readTables(from.getMetaData());
            Map<String, String> uniqueConstraints = uniqueConstraints(from);
            out.println("Loumen migrate: " + tables.size() + " 张表 / tables  " + source + "  →  " + to);
            target.setAutoCommit(false);
            from.setAutoCommit(false);
            from.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            try (Statement st = target.createStatement()) {
                for (Table t : tables) {
                    st.execute(createTable(t));
                }
                for (Table t : tables) {
                    copyRows(from, target, t);
                }
                for (Table t : tables) {
                    for (Map.Entry<String, Index> ix : t.indexes().entrySet()) {
                        if (ix.getValue().columns().equals(t.primaryKey())) {
                            continue;
                        }
                        String constraint = uniqueConstraints.get(ix.getKey());
                        String columns = " (" + String.join(", ", ix.getValue().columns()) + ")";
                        if (constraint != null) {
                            // named as on Derby: a conflict names its field (StoreConflict reads <TABLE>_<FIELD>)
                            st.execute("ALTER TABLE " + t.name() + " ADD CONSTRAINT " + constraint + " UNIQUE" + columns);
                        } else {
                            st.execute("CREATE " + (ix.getValue().unique() ? "UNIQUE " : "") + "INDEX " + ix.getKey()
                                    + " ON " + t.name() + columns);
                        }
                    }
                }
                for (Table t : tables) {
                    for (String fk : t.foreignKeys()) {
                        st.execute(fk);
                    }
                    for (Column c : t.columns()) {
                        if (c.identity()) {
                            st.execute("SELECT setval(pg_get_serial_sequence('" + t.name().toLowerCase(Locale.ROOT)
                                    + "', '" + c.name().toLowerCase(Locale.ROOT) + "'), COALESCE((SELECT MAX(" + c.name()
                                    + ") FROM " + t.name() + "), 0) + 1, false)");
                        }
                    }
                }
                // the check, inside the transaction: a mismatch rolls everything back
                List<String> mismatches = new ArrayList<>();
                long rows = 0;
                for (Table t : tables) {
                    long[] a = digest(from, t);
                    long[] b = digest(target, t);
                    rows += a[0];
                    String line = String.format("  %-28s %8d → %8d %s", t.name(), a[0], b[0],
                            a[0] == b[0] && a[1] == b[1] ? "✓" : "✗");
                    out.println(line);
                    if (a[0] != b[0] || a[1] != b[1]) {
                        mismatches.add(t.name());
                    }
                }
                String chain = tables.stream().anyMatch(t -> t.name().equals("AUD_LOG")) ? auditLinks(target) : null;
                if (chain != null && chain.startsWith("broken")) {
                    mismatches.add("AUD_LOG " + chain);
                } else if (chain != null) {
                    out.println("  审计链 / audit chain: " + chain);
                }
                if (!mismatches.isEmpty()) {
                    target.rollback();
                    err.println("loumen migrate: 复制后数据不一致，已回滚 / copied data differs, rolled back: " + mismatches);
                    return EXIT_FAILED;
                }
                target.commit();
                out.println("Loumen migrate: 完成 / done: " + tables.size() + " 张表 / tables, " + rows + " 行 / rows, "
                        + "行数与内容一致（含审计链 AUD_LOG）/ counts and contents identical (audit chain AUD_LOG included)");
                out.println("  现在可用 --db " + to + " 启动 / now start with --db " + to);
                return 0;
            } catch (Exception e) {
                target.rollback();
                throw e;
            } finally {
                from.rollback();
            }
        } finally {
            try {
                derby.connect("jdbc:derby:;shutdown=true", new Properties());
            } catch (SQLException e) {
                // XJ015: Derby shut down, as asked
            }
        }
    }

    /** Derby backs a named unique constraint with an index of a generated name: index name → constraint name. */
    static Map<String, String> uniqueConstraints(Connection derby) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (Statement st = derby.createStatement();
                ResultSet r = st.executeQuery("SELECT g.CONGLOMERATENAME, c.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS c "
                        + "JOIN SYS.SYSKEYS k ON c.CONSTRAINTID = k.CONSTRAINTID "
                        + "JOIN SYS.SYSCONGLOMERATES g ON k.CONGLOMERATEID = g.CONGLOMERATEID WHERE c.TYPE = 'U'")) {
            while (r.next()) {
                names.put(r.getString(1), r.getString(2));
            }
        }
        return names;
    }

    /**
     * The audit log as copied: every entry's PREV_HASH is the HASH of the entry before it (the hashes themselves are
     * recomputed by GET /api/v1/audit/verify once the platform runs on the target).
     */
    static String auditLinks(Connection target) throws SQLException {
        long n = 0;
        String prev = null;
        try (Statement st = target.createStatement();
                ResultSet r = st.executeQuery("SELECT SEQ, PREV_HASH, HASH FROM AUD_LOG ORDER BY SEQ")) {
            while (r.next()) {
                if (prev != null && !prev.equals(r.getString(2))) {
                    return "broken at SEQ " + r.getLong(1);
                }
                prev = r.getString(3);
                n++;
            }
        }
        return n + " 条，逐条相连 / entries, each linked to the one before";
    }

    /** Tables in the target's current schema. */
    static int countTables(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet r = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
            r.next();
            return r.getInt(1);
        }
    }

    static List<Table> readTables(DatabaseMetaData md) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet r = md.getTables(null, SCHEMA, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                names.add(r.getString("TABLE_NAME"));
            }
        }
        names.sort(null);
        List<Table> tables = new ArrayList<>();
        for (String name : names) {
            List<Column> columns = new ArrayList<>();
            try (ResultSet r = md.getColumns(null, SCHEMA, name, "%")) {
                while (r.next()) {
                    String type = r.getString("TYPE_NAME");
                    String def = r.getString("COLUMN_DEF");
                    boolean identity = "YES".equals(r.getString("IS_AUTOINCREMENT"));
                    // EclipseLink writes a boolean as SMALLINT DEFAULT 0 on Derby, and as BOOLEAN on PostgreSQL
                    boolean bool = "SMALLINT".equals(type) && def != null && def.strip().equals("0");
                    columns.add(new Column(r.getString("COLUMN_NAME"), r.getInt("DATA_TYPE"), type,
                            r.getInt("COLUMN_SIZE"), r.getInt("DECIMAL_DIGITS"),
                            r.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, identity, bool));
                }
            }
            TreeMap<Integer, String> pk = new TreeMap<>();
            try (ResultSet r = md.getPrimaryKeys(null, SCHEMA, name)) {
                while (r.next()) {
                    pk.put(r.getInt("KEY_SEQ"), r.getString("COLUMN_NAME"));
                }
            }
            Map<String, TreeMap<Integer, String>> ixColumns = new LinkedHashMap<>();
            Map<String, Boolean> ixUnique = new LinkedHashMap<>();
            try (ResultSet r = md.getIndexInfo(null, SCHEMA, name, false, false)) {
                while (r.next()) {
                    String ix = r.getString("INDEX_NAME");
                    if (ix == null) {
                        continue;
                    }
                    ixColumns.computeIfAbsent(ix, k -> new TreeMap<>()).put((int) r.getShort("ORDINAL_POSITION"),
                            r.getString("COLUMN_NAME"));
                    ixUnique.put(ix, !r.getBoolean("NON_UNIQUE"));
                }
            }
            Map<String, Index> indexes = new LinkedHashMap<>();
            ixColumns.forEach((ix, cols) -> indexes.put(ix, new Index(ixUnique.get(ix), List.copyOf(cols.values()))));
            Map<String, List<String[]>> fks = new LinkedHashMap<>();
            try (ResultSet r = md.getImportedKeys(null, SCHEMA, name)) {
                while (r.next()) {
                    fks.computeIfAbsent(r.getString("FK_NAME"), k -> new ArrayList<>()).add(new String[] {
                        r.getString("FKCOLUMN_NAME"), r.getString("PKTABLE_NAME"), r.getString("PKCOLUMN_NAME")});
                }
            }
            List<String> fkSql = new ArrayList<>();
            fks.forEach((fk, cols) -> {
                List<String> mine = new ArrayList<>();
                List<String> theirs = new ArrayList<>();
                for (String[] c : cols) {
                    mine.add(c[0]);
                    theirs.add(c[2]);
                }
                fkSql.add("ALTER TABLE " + name + " ADD CONSTRAINT " + fk + " FOREIGN KEY (" + String.join(", ", mine)
                        + ") REFERENCES " + cols.get(0)[1] + " (" + String.join(", ", theirs) + ")");
            });
            tables.add(new Table(name, columns, List.copyOf(pk.values()), indexes, fkSql));
        }
        return tables;
    }

    static String createTable(Table t) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(t.name()).append(" (");
        for (Column c : t.columns()) {
            sql.append(c.name()).append(' ').append(c.pgType());
            if (c.bool()) {
                sql.append(" DEFAULT FALSE");
            }
            if (!c.nullable()) {
                sql.append(" NOT NULL");
            }
            sql.append(", ");
        }
        if (t.primaryKey().isEmpty()) {
            sql.setLength(sql.length() - 2);
        } else {
            sql.append("PRIMARY KEY (").append(String.join(", ", t.primaryKey())).append(')');
        }
        return sql.append(')').toString();
    }

    static void copyRows(Connection from, Connection target, Table t) throws SQLException {
        List<Column> cols = t.columns();
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(t.name()).append(" (");
        StringBuilder marks = new StringBuilder();
        for (Column c : cols) {
            insert.append(c.name()).append(", ");
            marks.append("?, ");
        }
        insert.setLength(insert.length() - 2);
        marks.setLength(marks.length() - 2);
        insert.append(") VALUES (").append(marks).append(')');
        try (Statement st = from.createStatement();
                ResultSet r = st.executeQuery("SELECT * FROM " + t.name());
                PreparedStatement ps = target.prepareStatement(insert.toString())) {
            int n = 0;
            while (r.next()) {
                for (int i = 0; i < cols.size(); i++) {
                    bind(ps, i + 1, cols.get(i), r);
                }
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int i, Column c, ResultSet r) throws SQLException {
        Object v = r.getObject(i);
        if (v == null) {
            ps.setNull(i, c.bool() ? Types.BOOLEAN : pgNullType(c));
            return;
        }
        if (c.bool()) {
            ps.setBoolean(i, ((Number) v).intValue() != 0);
        } else if (v instanceof java.sql.Blob b) {
            ps.setBytes(i, b.getBytes(1, (int) b.length()));
        } else if (v instanceof java.sql.Clob cl) {
            ps.setString(i, cl.getSubString(1, (int) cl.length()));
        } else if (v instanceof Timestamp ts) {
            // wall-clock value as stored (TIMESTAMP without time zone on both sides), to the microsecond: PostgreSQL
            // keeps no finer (Derby keeps nanoseconds)
            ps.setObject(i, ts.toLocalDateTime().truncatedTo(ChronoUnit.MICROS));
        } else if (v instanceof java.sql.Date d) {
            ps.setObject(i, d.toLocalDate());
        } else if (v instanceof java.sql.Time tm) {
            ps.setObject(i, tm.toLocalTime());
        } else {
            ps.setObject(i, v);
        }
    }

    private static int pgNullType(Column c) {
        String t = c.typeName().toUpperCase(Locale.ROOT);
        return t.contains("BLOB") || t.contains("BIT DATA") ? Types.BINARY : c.jdbcType();
    }

    /** Row count and an order-free digest of the rows' values (sum of each row's hash), comparable across databases. */
    static long[] digest(Connection c, Table t) throws SQLException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long count = 0;
        long sum = 0;
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT * FROM " + t.name())) {
            while (r.next()) {
                count++;
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < t.columns().size(); i++) {
                    row.append(normal(r.getObject(i + 1), t.columns().get(i))).append('\u0001');
                }
                byte[] h = sha.digest(row.toString().getBytes(StandardCharsets.UTF_8));
                long v = 0;
                for (int k = 0; k < 8; k++) {
                    v = (v << 8) | (h[k] & 0xff);
                }
                sum += v;
            }
        }
        return new long[] {count, sum};
    }

    private static String normal(Object v, Column c) throws SQLException {
        if (v == null) {
            return "\u0000";
        }
        if (c.bool()) {
            return v instanceof Boolean b ? (b ? "1" : "0") : ((Number) v).intValue() != 0 ? "1" : "0";
        }
        if (v instanceof java.sql.Blob b) {
            v = b.getBytes(1, (int) b.length());
        }
        if (v instanceof java.sql.Clob cl) {
            return cl.getSubString(1, (int) cl.length());
        }
        if (v instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
        if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime().truncatedTo(ChronoUnit.MICROS).toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    /**
     * The Derby and PostgreSQL drivers are bundles inside this jar ({@code jar/derby-*.jar},
     * {@code jar/postgresql-*.jar}); outside the framework they are loaded from copies in DATA/cache/migrate.
     */
    static ClassLoader driverLoader(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<URL> urls = new ArrayList<>();
        URL self = Migrate.class.getProtectionDomain().getCodeSource().getLocation();
        try (InputStream in = self.openStream(); JarInputStream jar = new JarInputStream(in)) {
            for (JarEntry e; (e = jar.getNextJarEntry()) != null;) {
                String n = e.getName();
                if (n.startsWith("jar/derby-") || n.startsWith("jar/postgresql-")) {
                    Path copy = dir.resolve(n.substring(4));
                    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                    urls.add(copy.toUri().toURL());
                }
            }
        }
        if (urls.size() < 2) {
            throw new IOException("the Derby and PostgreSQL drivers are missing from " + self);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), Migrate.class.getClassLoader());
    }
}
