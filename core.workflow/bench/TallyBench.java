import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;

/**
 * Tally benchmark (not a test): the evaluation results query of core.workflow on embedded Derby, over 600,000 ballots
 * of one evaluation (two ratings each: the household's unit leader and building leader, 1.2 million rows), next to
 * another evaluation's rows. The table and index are those EclipseLink creates for RatingEntity; the query is the
 * SQL of EvaluationService.results(). Target: 2 s or less.
 *
 * Run: core.workflow/bench/tally.sh [BALLOTS]
 */
public class TallyBench {

    public static void main(String[] args) throws Exception {
        int ballots = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
        Path dir = Files.createTempDirectory("loumen-tally-");
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + dir.resolve("db") + ";create=true")) {
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
            System.out.printf("inserted %d + %d ballots (%d rating rows) in %.1f s%n", ballots, ballots / 10,
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
            c.commit();
            Arrays.sort(times);
            System.out.printf("tally of %d ballots (%d leader x verdict groups): median %.2f s, best %.2f s, "
                    + "worst %.2f s (target <= 2 s)%n", ballots, groups, times[2], times[0], times[4]);
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (java.sql.SQLException expected) {
                // Derby reports a clean shutdown as an exception
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
