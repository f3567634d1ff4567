import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Seeds open problem reports straight into a stopped platform's Derby database, for launcher/bench/notify.py:
 * java -cp derby.jar SeedReports.java DATA/db COUNT COMMUNITY PLACE. Ids start at 10,000,000 (clear of the
 * platform's own sequence); every report is NORMAL, status REPORTED, and due an hour ago (so overdue).
 */
public class SeedReports {
    public static void main(String[] args) throws Exception {
        String db = args[0];
        int count = Integer.parseInt(args[1]);
        String community = args[2];
        String place = args[3];
        long now = System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + db)) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO WF_REPORT (ID, COMMUNITY, PLACE, DUTY, URGENCY, "
                    + "DESCRIPTION, STATUS, REPORTER, REPORTER_KIND, ESCALATED, CREATED_AT, DUE_AT, UPDATED_AT, VERSION) "
                    + "VALUES (?, ?, ?, 'SANITATION_SUPERVISOR', 'NORMAL', '基准测试 / bench', 'REPORTED', 'admin', "
                    + "'STAFF', 0, ?, ?, ?, 1)")) {
                for (int i = 0; i < count; i++) {
                    s.setLong(1, 10_000_000L + i);
                    s.setString(2, community);
                    s.setString(3, place);
                    s.setLong(4, now - 4 * 3_600_000L);
                    s.setLong(5, now - 3_600_000L);
                    s.setLong(6, now - 4 * 3_600_000L);
                    s.addBatch();
                    if (i % 1000 == 999) {
                        s.executeBatch();
                        c.commit();
                    }
                }
                s.executeBatch();
                c.commit();
            }
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (Exception expected) {
            // Derby answers a clean shutdown with an exception
        }
        System.out.println("seeded " + count + " open overdue reports");
    }
}
