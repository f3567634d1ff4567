package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 群众评议 from opening to results in the browser: the secretary of 港湾家园 opens the current half-year, hands out
 * the codes, residents vote (through the public ballot route, as their phones would), the count goes up, closing is
 * confirmed with its consequence, and the results show every outcome with the 60% line in the chart.
 */
class EvaluationBrowserIT extends WorkBase {

    static final String GANGWAN = "120112103001";

    @Test
    void theSecretaryRunsAnEvaluationFromOpeningToResults() throws Exception {
        String period = platform.get("gangwan", "/api/v1/evaluations/periods/current").get("period").asText();
        Browser b = browser("evaluation", Browser.DESKTOP);
        EvaluationsPage list = new EvaluationsPage(b, platform);
        list.signIn("gangwan");
        list.openList();
        assertTrue(list.withoutEvaluation().contains("港湾家园"), list.withoutEvaluation());
        b.shot("1-none-yet");
        b.assertAccessible("evaluations list");

        long id = list.openFor(period);
        EvaluationPage ev = new EvaluationPage(b, platform);
        ev.waitText("evaluation-state", "进行中");
        assertEquals(20, ev.codesIssued(), "one code per household of 港湾家园");
        assertEquals(0, ev.ballotsCast());
        ev.downloadCodes();
        b.shot("2-open");
        b.assertAccessible("open evaluation");

        // residents vote with the printed codes: each rates the leaders serving their unit and building
        int cast = castBallots(id);
        assertEquals(18, cast, "the two households of 4号楼 have no leader to rate");
        ev.refreshUntil(cast);
        assertEquals(cast, ev.ballotsCast());

        String consequence = ev.close();
        assertTrue(consequence.contains("60%") && consequence.contains("不再选任"), consequence);
        assertEquals("CLOSED", platform.get("gangwan", "/api/v1/evaluations/" + id).get("status").asText());
        List<String> results = ev.results();
        assertEquals(9, results.size(), results.toString());
        assertTrue(row(results, "范红梅").contains("不再选任"), results.toString());
        assertTrue(row(results, "范红梅").contains("16.67%"), results.toString());
        assertTrue(row(results, "贺德明").contains("继续留任") && row(results, "贺德明").contains("100.00%"), results.toString());
        assertTrue(row(results, "赖春生").contains("继续留任") && row(results, "赖春生").contains("66.67%"), results.toString());
        assertTrue(row(results, "杜丽华").contains("票数不足"), results.toString());
        assertEquals(60L, ((Number) ev.chartLine()).longValue());
        b.shot("3-results");
        b.assertAccessible("results");
        // the leader under 60% is no longer reappointed
        JsonNode leaders = platform.get("gangwan", "/api/v1/leaders?community=" + GANGWAN + "&size=200").get("items");
        for (JsonNode l : leaders) {
            if (l.get("name").asText().equals("范红梅")) {
                assertEquals("NOT_REAPPOINTED", l.get("status").asText());
            }
        }

        // a second evaluation of the same period is refused, and said why
        list.openList();
        list.submitOpen(period);
        assertTrue(list.refusal().contains("已经开启过"), list.refusal());
        b.shot("4-second-refused");

        Browser phone = browser("evaluation-phone", Browser.PHONE);
        EvaluationPage small = new EvaluationPage(phone, platform);
        small.signIn("gangwan");
        small.open(id);
        assertEquals(9, small.results().size());
        assertEquals(60L, ((Number) small.chartLine()).longValue());
        phone.shot("5-results-phone");
        assertAccessiblePhone(phone, "results on a phone");
        // English switches every word of the page, outcomes included
        small.switchLanguage();
        small.waitText("results", "Not reappointed");
        assertTrue(small.results().stream().anyMatch(r -> r.contains("Retained")), small.results().toString());
        assertTrue(small.textOf("evaluation-state").contains("Closed"));
        phone.shot("6-results-phone-en");
        small.switchLanguage();
    }

    private static String row(List<String> rows, String name) {
        return rows.stream().filter(r -> r.contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + rows));
    }
}
