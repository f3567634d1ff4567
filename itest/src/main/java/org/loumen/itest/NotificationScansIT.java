package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scans for meetings a community did not hold (→ its secretary and the street admin) and for a half-year ending
 * without a closed evaluation (→ the secretary, N days before): once per condition however many scans, nothing to
 * other streets. The community is new in each run (other tests' scans may have told of the demo communities already,
 * before this test's accounts existed): it held no meeting and closed no evaluation.
 */
class NotificationScansIT extends PlatformTest {

    @InjectService
    ConfigurationAdmin configAdmin;

    private Configuration notify;

    @BeforeEach
    void remindEarly() throws Exception {
        notify = configAdmin.getConfiguration("org.loumen.notify", "?");
        // 180 days: whatever today is, the half-year ends within it
        notify.update(new Hashtable<>(Map.of("evaluationDueDays", 180, "scanBatch", 3)));
    }

    @AfterEach
    void restore() throws Exception {
        notify.delete();
    }

    @Test
    void missedMeetingsAndADueEvaluationAreToldOnceToTheRightPeople() throws Exception {
        Http admin = admin();
        Http streetAdmin = user("ntf-scan-sx-admin", "STREET_ADMIN", SHUANGXIN);
        Http otherStreet = user("ntf-scan-sg-admin", "STREET_ADMIN", SHUANGGANG);
        String community = null;
        for (int attempt = 0; attempt < 50 && community == null; attempt++) {
            String code = SHUANGXIN + (700 + ThreadLocalRandom.current().nextInt(299));
            Http.Response r = admin.json("POST", "/api/v1/streets/" + SHUANGXIN + "/communities",
                    Map.of("code", code, "name", "通知扫描测试" + code.substring(9)));
            community = r.status() == 201 ? code : null;
        }
        assertTrue(community != null, "a community of this run's own");
        String fresh = community;
        Http secretary = user("ntf-scan-" + community.substring(9) + "-sec", "COMMUNITY_SECRETARY", community);
        Http.until(() -> admin.get("/api/v1/notifications/status"), r -> r.status() == 200, 10, "notifications");

        // scan until the new setting (evaluationDueDays) has reached the scans — Config Admin applies it later —
        // then once more: the second finds every condition noticed already
        Http.until(() -> {
            scan(admin);
            return secretary.get("/api/v1/me/notifications?size=100");
        }, r -> r.body().contains("\"kind\":\"evaluation.due\""), 30, "the half-year reminder");
        scan(admin);
        scan(admin);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate lastMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        List<JsonNode> mine = entries(secretary, fresh);
        List<JsonNode> missed = ofKind(mine, "meeting.missed");
        assertEquals(2, missed.size(), "the weekly and the month-end meeting, once each: " + mine);
        assertTrue(missed.stream().anyMatch(e -> e.get("body").asText().contains(lastMonday.toString())
                && e.get("body").asText().contains("每周沟通会")), missed.toString());
        assertTrue(missed.stream().anyMatch(e -> e.get("body").asText().contains("月底例会")), missed.toString());
        assertTrue(missed.get(0).get("title").asText().startsWith("例会未开"), missed.toString());
        List<JsonNode> due = ofKind(mine, "evaluation.due");
        assertEquals(1, due.size(), "one reminder per community and half-year: " + mine);
        assertTrue(due.get(0).get("title").asText().startsWith("半年评议待完成"), due.toString());

        List<JsonNode> street = entries(streetAdmin, fresh);
        assertEquals(2, ofKind(street, "meeting.missed").size(), street.toString());
        assertEquals(0, ofKind(street, "evaluation.due").size(), "the reminder is the secretary's: " + street);
        assertEquals(0, entries(otherStreet, fresh).size(), "nothing to another street");
    }

    private static void scan(Http admin) throws java.io.IOException, InterruptedException {
        JsonNode result = Http.until(() -> admin.send("POST", "/api/v1/notifications/scan", null, null),
                r -> r.status() == 200 && r.json().get("ran").asBoolean(), 30, "a scan that ran").json();
        assertTrue(result.get("complete").asBoolean(), result.toString());
    }

    private static List<JsonNode> entries(Http user, String node) throws Exception {
        JsonNode page = user.get("/api/v1/me/notifications?size=100").json();
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : page.get("items")) {
            if (e.get("node").asText().equals(node)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<JsonNode> ofKind(List<JsonNode> entries, String kind) {
        return entries.stream().filter(e -> e.get("kind").asText().equals(kind)).toList();
    }
}
