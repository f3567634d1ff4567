package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Derby data folder with the demo data, programme data and a closed evaluation, migrated to a PostgreSQL server
 * (cnf/postgres.sh) with {@code loumen.jar migrate}, then served from PostgreSQL: the same counts in every table,
 * the same profile report, the same evaluation results, an intact audit chain; a second migration into the now
 * non-empty database is refused.
 */
class MigrateE2EIT extends E2EBase {

    static final String ADMIN = "Operator-Chosen-2026";
    static final Map<String, String> DB_ENV = Map.of("LOUMEN_DB_USER", "loumen", "LOUMEN_DB_PASSWORD", "loumen-test");

    @Test
    void aDerbyFolderMovesToPostgresqlWithEverythingInIt() throws Exception {
        String url = startPostgres(tmp.resolve("pg"));
        Path data = tmp.resolve("data");
        int port = freePort();
        Process derby = start(Map.of("LOUMEN_ADMIN_PASSWORD", ADMIN), data, port, "--demo");
        awaitHealth(derby, port);
        String admin = login(port, "admin", ADMIN);
        String evaluation = closedEvaluation(port, admin);
        String report = send(port, "GET", "/api/v1/reports/leader-profile?asOf=2026-06-30", admin, null).body();
        String results = send(port, "GET", "/api/v1/evaluations/" + evaluation + "/results", admin, null).body();
        String leaders = send(port, "GET", "/api/v1/leaders?size=200&sort=id", admin, null).body();
        assertTrue(report.contains("\"total\""), report);
        assertTrue(results.contains("RETAINED") || results.contains("INSUFFICIENT_BALLOTS"), results);
        terminate(derby);
        Map<String, Long> derbyCounts = derbyCounts(data.resolve("db"));
        assertTrue(derbyCounts.getOrDefault("MB_DUTY", 0L) > 0, "programme data (我的楼门 demo): " + derbyCounts);
        assertTrue(derbyCounts.get("AUD_LOG") > 0);

        Process migrate = run(DB_ENV, "migrate", "--data", data.toString(), "--to", url);
        assertTrue(migrate.waitFor(180, TimeUnit.SECONDS));
        String out = output(migrate);
        assertEquals(0, migrate.exitValue(), out);
        assertTrue(out.contains("完成 / done"), out);
        assertEquals(derbyCounts, pgCounts(url), "every table, every row");

        // the target is no longer empty: a second run changes nothing and says why, in both languages
        Process again = run(DB_ENV, "migrate", "--data", data.toString(), "--to", url);
        assertTrue(again.waitFor(120, TimeUnit.SECONDS));
        String refused = output(again);
        assertEquals(3, again.exitValue(), refused);
        assertTrue(refused.contains("目标数据库不是空的") && refused.contains("not empty"), refused);

        // served from PostgreSQL: the same figures
        int port2 = freePort();
        Map<String, String> env = new java.util.HashMap<>(DB_ENV);
        env.put("LOUMEN_ADMIN_PASSWORD", ADMIN);
        Process pg = start(env, data, port2, "--db", url);
        String health = awaitHealth(pg, port2);
        assertTrue(health.contains("\"problems\":[]"), health);
        String admin2 = login(port2, "admin", ADMIN);
        assertEquals(JSON.readTree(report), JSON.readTree(send(port2, "GET",
                "/api/v1/reports/leader-profile?asOf=2026-06-30", admin2, null).body()));
        assertEquals(JSON.readTree(results), JSON.readTree(send(port2, "GET",
                "/api/v1/evaluations/" + evaluation + "/results", admin2, null).body()));
        assertEquals(JSON.readTree(leaders).get("total"), JSON.readTree(send(port2, "GET",
                "/api/v1/leaders?size=200&sort=id", admin2, null).body()).get("total"));
        JsonNode verify = json(send(port2, "GET", "/api/v1/audit/verify", admin2, null), 200);
        assertTrue(verify.get("intact").asBoolean(), verify.toString());
        // and it keeps writing there: identity columns go on after the copied ids
        HttpResponse<String> created = send(port2, "POST", "/api/v1/users", admin2, "{\"username\":\"after-migration\","
                + "\"displayName\":\"迁移之后\",\"bindings\":[{\"role\":\"LEADER\",\"node\":\"120112103001\"}]}");
        assertEquals(201, created.statusCode(), created.body());
        String opened = send(port2, "POST", "/api/v1/evaluations", admin2,
                "{\"community\":\"120112103002\",\"period\":\"2026-H2\"}").body();
        assertTrue(opened.contains("\"id\""), opened);
        assertTrue(json(send(port2, "GET", "/api/v1/audit/verify", admin2, null), 200).get("intact").asBoolean());
        terminate(pg);
    }

    /**
     * Opens the 港湾家园 evaluation, casts the ballots of the households of 1号楼1单元 for its unit leader (ratings
     * varied), and closes it.
     */
    private String closedEvaluation(int port, String token) throws Exception {
        JsonNode opened = json(send(port, "POST", "/api/v1/evaluations", token,
                "{\"community\":\"120112103001\",\"period\":\"2026-H1\"}"), 201);
        String evaluation = opened.get("id").asText();
        String codes = send(port, "GET", "/api/v1/evaluations/" + evaluation + "/ballot-codes", token, null).body();
        String leaders = send(port, "GET", "/api/v1/leaders?community=120112103001&size=200", token, null).body();
        String leader = null;
        for (String item : leaders.split("\\{\"id\":")) {
            if (item.contains("\"unit\":\"120112103001B001U01\"")) {
                leader = item.substring(0, item.indexOf(','));
            }
        }
        assertTrue(leader != null, leaders);
        Matcher code = Pattern.compile("\"1号楼1单元\\d+\",([0-9A-Z-]{14})").matcher(codes);
        String[] ratings = {"SATISFIED", "FAIRLY_SATISFIED", "DISSATISFIED"};
        int cast = 0;
        while (code.find()) {
            HttpResponse<String> ballot = send(port, "POST", "/api/v1/ballots", null, "{\"code\":\"" + code.group(1)
                    + "\",\"ratings\":[{\"leader\":\"" + leader + "\",\"rating\":\"" + ratings[cast % 3] + "\"}]}");
            assertEquals(201, ballot.statusCode(), ballot.body());
            cast++;
        }
        assertTrue(cast > 0, codes);
        json(send(port, "POST", "/api/v1/evaluations/" + evaluation + "/close", token, null), 200);
        return evaluation;
    }

    /** Starts a throwaway PostgreSQL (stopped when this JVM ends) and returns its JDBC URL. */
    static String startPostgres(Path dir) throws Exception {
        Path script = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../cnf/postgres.sh").normalize();
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "start", dir.toString()).redirectErrorStream(true);
        pb.environment().put("LOUMEN_PG_WATCH_PID", Long.toString(ProcessHandle.current().pid()));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return Files.readString(dir.resolve("url")).strip();
    }

    private Process run(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }

    private static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static Map<String, Long> derbyCounts(Path db) throws SQLException {
        System.setProperty("derby.stream.error.file", db.resolveSibling("logs/derby-counts.log").toString());
        try (Connection c = new org.apache.derby.jdbc.EmbeddedDriver().connect("jdbc:derby:" + db, new Properties())) {
            return counts(c, "APP");
        } finally {
            try {
                new org.apache.derby.jdbc.EmbeddedDriver().connect("jdbc:derby:" + db + ";shutdown=true",
                        new Properties());
            } catch (SQLException e) {
                // 08006: shut down
            }
        }
    }

    static Map<String, Long> pgCounts(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "loumen");
        p.setProperty("password", "loumen-test");
        try (Connection c = new org.postgresql.Driver().connect(url, p)) {
            return counts(c, "public");
        }
    }

    private static Map<String, Long> counts(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                tables.add(r.getString("TABLE_NAME"));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            for (String t : tables) {
                try (ResultSet r = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    r.next();
                    counts.put(t.toUpperCase(java.util.Locale.ROOT), r.getLong(1));
                }
            }
        }
        return counts;
    }
}
