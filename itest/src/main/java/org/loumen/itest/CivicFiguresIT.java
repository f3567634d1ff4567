package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dashboard's civic figures ({@code GET /civic/figures}) are counted in the database, not from the lists' views:
 * they must still say what the lists of projects, the reserve and consultations say, for every scope.
 */
class CivicFiguresIT extends CivicTest {

    @Test
    void theFiguresAreWhatTheListsSayInEveryScope() throws Exception {
        int year = today().getYear();
        check(admin(), "", year);
        check(admin(), "?street=" + SHUANGXIN, year);
        check(sxAdmin(), "", year);
        check(sgAdmin(), "", year);
        check(admin(), "?year=" + (year - 1), year - 1);
    }

    @Test
    void aProjectProposedIsCountedAtOnce() throws Exception {
        Http leader = demoLeader(AWARDED);
        JsonNode before = sxAdmin().get("/api/v1/civic/figures").json().get("projects");
        Http.Response proposed = leader.json("POST", "/api/v1/me/projects", java.util.Map.of("kind",
                "UNIT_IMPROVEMENT", "title", "楼道灯维修（数字测试）", "budgetAsked", 120, "description",
                "三楼楼道灯不亮 / the third floor's stair light is out"));
        assertEquals(201, proposed.status(), proposed.body());
        JsonNode after = sxAdmin().get("/api/v1/civic/figures").json().get("projects");
        assertEquals(before.get("proposed").asLong() + 1, after.get("proposed").asLong(), after.toString());
        assertEquals(before.get("open").asLong() + 1, after.get("open").asLong(), after.toString());
        assertEquals(before.get("fromAwarded").asLong() + 1, after.get("fromAwarded").asLong(), "an awarded "
                + "leader's project has priority: " + after);
        check(sxAdmin(), "", today().getYear());
    }

    @Test
    void aCampaignOpenTodayIsCountedAtOnceAndOnlyInItsStreet() throws Exception {
        long before = sxAdmin().get("/api/v1/civic/figures").json().get("publicity").get("openCampaigns").asLong();
        long elsewhere = sgAdmin().get("/api/v1/civic/figures").json().get("publicity").get("openCampaigns")
                .asLong();
        Http.Response created = sxAdmin().json("POST", "/api/v1/campaigns", java.util.Map.of("node", SHUANGXIN,
                "theme", "楼门安全宣传（数字测试）", "startsOn", today().toString(), "endsOn",
                today().plusDays(7).toString()));
        assertEquals(201, created.status(), created.body());
        assertEquals(before + 1, sxAdmin().get("/api/v1/civic/figures").json().get("publicity").get("openCampaigns")
                .asLong());
        assertEquals(elsewhere, sgAdmin().get("/api/v1/civic/figures").json().get("publicity").get("openCampaigns")
                .asLong());
        check(sxAdmin(), "", today().getYear());
    }

    private static void check(Http as, String query, int year) throws Exception {
        String street = query.contains("street=") ? "&street=" + SHUANGXIN : "";
        Http.Response r = as.get("/api/v1/civic/figures" + query);
        assertEquals(200, r.status(), r.body());
        JsonNode figures = r.json();
        assertEquals(year, figures.get("year").asInt());

        // projects: the year's, as the list shows them
        List<JsonNode> projects = new ArrayList<>();
        for (int page = 1;; page++) {
            JsonNode p = as.get("/api/v1/projects?size=200&page=" + page + street).json();
            p.get("items").forEach(projects::add);
            if (p.get("items").size() < 200) {
                break;
            }
        }
        long proposed = 0, open = 0, approved = 0, declined = 0, fromAwarded = 0, approvedFromAwarded = 0;
        BigDecimal granted = BigDecimal.ZERO;
        for (JsonNode p : projects) {
            if (!p.get("proposedOn").asText().startsWith(year + "-")) {
                continue;
            }
            String status = p.get("status").asText();
            boolean priority = p.get("priority").asBoolean();
            proposed++;
            open += status.equals("PROPOSED") || status.equals("FORWARDED") ? 1 : 0;
            declined += status.equals("DECLINED") ? 1 : 0;
            fromAwarded += priority ? 1 : 0;
            if (status.equals("APPROVED")) {
                approved++;
                approvedFromAwarded += priority ? 1 : 0;
                if (p.hasNonNull("amountGranted")) {
                    granted = granted.add(p.get("amountGranted").decimalValue());
                }
            }
        }
        JsonNode f = figures.get("projects");
        String where = query + " " + f;
        assertEquals(proposed, f.get("proposed").asLong(), where);
        assertEquals(open, f.get("open").asLong(), where);
        assertEquals(approved, f.get("approved").asLong(), where);
        assertEquals(declined, f.get("declined").asLong(), where);
        assertEquals(fromAwarded, f.get("fromAwarded").asLong(), where);
        assertEquals(approvedFromAwarded, f.get("approvedFromAwarded").asLong(), where);
        assertEquals(0, granted.compareTo(f.get("granted").decimalValue()), where);

        // the reserve
        JsonNode reserve = as.get("/api/v1/reserve" + query.replace("?year=" + year, "")).json();
        long awards = 0, appointed = 0;
        for (JsonNode e : reserve) {
            awards += "AWARD".equals(e.get("source").asText()) ? 1 : 0;
            appointed += e.hasNonNull("appointedTo") ? 1 : 0;
        }
        JsonNode rf = figures.get("reserve");
        assertEquals(reserve.size(), rf.get("reserve").asLong(), query + " " + rf);
        assertEquals(awards, rf.get("fromAwards").asLong(), query + " " + rf);
        assertEquals(appointed, rf.get("appointed").asLong(), query + " " + rf);

        // consultations: open ones and the households that answered
        JsonNode consultations = as.get("/api/v1/consultations" + (street.isEmpty() ? "" : "?street=" + SHUANGXIN))
                .json();
        long openNow = 0, answered = 0;
        for (JsonNode c : consultations) {
            openNow += c.get("open").asBoolean() ? 1 : 0;
            answered += c.get("answered").asLong();
        }
        JsonNode cf = figures.get("consultations");
        assertEquals(consultations.size(), cf.get("consultations").asLong(), query + " " + cf);
        assertEquals(openNow, cf.get("open").asLong(), query + " " + cf);
        assertEquals(answered, cf.get("answered").asLong(), query + " " + cf);
        // publicity: the campaigns open today, as the list marks them
        JsonNode campaigns = as.get("/api/v1/campaigns" + (street.isEmpty() ? "" : "?street=" + SHUANGXIN)).json();
        long openCampaigns = 0;
        for (JsonNode c : campaigns) {
            openCampaigns += c.get("open").asBoolean() ? 1 : 0;
        }
        assertEquals(openCampaigns, figures.get("publicity").get("openCampaigns").asLong(), query + " " + figures);
    }
}
