package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** 评优: after a closed evaluation, the street admin opens a round, picks from the candidates and records the decision. */
class AwardsBrowserIT extends WorkBase {

    @Test
    void theStreetSelectsExcellentLeadersFromTheEvaluationResults() throws Exception {
        String period = platform.get("gangwan", "/api/v1/evaluations/periods/current").get("period").asText();
        long evaluation = platform.post("gangwan", "/api/v1/evaluations",
                Map.of("community", "120112103001", "period", period), 201).get("id").asLong();
        castBallots(evaluation);
        platform.post("gangwan", "/api/v1/evaluations/" + evaluation + "/close", Map.of(), 200);
        long best = 0;
        for (JsonNode r : platform.get("gangwan", "/api/v1/evaluations/" + evaluation + "/results")) {
            if (r.get("name").asText().equals("贺德明")) {
                best = r.get("leader").asLong();
            }
        }

        Browser b = browser("awards", Browser.DESKTOP);
        AwardsPage awards = new AwardsPage(b, platform);
        awards.signIn("shuanggang");
        awards.openAwards();
        b.shot("1-no-rounds");
        b.assertAccessible("awards");
        String year = period.substring(0, 4);
        long round = awards.openRound(year, "90", "0");
        AwardPage page = new AwardPage(b, platform);
        List<String> candidates = page.candidates();
        // 贺德明 has 100.00%; 赖春生 (66.67%) is under the round's 90%
        assertEquals(1, candidates.size(), candidates.toString());
        assertTrue(candidates.get(0).contains("贺德明") && candidates.get(0).contains("100.00%"), candidates.toString());
        b.shot("2-candidates");
        b.assertAccessible("round");
        page.choose(best).decide("双港镇党委会议决定（测试）");
        List<String> awardees = page.awardees();
        assertEquals(1, awardees.size(), awardees.toString());
        String certificate = "优秀楼门栋长-" + year + "-120112103-001";
        assertTrue(awardees.get(0).contains(certificate), awardees.toString());
        b.shot("3-decided");
        assertEquals("DECIDED", platform.get("shuanggang", "/api/v1/awards/rounds/" + round).get("status").asText());

        // the awards list and the reserve pool show it, for the secretary as well
        Browser sec = browser("awards-secretary", Browser.DESKTOP);
        AwardsPage seen = new AwardsPage(sec, platform);
        seen.signIn("gangwan");
        seen.openAwards();
        assertTrue(seen.table("rounds").get(0).contains(year), seen.table("rounds").toString());
        assertTrue(seen.tab("awards").table("awards").get(0).contains(certificate));
        assertTrue(seen.tab("pool").table("pool").get(0).contains("贺德明"));
        sec.shot("4-secretary-pool");
        sec.assertAccessible("reserve pool");
    }
}
