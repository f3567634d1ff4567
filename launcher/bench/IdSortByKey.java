import java.sql.*;
import java.nio.file.*;
/**
 * Whether the id sort of the district-wide leader pages could be read in the primary key instead of MDL_LEADER_ID
 * (ID, COMMUNITY) on embedded Derby (issue 17, eighth session): 100,000 leaders over 11 streets as city.py makes them,
 * a page of 20 ids by SortIndex's statement, hinted to MDL_LEADER_ID or to the key's constraint, for the district
 * and for one street, first page and 50,000 rows in; five rounds, the first cold. Plain JDBC, not a test.
 *
 * Usage: java -cp derby.jar IdSortByKey.java
 */
public class IdSortByKey {
    public static void main(String[] a) throws Exception {
        Path home = Files.createTempDirectory("idsortbykey");
        System.setProperty("derby.system.home", home.toString());
        System.setProperty("derby.storage.pageCacheSize", "4000");
        try (Connection c = DriverManager.getConnection("jdbc:derby:db;create=true")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE MDL_LEADER (ID BIGINT NOT NULL, COMMUNITY VARCHAR(12) NOT NULL, NAME VARCHAR(40), FILLER VARCHAR(200), PRIMARY KEY (ID))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO MDL_LEADER VALUES (?,?,?,?)")) {
                for (int i = 0; i < 100_000; i++) {
                    p.setLong(1, i + 1); p.setString(2, String.format("120112%03d%03d", 100 + i / 9950, i / 50 % 199 + 1));
                    p.setString(3, "城市" + i); p.setString(4, "x".repeat(120)); p.addBatch();
                    if (i % 1000 == 999) p.executeBatch();
                }
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX MDL_LEADER_COMMUNITY ON MDL_LEADER (COMMUNITY)");
                s.execute("CREATE INDEX MDL_LEADER_ID ON MDL_LEADER (ID, COMMUNITY)");
            }
            c.commit();
            String pk;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT c.CONSTRAINTNAME FROM SYS.SYSCONSTRAINTS c JOIN SYS.SYSTABLES t ON c.TABLEID = t.TABLEID WHERE t.TABLENAME = 'MDL_LEADER' AND c.TYPE = 'P'")) {
                r.next(); pk = r.getString(1);
            }
            System.out.println("pk " + pk);
            for (int round = 0; round < 5; round++) {
                for (String hint : new String[] { "index=MDL_LEADER_ID", "constraint=" + pk }) {
                    for (String scope : new String[] { "120112%", "120112105%" }) {
                    for (int off : new int[] { 0, 50_000 }) {
                        long t0 = System.nanoTime();
                        int n = 0;
                        try (PreparedStatement p = c.prepareStatement("SELECT ID FROM MDL_LEADER --DERBY-PROPERTIES " + hint + "\n WHERE (COMMUNITY LIKE ?) ORDER BY ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                            p.setString(1, scope); p.setInt(2, scope.length() > 8 ? off / 10 : off); p.setInt(3, 20);
                            try (ResultSet r = p.executeQuery()) { while (r.next()) n++; }
                        }
                        System.out.printf("round %d %-40s %-11s off %6d: %5.1f ms (%d)%n", round, hint, scope, off, (System.nanoTime() - t0) / 1e6, n);
                    }}
                }
            }
            c.commit();
        }
    }
}
