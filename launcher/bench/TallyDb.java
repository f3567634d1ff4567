import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;

/**
 * The tally benchmark on any database, over BALLOTS ballots of one evaluation (two ratings each), next to another
 * evaluation's rows: the recount from every rating (what EvaluationService.results() ran until the sixth session, and
 * still runs for an evaluation without running totals), then the read of the running totals (WF_TALLY) it runs now,
 * after filling them in from the ratings as the upgrade does. Targets: 1 s (issue 17), 2 s at city scale. Run by launcher/bench/databases.py (Derby and PostgreSQL) and by
 * core.workflow/bench/tally.sh (Derby); not a test.
 *
 * Usage: java -cp DRIVER.jar TallyDb.java JDBC_URL BALLOTS [USER PASSWORD]
 */
public class TallyDb {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int ballots = Integer.parseInt(args[1]);
        Properties props = new Properties();
        if (args.length > 3) {
            props.setProperty("user", args[2]);
            props.setProperty("password", args[3]);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            props.setProperty("reWriteBatchedInserts", "true"); // faster set-up only; the query is what is timed
        }
        try (Connection c = DriverManager.getConnection(url, props)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE WF_RATING (ID VARCHAR(60) NOT NULL, EVALUATION BIGINT NOT NULL, "
                        + "LEADER_ID BIGINT NOT NULL, RATING VARCHAR(20) NOT NULL, PRIMARY KEY (ID))");
                s.execute("CREATE INDEX WF_RATING_EVALUATION ON WF_RATING (EVALUATION)");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            String[] verdicts = { "SATISFIED", "FAIRLY_SATISFIED", "DISSATISFIED" };
            try (PreparedStatement p = c.prepareStatement("INSERT INTO WF_RATING VALUES (?, ?, ?, ?)")) {
                for (int evaluation = 1; evaluation <= 2; evaluation++) {
                    int n = evaluation == 1 ? ballots : ballots / 10;
                    for (int i = 0; i < n; i++) {
                        String ballot = UUID.randomUUID().toString();
                        long unitLeader = evaluation * 100_000L + i % 5000;
                        long buildingLeader = evaluation * 100_000L + 50_000 + i % 5000 / 5;
                        for (long leader : new long[] { unitLeader, buildingLeader }) {
                            p.setString(1, ballot + ":" + leader);
                            p.setLong(2, evaluation);
                            p.setLong(3, leader);
                            p.setString(4, verdicts[(int) ((i * 7L + leader) % 3)]);
                            p.addBatch();
                        }
                        if (i % 5000 == 4999) {
                            p.executeBatch();
                            c.commit();
                        }
                    }
                }
                p.executeBatch();
                c.commit();
            }
            if (url.startsWith("jdbc:postgresql:")) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE WF_RATING"); // what autovacuum would have done by the time anyone tallies
                }
                c.commit();
            }
            System.out.printf("  inserted %d + %d ballots (%d rating rows) in %.1f s%n", ballots, ballots / 10,
                    (ballots + ballots / 10) * 2, (System.nanoTime() - t0) / 1e9);
            double[] times = new double[5];
            int groups = 0;
            for (int run = 0; run < times.length; run++) {
                long start = System.nanoTime();
                try (PreparedStatement q = c.prepareStatement("SELECT LEADER_ID, RATING, COUNT(ID) FROM WF_RATING "
                        + "WHERE (EVALUATION = ?) GROUP BY LEADER_ID, RATING")) {
                    q.setLong(1, 1);
                    groups = 0;
                    long total = 0;
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            groups++;
                            total += r.getLong(3);
                        }
                    }
                    if (total != ballots * 2L) {
                        throw new IllegalStateException("counted " + total);
                    }
                }
                times[run] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(times);
            System.out.printf("  recount of %d ballots from the ratings (%d leader x verdict groups; evaluations "
                    + "from before the running totals): median %.2f s, best %.2f s, worst %.2f s%n", ballots, groups,
                    times[2], times[0], times[4]);

            // the running totals (WF_TALLY, kept in the ballots' own transactions since the sixth session), filled
            // in from the ratings as core.workflow's Tallies.backfill does once after the upgrade
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE WF_TALLY (ID VARCHAR(41) NOT NULL, DISSATISFIED BIGINT NOT NULL, "
                        + "EVALUATION BIGINT NOT NULL, FAIRLY_SATISFIED BIGINT NOT NULL, LEADER_ID BIGINT NOT NULL, "
                        + "SATISFIED BIGINT NOT NULL, PRIMARY KEY (ID))");
                s.execute("CREATE INDEX WF_TALLY_EVALUATION ON WF_TALLY (EVALUATION)");
                long b0 = System.nanoTime();
                int rows = s.executeUpdate("INSERT INTO WF_TALLY (ID, DISSATISFIED, EVALUATION, FAIRLY_SATISFIED, "
                        + "LEADER_ID, SATISFIED) SELECT TRIM(CAST(EVALUATION AS CHAR(20))) || ':' || "
                        + "TRIM(CAST(LEADER_ID AS CHAR(20))), SUM(CASE WHEN RATING = 'DISSATISFIED' THEN 1 ELSE 0 END), "
                        + "EVALUATION, "
                        + "SUM(CASE WHEN RATING = 'FAIRLY_SATISFIED' THEN 1 ELSE 0 END), LEADER_ID, "
                        + "SUM(CASE WHEN RATING = 'SATISFIED' THEN 1 ELSE 0 END) FROM WF_RATING "
                        + "GROUP BY EVALUATION, LEADER_ID");
                c.commit();
                System.out.printf("  running totals filled in from the ratings (once, at the upgrade): %d rows in "
                        + "%.1f s%n", rows, (System.nanoTime() - b0) / 1e9);
                if (url.startsWith("jdbc:postgresql:")) {
                    s.execute("ANALYZE WF_TALLY");
                    c.commit();
                }
            }
            double[] totals = new double[5];
            int leaders = 0;
            for (int run = 0; run < totals.length; run++) {
                long start = System.nanoTime();
                // the SQL EclipseLink runs for Tallies.of (select t from TallyEntity t where t.evaluation = :e)
                try (PreparedStatement q = c.prepareStatement("SELECT ID, DISSATISFIED, EVALUATION, "
                        + "FAIRLY_SATISFIED, LEADER_ID, SATISFIED FROM WF_TALLY WHERE (EVALUATION = ?)")) {
                    q.setLong(1, 1);
                    leaders = 0;
                    long total = 0;
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            leaders++;
                            total += r.getLong(2) + r.getLong(4) + r.getLong(6);
                        }
                    }
                    if (total != ballots * 2L) {
                        throw new IllegalStateException("totalled " + total);
                    }
                }
                totals[run] = (System.nanoTime() - start) / 1e9;
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE WF_RATING");
                s.execute("DROP TABLE WF_TALLY");
            }
            c.commit();
            Arrays.sort(totals);
            System.out.printf("  tally of %d ballots (running totals, %d leaders): median %.3f s, best %.3f s, "
                    + "worst %.3f s%n", ballots, leaders, totals[2], totals[0], totals[4]);
        }
    }
}
