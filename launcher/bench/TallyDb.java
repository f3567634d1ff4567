import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;

/**
 * The tally benchmark on any database: the evaluation results query (the SQL EclipseLink runs for
 * EvaluationService.results()) over BALLOTS ballots of one evaluation (two ratings each), next to another
 * evaluation's rows. Target: 2 s or less. Run by launcher/bench/databases.py (Derby and PostgreSQL) and by
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
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE WF_RATING");
            }
            c.commit();
            Arrays.sort(times);
            System.out.printf("  tally of %d ballots (%d leader x verdict groups): median %.2f s, best %.2f s, "
                    + "worst %.2f s%n", ballots, groups, times[2], times[0], times[4]);
        }
    }
}
