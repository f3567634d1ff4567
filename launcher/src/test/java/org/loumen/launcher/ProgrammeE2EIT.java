package org.loumen.launcher;

import static org.loumen.testkit.DemoPlaces.CHUNHUILI;
import static org.loumen.testkit.DemoPlaces.GANGWAN;
import static org.loumen.testkit.DemoPlaces.SHUANGGANG;
import static org.loumen.testkit.DemoPlaces.SHUANGXIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Programmes in the real {@code loumen.jar}: the shipped ones deployed from {@code DATA/plugins} and disabled until a
 * street enables them; and the module developer's round trip: generate a programme from the archetype outside this
 * build, build it, drop it into a running platform, enable it for one street, call its route, upgrade it with a
 * schema change that keeps rows, remove it and put it back with its data.
 */
class ProgrammeE2EIT extends E2EBase {

    static final String PASSWORD = "Operator-Chosen-2026";

    private Process platform;
    private int port;
    private String admin;
    private Path data;

    private void startPlatform() throws Exception {
        data = tmp.resolve("data");
        port = freePort();
        platform = start(Map.of("LOUMEN_ADMIN_PASSWORD", PASSWORD), data, port, "--demo");
        awaitHealth(platform, port);
        admin = login(port, "admin", PASSWORD);
    }

    private JsonNode call(String method, String path, String token, String body, int status) throws Exception {
        return json(send(port, method, path, token, body), status);
    }

    /** Polls the programme list until the programme's entry satisfies the condition (null: not listed). */
    private JsonNode awaitProgramme(String id, Predicate<JsonNode> done, String what) throws Exception {
        return until(() -> programme(id), done, Duration.ofSeconds(30), what);
    }

    /** Polls a route (as the district admin) until it answers with the status. */
    private HttpResponse<String> awaitAnswer(String path, int status) throws Exception {
        return until(() -> send(port, "GET", path, admin, null), r -> r.statusCode() == status, Duration.ofSeconds(30),
                path + " answering " + status);
    }

    private JsonNode programme(String id) throws Exception {
        for (JsonNode p : call("GET", "/api/v1/programmes", admin, null, 200)) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        return null;
    }

    private static String base(String street, String id) {
        return "/api/v1/streets/" + street + "/programmes/" + id;
    }

    private void enable(String street, String id, boolean on) throws Exception {
        call("PUT", "/api/v1/streets/" + street + "/programmes/" + id, admin, "{\"enabled\":" + on + "}", 200);
    }

    /** A street admin of 双新街道, created by the district admin, with their own password set. */
    private String shuangxinAdmin() throws Exception {
        return user("sx-e2e", "STREET_ADMIN", SHUANGXIN, "Shuangxin-E2E-2026");
    }

    /** A user with one role, created by the district admin; signs in with their own password once set. */
    private String user(String username, String role, String node, String password) throws Exception {
        JsonNode created = call("POST", "/api/v1/users", admin, "{\"username\":\"" + username + "\",\"displayName\":"
                + "\"测试 " + username + "\",\"bindings\":[{\"role\":\"" + role + "\",\"node\":\"" + node + "\"}]}", 201);
        String temporary = created.get("temporaryPassword").asText();
        String first = login(port, username, temporary);
        assertEquals(204, send(port, "POST", "/api/v1/auth/password", first, "{\"currentPassword\":\"" + temporary
                + "\",\"newPassword\":\"" + password + "\"}").statusCode());
        return login(port, username, password);
    }

    /** The shipped programmes whose demoStreets name 双港镇. */
    static final java.util.Set<String> DEMO_ENABLED = java.util.Set.of("volunteer-brands", "mediation",
            "elder-smartphone-training");

    @Test
    void shippedProgrammesAreDisabledUntilAStreetEnablesThemAndServeOnlyThatStreet() throws Exception {
        startPlatform();
        for (String id : List.of("volunteer-brands", "mediation", "elder-smartphone-training")) {
            // --demo enables a programme for its demoStreets (双港镇) the first time the platform sees it
            boolean demo = DEMO_ENABLED.contains(id);
            JsonNode p = awaitProgramme(id, e -> e != null && e.get("state").asText().equals("ACTIVE")
                    && e.get("enabledStreets").size() == (demo ? 1 : 0), id + " ACTIVE");
            assertEquals(demo ? "[\"" + SHUANGGANG + "\"]" : "[]", p.get("enabledStreets").toString(), p.toString());
            assertEquals("programme-disabled", call("GET", base(demo ? SHUANGXIN : SHUANGGANG, id)
                    + (id.equals("mediation") ? "/cases"
                    : id.equals("volunteer-brands") ? "/brands" : "/courses"), admin, null, 404).get("error").asText());
        }
        assertEquals("志愿服务品牌", programme("volunteer-brands").get("name").get("zh").asText());
        assertEquals("/console", programme("volunteer-brands").get("console").get("resources").asText());

        // volunteer brands in 双港镇: a brand of 港湾家园, an activity, the summary
        enable(SHUANGGANG, "volunteer-brands", true);
        String vb = base(SHUANGGANG, "volunteer-brands");
        long founder = call("GET", "/api/v1/leaders?community=" + GANGWAN, admin, null, 200).get("items").get(0)
                .get("id").asLong();
        long brand = call("POST", vb + "/brands", admin, "{\"community\":\"" + GANGWAN + "\",\"name\":\"港湾之家\","
                + "\"slogan\":\"邻里守望\",\"founder\":" + founder + "}", 201).get("id").asLong();
        assertEquals("name", call("POST", vb + "/brands", admin, "{\"community\":\"" + GANGWAN
                + "\",\"name\":\" \"}", 400).get("field").asText());
        assertEquals("brand-exists", call("POST", vb + "/brands", admin, "{\"community\":\"" + GANGWAN
                + "\",\"name\":\"港湾之家\",\"founder\":" + founder + "}", 409).get("error").asText());
        call("POST", vb + "/brands/" + brand + "/activities", admin, "{\"heldOn\":\"2026-11-01\",\"title\":\"义务理发\","
                + "\"volunteers\":6,\"hours\":12.5}", 201);
        JsonNode summary = null;
        for (JsonNode row : call("GET", vb + "/summary", admin, null, 200)) {
            summary = row.get("id").asLong() == brand ? row : summary; // beside the demo brands of 双港镇
        }
        assertEquals("12.5", summary.get("serviceHours").decimalValue().toPlainString(), summary.toString());
        assertEquals(6, summary.get("volunteerTurns").asInt());
        // 双新 has not enabled it; 双新's admin cannot reach 双港's
        assertEquals("programme-disabled", call("GET", base(SHUANGXIN, "volunteer-brands") + "/brands", admin, null,
                404).get("error").asText());
        String sx = shuangxinAdmin();
        assertEquals("not-found", call("GET", vb + "/brands", sx, null, 404).get("error").asText());
        call("PUT", "/api/v1/streets/" + SHUANGGANG + "/programmes/volunteer-brands", sx, "{\"enabled\":false}", 404);

        // mediation: an account granted 人民调解员 at 港湾家园, paired with a demo leader; a case accepted, mediated and
        // settled by the mediator; a second agreement is refused by the case's state machine
        enable(SHUANGGANG, "mediation", true);
        String md = base(SHUANGGANG, "mediation");
        long leader = call("GET", "/api/v1/leaders?community=" + GANGWAN, admin, null, 200).get("items").get(0)
                .get("id").asLong();
        String mediator = user("sg-e2e-mediator", "LEADER", GANGWAN, "Loumen-Med-4455");
        call("POST", "/api/v1/programme-roles/grants", admin, "{\"username\":\"sg-e2e-mediator\",\"programme\":"
                + "\"mediation\",\"role\":\"MEDIATOR\",\"node\":\"" + GANGWAN + "\"}", 201);
        JsonNode pairing = call("POST", md + "/pairings", admin, "{\"community\":\"" + GANGWAN + "\",\"mediator\":"
                + "\"sg-e2e-mediator\",\"mediatorName\":\"王调解\",\"mediatorPhone\":\"13900001111\",\"leader\":"
                + leader + "}", 201);
        assertEquals("139****1111", pairing.get("mediatorPhone").asText());
        String accepted = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(3).toString();
        long dispute = call("POST", md + "/cases", mediator, "{\"pairing\":" + pairing.get("id").asLong()
                + ",\"category\":\"NEIGHBOURS\",\"parties\":\"楼上住户与楼下住户\",\"summary\":\"楼上漏水\","
                + "\"risk\":\"LOW\",\"acceptedOn\":\"" + accepted + "\"}", 201).get("id").asLong();
        call("POST", md + "/cases/" + dispute + "/sessions", mediator, "{\"heldOn\":\"" + accepted + "\","
                + "\"attendees\":\"双方当事人、调解员\",\"notes\":\"查看漏水点\"}", 201);
        assertEquals("AGREED", call("POST", md + "/cases/" + dispute + "/agreement", mediator, "{\"reachedOn\":\""
                + accepted + "\",\"terms\":\"维修完毕\"}", 200).get("status").asText());
        assertEquals("illegal-transition", call("POST", md + "/cases/" + dispute + "/agreement", mediator,
                "{\"reachedOn\":\"" + accepted + "\",\"terms\":\"再次\"}", 409).get("error").asText());

        // elder smartphone training (on in 双港镇 by --demo): a course, an elder of a household enrolled and completed
        String et = base(SHUANGGANG, "elder-smartphone-training");
        long course = call("POST", et + "/courses", admin, "{\"community\":\"" + GANGWAN + "\",\"title\":\"手机支付入门\","
                + "\"skills\":[\"MOBILE_PAYMENT\",\"FRAUD_PREVENTION\"],\"startsOn\":\"2026-11-02\",\"capacity\":1}",
                201).get("id").asLong();
        JsonNode households = call("GET", et + "/households?community=" + GANGWAN, admin, null, 200);
        long trainee = call("POST", et + "/courses/" + course + "/trainees", admin, "{\"household\":"
                + households.get(0).get("id").asLong() + ",\"name\":\"李大爷\",\"birthYear\":1950}", 201).get("id").asLong();
        assertEquals("course-full", call("POST", et + "/courses/" + course + "/trainees", admin, "{\"household\":"
                + households.get(1).get("id").asLong() + ",\"name\":\"张奶奶\",\"birthYear\":1948}", 409).get("error")
                .asText());
        call("POST", et + "/courses/" + course + "/trainees/" + trainee + "/completion", admin,
                "{\"completedOn\":\"2026-11-20\"}", 200);
        assertEquals(1, call("GET", et + "/courses/" + course, admin, null, 200).get("course").get("completed").asInt());
        // a leader bound to one unit of 港湾家园 enrols the elders of the households they serve; a leader elsewhere
        // sees nothing
        String unit = call("GET", "/api/v1/communities/" + GANGWAN + "/buildings", admin, null, 200).get(0)
                .get("units").get(0).get("code").asText();
        String leaderToken = user("sg-unit-leader", "LEADER", unit, "Loumen-Lead-7788");
        long open = call("POST", et + "/courses", admin, "{\"community\":\"" + GANGWAN + "\",\"title\":\"视频通话\","
                + "\"skills\":[\"VIDEO_CALL\"],\"startsOn\":\"2026-11-02\",\"capacity\":10}", 201).get("id").asLong();
        JsonNode mine = call("GET", et + "/households?community=" + GANGWAN, leaderToken, null, 200);
        mine.forEach(h -> assertTrue(h.get("unit").asText().startsWith(unit), mine.toString()));
        call("POST", et + "/courses/" + open + "/trainees", leaderToken, "{\"household\":" + mine.get(0).get("id")
                .asLong() + ",\"name\":\"赵奶奶\",\"birthYear\":1944}", 201);
        assertEquals(403, send(port, "POST", et + "/courses", leaderToken, "{}").statusCode(), "courses are staff's");
        String elsewhere = user("other-leader", "LEADER", CHUNHUILI, "Loumen-Lead-9911");
        assertEquals(0, call("GET", et + "/courses", elsewhere, null, 200).size());
        terminate(platform);
    }

    @Test
    void archetypeRoundTripUpgradeKeepsRowsAndRemovalKeepsData() throws Exception {
        Path work = tmp.resolve("developer");
        Files.createDirectories(work);
        maven(work, "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate", "-DinteractiveMode=false",
                "-DarchetypeGroupId=org.loumen", "-DarchetypeArtifactId=loumen-programme-archetype",
                "-DarchetypeVersion=" + System.getProperty("loumen.version", "0.1.0-SNAPSHOT"),
                "-DgroupId=org.example", "-DartifactId=noticeboard", "-Dversion=1.0.0",
                "-Dpackage=org.example.noticeboard", "-DprogrammeId=noticeboard", "-DnameZh=公告栏",
                "-DnameEn=Noticeboard");
        Path project = work.resolve("noticeboard");
        maven(project, "verify"); // unit test and in-framework test of the generated module
        Path v1 = project.resolve("target/noticeboard-1.0.0.jar");
        assertTrue(Files.exists(v1));

        startPlatform();
        Path deployed = data.resolve("plugins/noticeboard.jar");
        drop(v1, deployed);
        JsonNode listed = awaitProgramme("noticeboard", e -> e != null && e.get("state").asText().equals("ACTIVE"),
                "noticeboard ACTIVE");
        assertEquals("1.0.0", listed.get("version").asText());
        assertEquals("公告栏", listed.get("name").get("zh").asText());
        assertEquals(0, listed.get("enabledStreets").size(), "disabled everywhere until a street enables it");
        // its console page, served from the bundle by the running console
        assertEquals("/console", listed.get("console").get("resources").asText());
        HttpResponse<String> page = consolePage("1.0.0");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").contains("javascript"), page.headers().map()
                .toString());
        assertTrue(page.body().contains("mount(element, ctx)"), page.body());
        assertFalse(page.body().contains(PAGE_MARKER));

        String notes = base(SHUANGGANG, "noticeboard") + "/notes";
        assertEquals("programme-disabled", call("GET", notes, admin, null, 404).get("error").asText());
        enable(SHUANGGANG, "noticeboard", true);
        long first = call("POST", notes, admin, "{\"text\":\"周六上午清理楼道\"}", 201).get("id").asLong();
        assertEquals("text", call("POST", notes, admin, "{\"text\":\"\"}", 400).get("field").asText());
        assertEquals(1, call("GET", notes, admin, null, 200).size());
        // another street: disabled there; and 双新's admin cannot reach 双港's
        assertEquals("programme-disabled", call("GET", base(SHUANGXIN, "noticeboard") + "/notes", admin, null, 404)
                .get("error").asText());
        assertEquals("not-found", call("GET", notes, shuangxinAdmin(), null, 404).get("error").asText());

        // a newer version with a new column, dropped over the old jar: new code, old rows, core untouched
        Map<String, String> coreBefore = coreBundles();
        upgrade(project);
        maven(project, "package", "-DskipTests");
        drop(project.resolve("target/noticeboard-1.1.0.jar"), deployed);
        awaitProgramme("noticeboard", e -> e != null && e.get("version").asText().equals("1.1.0")
                && e.get("state").asText().equals("ACTIVE"), "noticeboard 1.1.0 ACTIVE");
        // FileInstall updates the bundle, then refreshes it: the routes may blink once while that happens
        JsonNode after = json(awaitAnswer(notes, 200), 200);
        assertEquals(1, after.size(), after.toString());
        assertEquals(first, after.get(0).get("id").asLong());
        assertEquals("周六上午清理楼道", after.get(0).get("text").asText());
        // the new column exists for the old row, empty or at its database default (Derby: SMALLINT DEFAULT 0)
        assertTrue(after.get(0).has("pinned") && !after.get(0).get("pinned").asBoolean(), "the new column: " + after);
        assertTrue(call("POST", notes, admin, "{\"text\":\"新版本\",\"pinned\":true}", 201).get("pinned").asBoolean());
        assertEquals(coreBefore, coreBundles(), "core bundles: same ids, same states, not restarted");
        // the console serves the new version's page
        HttpResponse<String> newPage = until(() -> consolePage("1.1.0"), r -> r.statusCode() == 200,
                Duration.ofSeconds(30), "the page of 1.1.0");
        assertTrue(newPage.body().contains(PAGE_MARKER), newPage.body());
        assertTrue(newPage.headers().firstValue("Content-Type").orElse("").contains("javascript"));

        // removed: its routes answer 404, it is no longer listed; put back: its data is there again
        Files.delete(deployed);
        awaitProgramme("noticeboard", e -> e == null, "noticeboard gone");
        assertEquals("not-found", call("GET", notes, admin, null, 404).get("error").asText());
        assertEquals(404, consolePage("1.1.0").statusCode(), "the page goes with the bundle");
        assertEquals(404, consolePage("1.0.0").statusCode());
        drop(project.resolve("target/noticeboard-1.1.0.jar"), deployed);
        awaitProgramme("noticeboard", e -> e != null && e.get("state").asText().equals("ACTIVE"), "noticeboard back");
        assertEquals(2, json(awaitAnswer(notes, 200), 200).size(), "its data stays");
        assertEquals(SHUANGGANG, programme("noticeboard").get("enabledStreets").get(0).asText());
        assertTrue(consolePage("1.1.0").body().contains(PAGE_MARKER), "and its page");
        assertEquals(coreBefore, coreBundles());
        terminate(platform);
    }

    @Test
    void aProgrammeWhosePersistenceUnitWouldDropTablesNeverRuns() throws Exception {
        startPlatform();
        Path jar = tmp.resolve("dropper.jar");
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.example.dropper");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Meta-Persistence", "META-INF/persistence.xml");
        a.putValue("Service-Component", "OSGI-INF/dropper.xml");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.putNextEntry(new JarEntry("META-INF/persistence.xml"));
            out.write(("<persistence version=\"2.2\"><persistence-unit name=\"loumen.programme.dropper\"><properties>"
                    + "<property name=\"eclipselink.ddl-generation\" value=\"drop-and-create-tables\"/>"
                    + "</properties></persistence-unit></persistence>").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("OSGI-INF/dropper.xml"));
            out.write(("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"dropper\">"
                    + "<property name=\"loumen.programme.id\" type=\"String\" value=\"dropper\"/>"
                    + "<implementation class=\"x.Dropper\"/></scr:component>").getBytes(StandardCharsets.UTF_8));
        }
        drop(jar, data.resolve("plugins/dropper.jar"));
        JsonNode listed = awaitProgramme("dropper", e -> e != null, "dropper listed");
        assertEquals("FAILED", listed.get("state").asText(), listed.toString());
        assertTrue(listed.get("reason").asText().contains("drop-and-create-tables"), listed.toString());
        boolean installedOnly = false;
        for (JsonNode b : call("GET", "/api/v1/system/bundles", admin, null, 200)) {
            if (b.get("symbolicName").asText().equals("org.example.dropper")) {
                installedOnly = b.get("state").asText().equals("INSTALLED");
            }
        }
        assertTrue(installedOnly, "never resolved, so none of its code or DDL ran");
        terminate(platform);
    }

    @Test
    void operatorsSwitchAProgrammeFromTheDebugShell() throws Exception {
        data = tmp.resolve("debug");
        port = freePort();
        platform = start(JAR.resolveSibling("loumen-debug.jar"), Map.of("LOUMEN_ADMIN_PASSWORD", PASSWORD), data, port,
                "--demo");
        awaitHealth(platform, port);
        admin = login(port, "admin", PASSWORD);
        awaitProgramme("volunteer-brands", e -> e != null && e.get("state").asText().equals("ACTIVE"), "shipped");
        String brands = base(SHUANGGANG, "volunteer-brands") + "/brands";
        Writer shell = new OutputStreamWriter(platform.getOutputStream(), StandardCharsets.UTF_8);
        command(shell, "loumen:enable " + SHUANGGANG + " volunteer-brands");
        awaitAnswer(brands, 200);
        command(shell, "loumen:programmes");
        awaitLog("enabled in: [" + SHUANGGANG + "]");
        command(shell, "loumen:enable 999 volunteer-brands");
        awaitLog("no street with the 9-digit code 999");
        command(shell, "loumen:disable " + SHUANGGANG + " volunteer-brands");
        assertEquals("programme-disabled", json(awaitAnswer(brands, 404), 404).get("error").asText());
        JsonNode audit = call("GET", "/api/v1/audit?actor=shell", admin, null, 200);
        assertTrue(audit.get("total").asInt() >= 3, audit.toString());
        terminate(platform);
    }

    private static void command(Writer shell, String line) throws IOException {
        shell.write(line + "\n");
        shell.flush();
    }

    /** Waits until the platform's console output (the shell's answers) contains the text. */
    private void awaitLog(String text) throws Exception {
        until(this::logs, log -> log.contains(text), Duration.ofSeconds(20), "the shell printing '" + text + "'");
    }

    /** The generated programme's console page as the console loads it (no token: it is a static file). */
    private HttpResponse<String> consolePage(String version) throws Exception {
        return send(port, "GET", "/programme-pages/noticeboard/" + version + "/index.js", null, null);
    }

    /** Copies a jar into place atomically, so FileInstall never reads half a file. */
    private static void drop(Path jar, Path target) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".part");
        Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Every bundle but the programme: id -> name, state and when it last started. */
    private Map<String, String> coreBundles() throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode b : call("GET", "/api/v1/system/bundles", admin, null, 200)) {
            if (!b.get("symbolicName").asText().equals("org.example.noticeboard")) {
                out.put(b.get("id").asText(), b.get("symbolicName").asText() + " " + b.get("state").asText() + " "
                        + b.get("startedAt").asText());
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }

    /** What version 1.1.0 changes in the console page, to tell which page is served. */
    static final String PAGE_MARKER = "version 1.1.0: notes may be pinned";

    /** What the developer changes for version 1.1.0: a new field (a new column), the page and the version. */
    private static void upgrade(Path project) throws IOException {
        Path pom = project.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replaceFirst("<version>1.0.0</version>",
                "<version>1.1.0</version>"));
        Path page = project.resolve("src/main/resources/console/index.js");
        Files.writeString(page, "// " + PAGE_MARKER + "\n" + Files.readString(page));
        Path entity = project.resolve("src/main/java/org/example/noticeboard/internal/NoteEntity.java");
        Files.writeString(entity, Files.readString(entity).replace("    @Version\n", "    @Column(name = \"PINNED\")\n"
                + "    Boolean pinned;\n\n    @Version\n"));
        Path notes = project.resolve("src/main/java/org/example/noticeboard/internal/Notes.java");
        Files.writeString(notes, Files.readString(notes).replace("record NewNote(String text)",
                "record NewNote(String text, Boolean pinned)").replace("record Note(long id, String street, String text,",
                "record Note(long id, String street, String text, Boolean pinned,"));
        Path component = project.resolve("src/main/java/org/example/noticeboard/internal/ProgrammeComponent.java");
        String c = Files.readString(component);
        c = c.replace("String text = Notes.text(r.body(Notes.NewNote.class));",
                "Notes.NewNote body = r.body(Notes.NewNote.class);\n        String text = Notes.text(body);")
                .replace("n.text = text;", "n.text = text;\n            n.pinned = body.pinned();")
                .replace("new Notes.Note(n.id, n.street, n.text,", "new Notes.Note(n.id, n.street, n.text, n.pinned,");
        Files.writeString(component, c);
        Path test = project.resolve("src/test/java/org/example/noticeboard/internal/NotesTest.java");
        Files.writeString(test, Files.readString(test).replace("new Notes.NewNote(\"  楼道灯已修好 \")",
                "new Notes.NewNote(\"  楼道灯已修好 \", null)").replace("new Notes.NewNote(\" \")",
                "new Notes.NewNote(\" \", null)").replace("Notes.MAX_LENGTH + 1))", "Notes.MAX_LENGTH + 1), null)"));
    }

    /** Runs Maven in a folder as a module developer would (same local repository as this build), or fails. */
    private static void maven(Path dir, String... args) throws Exception {
        String home = System.getProperty("maven.home");
        String mvn = home == null ? "mvn" : Path.of(home, "bin", "mvn").toString();
        List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-ntp"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        cmd.addAll(List.of(args));
        Path log = dir.resolve("maven-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "maven did not finish: " + cmd);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + output);
    }
}
