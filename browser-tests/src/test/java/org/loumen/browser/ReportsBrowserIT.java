package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** 问题时报 in the browser: the secretary files a report and works it round the closed loop; overdue reports. */
class ReportsBrowserIT extends WorkBase {

    static final String GANGWAN = "120112103001";

    /** The code of a unit of 港湾家园, e.g. 1号楼1单元. */
    static String unit(String building, String unit) throws Exception {
        for (JsonNode b : platform.get("gangwan", "/api/v1/communities/" + GANGWAN + "/buildings")) {
            if (b.get("label").asText().equals(building)) {
                for (JsonNode u : b.get("units")) {
                    if (u.get("label").asText().equals(unit)) {
                        return u.get("code").asText();
                    }
                }
            }
        }
        throw new AssertionError("no " + building + unit);
    }

    @Test
    void theSecretaryFilesAReportAndClosesTheLoop() throws Exception {
        Browser b = browser("reports-loop", Browser.DESKTOP);
        ReportsPage list = new ReportsPage(b, platform);
        list.signIn("gangwan");
        list.openList();
        b.shot("1-list-empty");
        b.assertAccessible("reports list");
        long before = platform.get("gangwan", "/api/v1/reports?community=" + GANGWAN).get("total").asLong();

        long id = list.file(unit("1号楼", "1单元"), "SANITATION_SUPERVISOR", "NORMAL", "1号楼1单元楼道堆放杂物，影响通行");
        assertEquals(before + 1, platform.get("gangwan", "/api/v1/reports?community=" + GANGWAN).get("total").asLong());
        ReportPage report = new ReportPage(b, platform);
        report.waitText("report-state", "已上报");
        b.shot("2-filed");
        b.assertAccessible("report page");

        report.accept().assign("港湾物业服务中心").resolve("已联系物业清理楼道杂物");
        assertEquals("港湾物业服务中心", report.textOf("report-assignee-text"));
        b.shot("3-resolved");
        // gangwan filed it, so gangwan closes the loop
        report.confirmSolved();
        b.shot("4-confirmed");
        assertEquals("CONFIRMED", platform.get("gangwan", "/api/v1/reports/" + id).get("status").asText());
        List<String> history = report.history();
        assertEquals(5, history.size(), history.toString());
        String all = String.join("\n", history);
        for (String step : List.of("已受理", "已交办", "已办结", "已确认")) {
            assertTrue(all.contains(step), all);
        }
        assertTrue(all.contains("gangwan"), all);

        // the list shows it confirmed, and the counts count it
        list.openList();
        String row = list.rows().stream().filter(r -> r.startsWith(id + " ") || r.startsWith(id + "\n")).findFirst()
                .orElseThrow(() -> new AssertionError(list.rows().toString()));
        assertTrue(row.contains("已确认"), row);
        assertTrue(list.stats().contains("环境卫生监督员"), list.stats());
        b.shot("5-list");
    }

    @Test
    void aReportPastItsDeadlineIsMarkedOverdueAndFoundByTheFilter() throws Exception {
        // the operator shortens the deadline of major reports to nothing: a new one is overdue at once
        configure("org.loumen.reports", "majorHours=0\n");
        Browser b = browser("reports-overdue", Browser.DESKTOP);
        ReportsPage list = new ReportsPage(b, platform);
        list.signIn("gangwan");
        list.openList();
        long id = list.file(unit("2号楼", "1单元"), "SAFETY_PATROLLER", "MAJOR", "2号楼1单元电动车楼道充电，存在火灾隐患");
        ReportPage report = new ReportPage(b, platform);
        report.waitText("report-state", "已超时");
        assertTrue(report.state().contains("已上报社区"), report.state());
        b.shot("1-overdue-report");

        list.openList();
        list.overdueOnly(true);
        List<String> rows = list.rows();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.contains("已超时")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith(id + "")), rows.toString());
        assertTrue(b.driver.getCurrentUrl().contains("overdue=true"), b.driver.getCurrentUrl());
        b.shot("2-overdue-filter");
        b.assertAccessible("overdue reports");
        JsonNode stats = platform.get("gangwan", "/api/v1/reports/stats?community=" + GANGWAN);
        assertTrue(list.stats().contains(stats.get("overdue").asText()), list.stats());
        configure("org.loumen.reports", "majorHours=4\n");

        // on a phone the list scrolls inside its card
        Browser phone = browser("reports-phone", Browser.PHONE);
        ReportsPage small = new ReportsPage(phone, platform);
        small.signIn("gangwan");
        small.openList();
        phone.shot("3-phone");
        assertEquals(Boolean.FALSE, ((org.openqa.selenium.JavascriptExecutor) phone.driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;"));
    }
}
