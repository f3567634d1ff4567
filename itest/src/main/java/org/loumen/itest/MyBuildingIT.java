package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loumen.security.Role;
import org.loumen.testkit.ProgrammeTester;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 我的楼门 (plug-in {@code plugin.my-building}, installed from its module's jar) in the whole platform, through the
 * real dispatcher: who may do what (staff, a leader's account, a steward holding the programme role {@code STEWARD}
 * at the unit, a leader of another unit), a street that has not enabled it, bad input naming its field, and the
 * rules that must hold under parallel requests: a redemption never overdraws, a household agrees once, an activity
 * never takes more than its capacity; balances equal the sum of the ledger.
 */
class MyBuildingIT extends PlatformTest {

    static final String ID = "my-building";
    /** 春晖里 1号楼2单元, served by the demo leader 13900000011. */
    static final String UNIT = "120112103002B001U02";
    static final String LEADER = "13900000011";

    private static Bundle bundle;

    @BeforeAll
    static void install() throws Exception {
        BundleContext bc = FrameworkUtil.getBundle(MyBuildingIT.class).getBundleContext();
        // every request of the test comes from 127.0.0.1: allow it many resident writes
        ServiceReference<ConfigurationAdmin> ca = bc.getServiceReference(ConfigurationAdmin.class);
        Configuration c = bc.getService(ca).getConfiguration("org.loumen.mybuilding", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("residentWritesPerHour", 10_000);
        c.update(props);
        File dir = Paths.get(System.getProperty("loumen.modules", "..")).resolve("plugin.my-building/target").toFile();
        File jar = Arrays.stream(dir.listFiles()).filter(f -> f.getName().matches("plugin\\.my-building-[^-]+.*\\.jar")
                && !f.getName().contains("sources") && !f.getName().contains("javadoc")).findFirst()
                .orElseThrow(() -> new AssertionError("build plugin.my-building first: no jar in " + dir));
        bundle = bc.installBundle(jar.toURI().toString());
        // the test launch runs at start level 10 (as the platform does); an installed bundle would get 11
        bundle.adapt(org.osgi.framework.startlevel.BundleStartLevel.class).setStartLevel(10);
        bundle.start();
    }

    @AfterAll
    static void uninstall() throws Exception {
        if (bundle != null) {
            bundle.uninstall(); // its tables and rows stay
        }
    }

    String api(String street) {
        return "/api/v1/streets/" + street + "/programmes/" + ID;
    }

    /** The programme is served (its bundle started and its demo data seeded). */
    ProgrammeTester ready() throws Exception {
        Http admin = admin();
        Http.until(() -> admin.get(api(SHUANGGANG) + "/me"), r -> r.status() == 200, 60, "my-building serving");
        ProgrammeTester t = ProgrammeTester.connect(context, ID);
        t.enable(SHUANGGANG);
        return t;
    }

    /** The demo leader's account, signed in (its first password changed once, by whichever test came first). */
    Http leader() throws Exception {
        if (http.json("POST", "/api/v1/auth/login", Map.of("username", LEADER, "password", PASSWORD)).status() != 200) {
            Path file = Paths.get(System.getProperty("loumen.data")).resolve("demo-accounts.txt");
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[1].equals(LEADER)) {
                    changePassword(login(LEADER, f[2]), f[2], PASSWORD);
                }
            }
        }
        return login(LEADER, PASSWORD);
    }

    static <T> List<T> parallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    JsonNode household(Http as, String room) throws Exception {
        for (JsonNode h : as.get(api(SHUANGGANG) + "/units/" + UNIT + "/households").json()) {
            if (room.equals(h.get("room").asText())) {
                return h;
            }
        }
        throw new AssertionError("no room " + room);
    }

    @Test
    void eachRoleDoesItsPartInItsOwnPlaceAndAStreetThatDidNotEnableItGetsNothing() throws Exception {
        ProgrammeTester t = ready();
        Http leader = leader();
        JsonNode me = leader.get(api(SHUANGGANG) + "/me").json();
        assertEquals("LEADER", me.get("actor").asText());
        assertEquals(UNIT, me.get("units").get(0).get("code").asText());
        // the leader works in their unit, not in a unit of another community
        assertEquals(200, leader.get(api(SHUANGGANG) + "/units/" + UNIT + "/stewards").status());
        assertEquals(404, leader.get(api(SHUANGGANG) + "/units/" + GANGWAN + "B002U02/stewards").status());
        // the leader adds a steward (approved at once) and makes them lead
        Http.Response added = leader.json("POST", api(SHUANGGANG) + "/units/" + UNIT + "/stewards",
                Map.of("name", "测试管家", "room", "301", "phone", "13712345678"));
        assertEquals(201, added.status(), added.body());
        assertEquals("137****5678", added.json().get("phone").asText(), "phones leave masked");
        long steward = added.json().get("id").asLong();
        assertEquals(200, leader.json("POST", api(SHUANGGANG) + "/stewards/" + steward + "/lead", Map.of()).status());

        // a steward (the programme role at the unit) records duties but decides nothing about stewards
        ProgrammeTester.Client holder = t.granted("STEWARD", UNIT, Role.LEADER, UNIT);
        assertEquals("STEWARD", holder.get(SHUANGGANG, "/me").json().get("actor").asText());
        ProgrammeTester.Response duty = holder.post(SHUANGGANG, "/units/" + UNIT + "/duties",
                Map.of("kind", "FIRE_EXIT_CHECK", "dueOn", java.time.LocalDate.now().toString(), "steward", steward));
        assertEquals(201, duty.status(), duty.body());
        long dutyId = duty.json().get(0).get("id").asLong();
        long before = household(leader, "301").get("points").asLong();
        assertEquals(200, holder.post(SHUANGGANG, "/duties/" + dutyId + "/outcome", Map.of("done", true)).status());
        assertEquals(409, holder.post(SHUANGGANG, "/duties/" + dutyId + "/outcome", Map.of("done", false)).status(),
                "recorded once");
        assertEquals(before + 5, household(leader, "301").get("points").asLong(), "the steward's household earned 5");
        assertEquals(403, holder.post(SHUANGGANG, "/stewards/" + steward + "/end", Map.of()).status());
        assertEquals(403, holder.post(SHUANGGANG, "/points/corrections", Map.of("household", 1, "delta", 5,
                "note", "x")).status(), "the points are the secretary's");
        // a household code is not for a steward's eyes
        assertTrue(holder.get(SHUANGGANG, "/units/" + UNIT + "/households").json().get(0).get("code").isNull());

        // the secretary of another community sees nothing of this unit
        ProgrammeTester.Client gangwan = t.as(Role.COMMUNITY_SECRETARY, GANGWAN);
        assertEquals(404, gangwan.get(SHUANGGANG, "/units/" + UNIT + "/duties").status());
        // the auditor is never admitted
        assertEquals(403, t.as(Role.AUDITOR, DISTRICT).get(SHUANGGANG, "/ranking").status());

        // bad input names its field
        Http.Response bad = leader.json("POST", api(SHUANGGANG) + "/units/" + UNIT + "/activities",
                Map.of("category", "CULTURE", "title", "书画", "place", "大厅", "startsAt", "2026-13-01T10:00:00",
                        "capacity", 5));
        assertEquals(400, bad.status(), bad.body());
        assertEquals("startsAt", bad.json().get("field").asText());
        assertEquals("capacity", leader.json("POST", api(SHUANGGANG) + "/units/" + UNIT + "/activities",
                Map.of("category", "CULTURE", "title", "书画", "place", "大厅", "startsAt",
                        java.time.LocalDateTime.now().plusDays(3).withNano(0).toString(), "capacity", 0)).json()
                .get("field").asText());
        assertEquals("unit", leader.get(api(SHUANGGANG) + "/units/nope/duties").json().get("field").asText());

        // a street that has not enabled it: its routes say so; its unit pages list no 我的楼门 section
        t.disable(SHUANGXIN);
        Http.Response off = admin().get(api(SHUANGXIN) + "/me");
        assertEquals(404, off.status());
        assertEquals("programme-disabled", off.json().get("error").asText());
        assertTrue(http.get("/api/v1/public/streets/" + SHUANGGANG + "/programmes").body().contains(ID));
        assertTrue(!http.get("/api/v1/public/streets/" + SHUANGXIN + "/programmes").body().contains(ID));
        assertEquals(404, http.get("/api/v1/public/streets/" + SHUANGXIN + "/programmes/" + ID + "/units/"
                + "120112001001B001U01").status());
    }

    @Test
    void parallelRedemptionsNeverOverdrawAndTheLedgerAddsUp() throws Exception {
        ProgrammeTester t = ready();
        ProgrammeTester.Client secretary = t.as(Role.COMMUNITY_SECRETARY, "120112103002");
        Http leader = leader();
        JsonNode h = household(leader, "201");
        long start = h.get("points").asLong();
        // top the household up to exactly 30 points with a correction (a new entry, never an edit)
        ProgrammeTester.Response topUp = secretary.post(SHUANGGANG, "/points/corrections", Map.of("household",
                h.get("id").asLong(), "delta", 30 - start == 0 ? 1 : 30 - start, "note", "测试：调整为 30 分"));
        if (30 - start == 0) {
            secretary.post(SHUANGGANG, "/points/corrections", Map.of("household", h.get("id").asLong(), "delta", -1,
                    "note", "测试：撤回"));
        }
        assertEquals(201, topUp.status(), topUp.body());
        assertEquals(30, household(leader, "201").get("points").asLong());
        ProgrammeTester.Response item = secretary.post(SHUANGGANG, "/shop/items", Map.of("community", "120112103002",
                "name", "测试抽纸", "points", 10, "stock", 5));
        assertEquals(201, item.status(), item.body());
        long itemId = item.json().get("id").asLong();

        List<Integer> statuses = parallel(16, () -> secretary.post(SHUANGGANG, "/shop/redemptions",
                Map.of("item", itemId, "household", h.get("id").asLong(), "quantity", 1)).status());
        assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(13, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(0, household(leader, "201").get("points").asLong(), "never below zero");
        JsonNode items = secretary.get(SHUANGGANG, "/shop/items?community=120112103002").json();
        for (JsonNode i : items) {
            if (i.get("id").asLong() == itemId) {
                assertEquals(2, i.get("stock").asInt(), "the stock went with the points, no more");
            }
        }
        // the stock cannot go below zero either: 3 at once for the 2 left, with points enough
        secretary.post(SHUANGGANG, "/points/corrections", Map.of("household", h.get("id").asLong(), "delta", 100,
                "note", "测试：补分"));
        List<Integer> more = parallel(8, () -> secretary.post(SHUANGGANG, "/shop/redemptions",
                Map.of("item", itemId, "household", h.get("id").asLong(), "quantity", 1)).status());
        assertEquals(2, more.stream().filter(s -> s == 201).count(), more.toString());
        assertEquals(80, household(leader, "201").get("points").asLong());

        // every balance of the unit is the sum of its ledger; entries are only added
        Map<Long, Long> sums = new java.util.HashMap<>();
        for (JsonNode e : secretary.get(SHUANGGANG, "/points?unit=" + UNIT).json()) {
            sums.merge(e.get("household").asLong(), e.get("delta").asLong(), Long::sum);
        }
        for (JsonNode each : leader.get(api(SHUANGGANG) + "/units/" + UNIT + "/households").json()) {
            assertEquals(each.get("points").asLong(), sums.getOrDefault(each.get("id").asLong(), 0L).longValue(),
                    "room " + each.get("room").asText());
        }
        assertEquals(409, secretary.post(SHUANGGANG, "/points/corrections", Map.of("household", h.get("id").asLong(),
                "delta", -1000, "note", "测试：超扣")).status(), "a correction cannot overdraw either");
    }

    @Test
    void residentsAgreeOnceAndActivitiesNeverPassTheirCapacity() throws Exception {
        ready();
        Http leader = leader();
        String pub = "/api/v1/public/streets/" + SHUANGGANG + "/programmes/" + ID;
        // the unit has a convention to agree to: the leader drafts and publishes a new version
        assertEquals(200, leader.json("PUT", api(SHUANGGANG) + "/units/" + UNIT + "/convention",
                Map.of("text", "测试公约：楼道不堆物。")).status());
        assertEquals(201, leader.json("POST", api(SHUANGGANG) + "/units/" + UNIT + "/convention/publication",
                Map.of()).status());
        String code = household(leader, "401").get("code").asText();
        List<Integer> agreed = parallel(16, () -> http.json("POST", pub + "/units/" + UNIT + "/convention/agreements",
                Map.of("householdCode", code.toLowerCase())).status());
        assertEquals(1, agreed.stream().filter(s -> s == 201).count(), agreed.toString());
        assertEquals(15, agreed.stream().filter(s -> s == 409).count(), agreed.toString());
        JsonNode page = http.get(pub + "/units/" + UNIT).json();
        assertEquals(1, page.get("convention").get("agreed").asInt());
        assertTrue(!page.toString().contains(code) && !page.toString().contains("测试管家"),
                "no codes or names in public: " + page);
        Http.Response wrong = http.json("POST", pub + "/units/" + UNIT + "/convention/agreements",
                Map.of("householdCode", "ZZZZ-ZZZZ"));
        assertEquals(404, wrong.status());
        assertEquals("householdCode", wrong.json().get("field").asText());

        // an activity of 3 places, 4 households signing up at once (twice each): 3 get in
        Http.Response a = leader.json("POST", api(SHUANGGANG) + "/units/" + UNIT + "/activities", Map.of("category",
                "CHILD_MINDING", "title", "周末儿童照看", "place", "一楼大厅", "startsAt",
                java.time.LocalDateTime.now().plusDays(2).withNano(0).toString(), "capacity", 3));
        assertEquals(201, a.status(), a.body());
        long activity = a.json().get("id").asLong();
        List<String> codes = new ArrayList<>();
        for (JsonNode each : leader.get(api(SHUANGGANG) + "/units/" + UNIT + "/households").json()) {
            codes.add(each.get("code").asText());
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> signed = parallel(16, () -> http.json("POST", pub + "/activities/" + activity + "/signups",
                Map.of("householdCode", codes.get(next.getAndIncrement() % codes.size()), "people", 1)).status());
        assertEquals(3, signed.stream().filter(s -> s == 201).count(), signed.toString());
        JsonNode signups = leader.get(api(SHUANGGANG) + "/activities/" + activity + "/signups").json();
        assertEquals(3, signups.size());
        // attendance earns 3 points, once
        long household = signups.get(0).get("household").asLong();
        assertEquals(200, leader.json("POST", api(SHUANGGANG) + "/activities/" + activity + "/attendance",
                Map.of("household", household, "attended", true)).status());
        assertEquals(409, leader.json("POST", api(SHUANGGANG) + "/activities/" + activity + "/attendance",
                Map.of("household", household, "attended", true)).status());
    }
}
