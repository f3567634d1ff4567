import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Seeds open problem reports and care plans straight into a stopped platform's Derby database, for
 * launcher/bench/notify.py: java -cp derby.jar SeedReports.java DATA/db REPORTS COMMUNITY UNIT CARE. Ids start at
 * 10,000,000 (clear of the platform's own sequences). Every report is NORMAL, REPORTED and due an hour ago; every care
 * plan is a household tagged 独居老人 (visit every 7 days) last visited 60 days ago: all overdue.
 */
public class SeedReports {
    public static void main(String[] args) throws Exception {
        String db = args[0];
        int count = Integer.parseInt(args[1]);
        String community = args[2];
        String place = args[3];
        int care = args.length > 4 ? Integer.parseInt(args[4]) : 0;
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
            try (PreparedStatement h = c.prepareStatement("INSERT INTO MDL_HOUSEHOLD (ID, COMMUNITY, UNIT, ROOM, "
                    + "HEAD_NAME, MEMBERS, SPECIAL_GROUPS, VERSION) VALUES (?, ?, ?, ?, '基准户', 1, "
                    + "'ELDERLY_LIVING_ALONE', 1)");
                    PreparedStatement v = c.prepareStatement("INSERT INTO WF_VISIT (ID, HOUSEHOLD, COMMUNITY, VISITOR, "
                            + "VISITED_ON, NOTE, CREATED_AT) VALUES (?, ?, ?, 'bench', ?, 'bench', ?)")) {
                java.sql.Date visited = java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(60));
                for (int i = 0; i < care; i++) {
                    long id = 10_000_000L + i;
                    h.setLong(1, id);
                    h.setString(2, community);
                    h.setString(3, place);
                    h.setString(4, "B" + i);
                    h.addBatch();
                    v.setLong(1, id);
                    v.setLong(2, id);
                    v.setString(3, community);
                    v.setDate(4, visited);
                    v.setLong(5, now);
                    v.addBatch();
                    if (i % 1000 == 999) {
                        h.executeBatch();
                        v.executeBatch();
                        c.commit();
                    }
                }
                h.executeBatch();
                v.executeBatch();
                c.commit();
            }
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (Exception expected) {
            // Derby answers a clean shutdown with an exception
        }
        System.out.println("seeded " + count + " open overdue reports and " + care + " overdue care plans");
    }
}
