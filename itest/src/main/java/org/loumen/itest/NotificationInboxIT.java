package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Notifications (通知) in the inbox: who hears of a MAJOR report (exactly the secretary of its community and the admin
 * of its street, nobody of another street), reading, and the overdue scan — once per condition, across scans and a
 * restart of the notifications bundle.
 */
class NotificationInboxIT extends PlatformTest {

    @Test
    void aMajorReportReachesExactlyItsCommunityAndStreet() throws Exception {
        String unit = GANGWAN + "B002U02";
        Http leader = user("ntf-leader", "LEADER", unit);
        Http secretary = user("ntf-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        Http street = user("ntf-street", "STREET_ADMIN", SHUANGGANG);
        Http otherStreet = user("ntf-sx-street", "STREET_ADMIN", SHUANGXIN);
        Http otherSecretary = user("ntf-sx-secretary", "COMMUNITY_SECRETARY", XINHUALI);
        Http admin = admin();
        long adminBefore = unread(admin);

        Http.Response filed = leader.json("POST", "/api/v1/reports", Map.of("place", unit, "duty", "SAFETY_PATROLLER",
                "urgency", "MAJOR", "description", "楼道电线老化冒烟"));
        assertEquals(201, filed.status(), filed.body());
        long id = filed.json().get("id").asLong();
        String link = "/reports/" + id;

        JsonNode mine = Http.until(() -> secretary.get("/api/v1/me/notifications"),
                r -> r.status() == 200 && links(r.json()).contains(link), 15, "the secretary's notice").json();
        JsonNode entry = entry(mine, link);
        assertEquals("report.major", entry.get("kind").asText());
        assertTrue(entry.get("title").asText().startsWith("重大问题上报"), entry.toString());
        assertTrue(entry.get("title").asText().contains(" / Major problem"), "Chinese first, then English");
        assertFalse(entry.get("read").asBoolean());
        assertFalse(entry.toString().contains("楼道电线老化冒烟"), "the notice links to the report, it does not copy it");
        Http.until(() -> street.get("/api/v1/me/notifications"), r -> links(r.json()).contains(link), 15,
                "the street admin's notice");
        assertEquals(1, links(street.get("/api/v1/me/notifications").json()).stream().filter(link::equals).count());

        // nobody of another street, not the reporter, not the district (not in the default rule)
        for (Http other : List.of(otherStreet, otherSecretary, leader)) {
            assertFalse(links(other.get("/api/v1/me/notifications").json()).contains(link));
        }
        assertEquals(adminBefore, unread(admin));

        // reading: one, then all; someone else's entry is not found
        long unreadBefore = unread(secretary);
        long entryId = entry.get("id").asLong();
        assertEquals(404, street.send("POST", "/api/v1/me/notifications/" + entryId + "/read", null, null).status());
        assertEquals(204, secretary.send("POST", "/api/v1/me/notifications/" + entryId + "/read", null, null)
                .status());
        assertEquals(unreadBefore - 1, unread(secretary));
        assertTrue(entry(secretary.get("/api/v1/me/notifications").json(), link).get("read").asBoolean());
        secretary.send("POST", "/api/v1/me/notifications/read-all", null, null);
        assertEquals(0, unread(secretary));
        assertEquals(0, secretary.get("/api/v1/me/notifications?unread=true").json().get("total").asInt());
        assertEquals(0, unread(user("ntf-auditor", "AUDITOR", DISTRICT)), "auditors receive no notices");
    }

    @Test
    void anOverdueReportIsNoticedOnceAcrossScansAndARestart() throws Exception {
        String unit = GANGWAN + "B001U01";
        Http leader = user("ntf-leader2", "LEADER", unit);
        Http secretary = user("ntf-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        Http admin = admin();
        long id = leader.json("POST", "/api/v1/reports", Map.of("place", unit, "duty", "SANITATION_SUPERVISOR",
                "urgency", "NORMAL", "description", "垃圾桶满溢")).json().get("id").asLong();
        String link = "/reports/" + id;
        try {
            overdueOnce(admin, secretary, id, link);
        } finally {
            moveDeadline(id, System.currentTimeMillis() + 72 * 3_600_000L); // other tests count 港湾家园's overdue
        }
    }

    private void overdueOnce(Http admin, Http secretary, long id, String link) throws Exception {
        JsonNode first = scan(admin);
        assertTrue(first.get("ran").asBoolean(), first.toString());
        assertEquals(0, count(secretary, link, "report.overdue"), "not due yet");

        // the report's deadline passes (72 hours for a normal report: moved back in the database instead of waiting)
        moveDeadline(id, System.currentTimeMillis() - 60_000);
        JsonNode second = scan(admin);
        assertTrue(second.get("rowsTouched").asLong() >= 1, second.toString());
        assertEquals(1, count(secretary, link, "report.overdue"));
        scan(admin);
        assertEquals(1, count(secretary, link, "report.overdue"), "a second scan publishes nothing new");

        Bundle notify = bundle("org.loumen.core.notify");
        notify.stop();
        notify.start();
        JsonNode afterRestart = Http.until(() -> admin.send("POST", "/api/v1/notifications/scan", null, null),
                r -> r.status() == 200 && r.json().get("ran").asBoolean(), 30, "a scan after the restart").json();
        assertEquals(0, afterRestart.get("notices").asLong(), afterRestart.toString());
        assertEquals(1, count(secretary, link, "report.overdue"), "a restart between scans repeats nothing");

        JsonNode status = admin.get("/api/v1/notifications/status").json();
        assertTrue(status.get("lastScan").get("rowsTouched").asLong() >= 1, status.toString());
        assertEquals(403, secretary.send("POST", "/api/v1/notifications/scan", null, null).status());
    }

    @Test
    void anOverdueCareVisitIsNoticedOnceByNumberOnly() throws Exception {
        Http secretary = user("ntf-secretary", "COMMUNITY_SECRETARY", GANGWAN);
        Http admin = admin();
        JsonNode tagged = null;
        for (JsonNode h : secretary.get("/api/v1/households?community=" + GANGWAN + "&size=200").json().get("items")) {
            if (tagged == null && h.has("specialGroups") && h.get("specialGroups").size() > 0) {
                tagged = h;
            }
        }
        assertTrue(tagged != null, "the demo has tagged households in 港湾家园");
        long household = tagged.get("id").asLong();
        String day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(60).toString();
        Http.Response visit = secretary.json("POST", "/api/v1/households/" + household + "/visits",
                Map.of("visitedOn", day, "note", "两个月前走访"));
        assertEquals(201, visit.status(), visit.body());
        scan(admin);
        scan(admin);
        JsonNode page = secretary.get("/api/v1/me/notifications?size=100").json();
        List<JsonNode> care = new ArrayList<>();
        page.get("items").forEach(e -> {
            if (e.get("kind").asText().equals("care.overdue") && e.get("title").asText().contains("#" + household)) {
                care.add(e);
            }
        });
        assertEquals(1, care.size(), page.toString());
        String text = care.get(0).toString();
        assertFalse(text.contains(tagged.get("headName") == null ? "\u0000" : tagged.get("headName").asText()),
                "no household's name in a notice");
        assertTrue(care.get(0).get("link").asText().startsWith("/care"), text);
    }

    private Bundle bundle(String bsn) {
        for (Bundle b : FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + bsn);
    }

    private void moveDeadline(long report, long dueAt) throws Exception {
        // the platform's own data source: Derby or PostgreSQL, whichever this run uses
        DataSource ds = context.getService(context.getServiceReferences(DataSource.class,
                "(osgi.jndi.service.name=loumen)").iterator().next());
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE WF_REPORT SET DUE_AT = ? WHERE ID = ?")) {
            s.setLong(1, dueAt);
            s.setLong(2, report);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static JsonNode scan(Http admin) throws Exception {
        Http.Response r = admin.send("POST", "/api/v1/notifications/scan", null, null);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static long count(Http user, String link, String kind) throws Exception {
        JsonNode page = user.get("/api/v1/me/notifications?size=100").json();
        long n = 0;
        for (JsonNode e : page.get("items")) {
            if (link.equals(e.get("link").asText()) && kind.equals(e.get("kind").asText())) {
                n++;
            }
        }
        return n;
    }

    private static long unread(Http user) throws Exception {
        Http.Response r = user.get("/api/v1/me/notifications/unread-count");
        assertEquals(200, r.status(), r.body());
        return r.json().get("unread").asLong();
    }

    private static List<String> links(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(e -> out.add(e.get("link").asText()));
        return out;
    }

    private static JsonNode entry(JsonNode page, String link) {
        for (JsonNode e : page.get("items")) {
            if (link.equals(e.get("link").asText())) {
                return e;
            }
        }
        throw new AssertionError("no entry for " + link + " in " + page);
    }
}
