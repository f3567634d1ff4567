import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each index of the leader import's tables costs on embedded Derby (issue 17, eighth session): a copy of
 * MDL_LEADER (as EclipseLink creates it), MDL_ASSIGNMENT and ORG_UNIT with STORED rows already in (indexes built after
 * the load), then one transaction inserting ROWS more in multi-row INSERTs of 100 (what BulkRows sends), committed;
 * each variant drops one index (or all secondary ones) before the timed insert. Variants run interleaved, ROUNDS
 * times each; prints the median thread CPU and wall time per variant, and per leader record. Plain JDBC, not a test.
 *
 * With {@code -Dshape}, every index is kept and the variants are the statement's rows (400 instead of 100) and Derby's
 * page size for new tables and indexes (8 KB, 32 KB instead of 4 KB), and the three tables locked by the transaction
 * before its inserts (no row locks).
 *
 * Usage: java [-Dshape] [-Donly="all;keys only"] -cp derby.jar IndexCost.java [STORED 40000] [ROWS 10000] [ROUNDS 3]
 */
public class IndexCost {

    static final Map<String, String> LEADER_INDEXES = new LinkedHashMap<>();
    static {
        index("UNIQUE", "MDL_LEADER_PHONE", "MDL_LEADER", "PHONE");
        index("", "MDL_LEADER_COMMUNITY", "MDL_LEADER", "COMMUNITY");
        index("", "MDL_LEADER_NAME", "MDL_LEADER", "NAME, ID, COMMUNITY");
        index("", "MDL_LEADER_BIRTH", "MDL_LEADER", "BIRTH_DATE, ID, COMMUNITY");
        index("", "MDL_LEADER_NAME_DESC", "MDL_LEADER", "NAME DESC, ID, COMMUNITY");
        index("", "MDL_LEADER_BIRTH_DESC", "MDL_LEADER", "BIRTH_DATE DESC, ID, COMMUNITY");
        index("", "MDL_LEADER_ID", "MDL_LEADER", "ID, COMMUNITY");
        index("", "MDL_LEADER_ID_DESC", "MDL_LEADER", "ID DESC, COMMUNITY");
        index("", "MDL_ASSIGNMENT_LEADER", "MDL_ASSIGNMENT", "LEADER_ID");
        index("", "MDL_ASSIGNMENT_BUILDING", "MDL_ASSIGNMENT", "BUILDING");
        index("", "ORG_UNIT_BUILDING", "ORG_UNIT", "BUILDING");
    }

    /** One of the indexes the import keeps up, by name: its DDL as the schema has it. */
    private static void index(String unique, String name, String table, String columns) {
        LEADER_INDEXES.put(name, "CREATE " + (unique.isEmpty() ? "" : unique + " ") + "INDEX " + name + " ON " + table
                + " (" + columns + ")");
    }

    public static void main(String[] args) throws Exception {
        int stored = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path home = Files.createTempDirectory("indexcost");
        System.setProperty("derby.system.home", home.toString());
        // as core.db's DerbyStorage sets them
        System.setProperty("derby.storage.logBufferSize", "1048576");
        System.setProperty("derby.storage.logSwitchInterval", "16777216");
        System.setProperty("derby.storage.checkpointInterval", "33554432");
        System.setProperty("derby.storage.pageCacheSize", "4000");
        System.setProperty("derby.stream.error.file", home.resolve("derby.log").toString());
        List<String> variants = new ArrayList<>();
        variants.add("all");
        if (System.getProperty("shape") != null) {
            // the statement's and the pages' shape, every index kept
            variants.add("all, 400 rows a statement");
            variants.add("all, 8 KB pages");
            variants.add("all, 32 KB pages");
            variants.add("all, tables locked");
        } else {
            variants.addAll(LEADER_INDEXES.keySet());
            variants.add("keys only");
            variants.add("leader: PK, phone, community only");
        }
        String only = System.getProperty("only"); // e.g. -Donly="all;keys only": those variants only
        if (only != null) {
            List<String> wanted = List.of(only.split(";"));
            variants.removeIf(v -> !wanted.contains(v));
        }
        Map<String, List<long[]>> took = new LinkedHashMap<>();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int db = 0;
        for (int round = 0; round < rounds; round++) {
            for (String v : variants) {
                try (Connection c = DriverManager.getConnection("jdbc:derby:db" + db++ + ";create=true")) {
                    setUp(c, stored, v);
                    c.setAutoCommit(false);
                    long cpu = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                    if (v.contains("locked")) {
                        try (Statement s = c.createStatement()) {
                            for (String t : new String[] { "ORG_UNIT", "MDL_LEADER", "MDL_ASSIGNMENT" }) {
                                s.execute("LOCK TABLE " + t + " IN EXCLUSIVE MODE");
                            }
                        }
                    }
                    insert(c, stored, stored + rows, v.contains("400 rows") ? 400 : 100);
                    c.commit();
                    took.computeIfAbsent(v, k -> new ArrayList<>())
                            .add(new long[] { mx.getCurrentThreadCpuTime() - cpu, System.nanoTime() - t0 });
                }
            }
            System.err.println("round " + (round + 1) + " done");
        }
        System.out.printf("%d leader records (leader + assignment + unit rows) into %d stored, median of %d:%n", rows,
                stored, rounds);
        double base = median(took.get("all"), 0);
        for (var e : took.entrySet()) {
            double cpu = median(e.getValue(), 0), wall = median(e.getValue(), 1);
            System.out.printf("  %-36s cpu %6.0f ms  wall %6.0f ms  %6.0f records/s (cpu)  saves %5.1f%%%n",
                    e.getKey(), cpu / 1e6, wall / 1e6, rows / (cpu / 1e9), 100 * (base - cpu) / base);
        }
    }

    static double median(List<long[]> xs, int i) {
        List<Long> v = xs.stream().map(x -> x[i]).sorted(Comparator.naturalOrder()).toList();
        return v.get(v.size() / 2);
    }

    static void setUp(Connection c, int stored, String variant) throws Exception {
        try (Statement s = c.createStatement()) {
            if (variant.contains("KB pages")) {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', '"
                        + (variant.contains("32") ? 32768 : 8192) + "')");
            }
            s.execute("CREATE TABLE MDL_LEADER (ID BIGINT NOT NULL, BIRTH_DATE DATE NOT NULL, COMMUNITY VARCHAR(12) "
                    + "NOT NULL, EDUCATION VARCHAR(24) NOT NULL, GENDER VARCHAR(8) NOT NULL, LIAISON SMALLINT "
                    + "DEFAULT 0 NOT NULL, NAME VARCHAR(40) NOT NULL, NOMINATION VARCHAR(16) NOT NULL, PARTY_MEMBER "
                    + "SMALLINT DEFAULT 0 NOT NULL, PHONE VARCHAR(11) NOT NULL, STATUS VARCHAR(16) NOT NULL, STREET "
                    + "VARCHAR(9) NOT NULL, WORK_ID VARCHAR(32), PHONE_CONSENT_AT BIGINT, PHONE_CONSENT_BY "
                    + "VARCHAR(64), UPDATED_AT BIGINT, VERSION BIGINT, PRIMARY KEY (ID))");
            s.execute("CREATE TABLE MDL_ASSIGNMENT (ID BIGINT NOT NULL, BUILDING VARCHAR(15) NOT NULL, END_DATE DATE, "
                    + "LEADER_ID BIGINT NOT NULL, ROLE_NAME VARCHAR(24) NOT NULL, START_DATE DATE, UNIT VARCHAR(18), "
                    + "PRIMARY KEY (ID))");
            s.execute("CREATE TABLE ORG_UNIT (CODE VARCHAR(18) NOT NULL, BUILDING VARCHAR(15) NOT NULL, LABEL "
                    + "VARCHAR(40) NOT NULL, VERSION BIGINT, PRIMARY KEY (CODE))");
        }
        c.setAutoCommit(false);
        insert(c, 0, stored, 100);
        c.commit();
        try (Statement s = c.createStatement()) {
            for (var e : LEADER_INDEXES.entrySet()) {
                boolean keep = switch (variant) {
                    case "all" -> true;
                    case "keys only" -> false;
                    case "leader: PK, phone, community only" -> !e.getKey().startsWith("MDL_LEADER_")
                            || e.getKey().equals("MDL_LEADER_PHONE") || e.getKey().equals("MDL_LEADER_COMMUNITY");
                    default -> !variant.equals(e.getKey());
                };
                if (keep) {
                    s.execute(e.getValue());
                }
            }
        }
        c.commit();
    }

    /** Leader records from..to-1 as city.py makes them: leader, its unit leader's assignment and its unit. */
    static void insert(Connection c, int from, int to, int perStatement) throws Exception {
        String leader = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        String assignment = "(?,?,?,?,?)";
        String unit = "(?,?,?,?)";
        for (int start = from; start < to; start += perStatement) {
            int n = Math.min(perStatement, to - start);
            try (PreparedStatement u = c.prepareStatement("INSERT INTO ORG_UNIT (CODE, BUILDING, LABEL, VERSION) VALUES "
                    + String.join(",", java.util.Collections.nCopies(n, unit)))) {
                int p = 1;
                for (int i = start; i < start + n; i++) {
                    u.setString(p++, building(i) + String.format("%03d", i % 5 + 1));
                    u.setString(p++, building(i));
                    u.setString(p++, (i % 5 + 1) + "单元");
                    u.setLong(p++, 1);
                }
                u.executeUpdate();
            }
            try (PreparedStatement l = c.prepareStatement("INSERT INTO MDL_LEADER (ID, NAME, GENDER, BIRTH_DATE, "
                    + "EDUCATION, PARTY_MEMBER, PHONE, NOMINATION, LIAISON, STATUS, STREET, COMMUNITY, WORK_ID, "
                    + "UPDATED_AT, VERSION) VALUES " + String.join(",", java.util.Collections.nCopies(n, leader)))) {
                int p = 1;
                for (int i = start; i < start + n; i++) {
                    l.setLong(p++, i + 1);
                    l.setString(p++, "城市" + i);
                    l.setString(p++, i % 2 == 0 ? "MALE" : "FEMALE");
                    l.setDate(p++, java.sql.Date.valueOf(java.time.LocalDate.of(1950 + i % 46, i % 12 + 1, i % 28 + 1)));
                    l.setString(p++, "BACHELOR");
                    l.setBoolean(p++, i % 3 == 0);
                    l.setString(p++, String.format("13%09d", (i * 7919L) % 1_000_000_000L));
                    l.setString(p++, "SELF");
                    l.setBoolean(p++, false);
                    l.setString(p++, "IN_SERVICE");
                    l.setString(p++, community(i).substring(0, 9));
                    l.setString(p++, community(i));
                    l.setNull(p++, java.sql.Types.VARCHAR);
                    l.setLong(p++, 0);
                    l.setLong(p++, 1);
                }
                l.executeUpdate();
            }
            try (PreparedStatement a = c.prepareStatement("INSERT INTO MDL_ASSIGNMENT (ID, LEADER_ID, ROLE_NAME, "
                    + "BUILDING, UNIT) VALUES " + String.join(",", java.util.Collections.nCopies(n, assignment)))) {
                int p = 1;
                for (int i = start; i < start + n; i++) {
                    a.setLong(p++, i + 1);
                    a.setLong(p++, i + 1);
                    a.setString(p++, "UNIT_LEADER");
                    a.setString(p++, building(i));
                    a.setString(p++, building(i) + String.format("%03d", i % 5 + 1));
                }
                a.executeUpdate();
            }
        }
    }

    static String community(int i) {
        return String.format("120112%03d%03d", 100 + i / 9950, i / 50 % 199 + 1);
    }

    static String building(int i) {
        return community(i) + String.format("%03d", i / 5 % 10 + 1);
    }
}
