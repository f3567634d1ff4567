package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 入职培训: 双港镇's street admin runs an onboarding batch on the desktop from enrolment to certification — two approved
 * candidates enrolled, attendance, one passes and is certified with a work ID made by the street's pattern, one
 * fails (a note is required) and stays to retake; the roster prints; the roster still reads on a 390 px phone.
 */
class OnboardingBrowserIT extends WorkBase {

    static final String GANGWAN = "120112103001";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static long approved(String name, String phone) throws Exception {
        String unit = platform.get("shuanggang", "/api/v1/communities/" + GANGWAN + "/buildings").get(0).get("units")
                .get(0).get("code").asText();
        long id = platform.post("shuanggang", "/api/v1/communities/" + GANGWAN + "/nominations", Map.of("name", name,
                "gender", "MALE", "birthDate", "1978-06-01", "education", "JUNIOR_COLLEGE", "partyMember", true,
                "phone", phone, "method", "RECOMMENDED", "nominatedBy", "社区党组织", "role", "UNIT_LEADER", "place",
                unit), 201).get("id").asLong();
        platform.post("shuanggang", "/api/v1/leaders/" + id + "/decision", Map.of("meetingDate",
                LocalDate.now(CHINA).minusDays(2).toString(), "attendees", 11, "votesFor", 9, "votesAgainst", 1,
                "abstentions", 1), 200);
        return id;
    }

    @Test
    void aStreetAdminRunsABatchFromEnrolmentToCertification() throws Exception {
        long pass = approved("韩立新", "13755550001");
        long fail = approved("曹雪梅", "13755550002");
        LocalDate today = LocalDate.now(CHINA);

        Browser b = browser("onboarding", Browser.DESKTOP);
        TrainingPage page = new TrainingPage(b, platform);
        page.signIn("shuanggang");
        page.openList();
        int waitingBefore = Integer.parseInt(page.figure("waiting"));
        assertTrue(waitingBefore >= 2, "the two approved candidates wait: " + waitingBefore);
        b.shot("1-batches");
        b.assertAccessible("training batches");

        long batch = page.createBatch("双港镇2026年第3期楼门栋长入职培训", today.minusDays(1).toString(), today.toString(),
                "双港镇党群服务中心", "王老师\n李老师", "五员职责\n问题时报与平台使用\n矛盾纠纷调解");
        b.shot("2-new-batch");
        page.enrol(List.of(pass, fail));
        assertEquals("IN_TRAINING", platform.get("shuanggang", "/api/v1/leaders/" + pass).get("status").asText());
        page.present(List.of(pass, fail));

        // a fail needs a note: the form says so under the field, in words
        page.choose("assess-leader", Long.toString(fail));
        page.choose("assess-result", "FAILED");
        page.click("assess-submit");
        page.waitText("assess-form", "请写明情况");
        page.assess(fail, "FAILED", "实操考核未通过，参加下一期");
        page.assess(pass, "PASSED", null);
        assertTrue(page.result(fail).contains("不合格"), page.result(fail));
        b.shot("3-assessed");

        String workId = page.certify(pass);
        assertTrue(workId.matches("120112103-" + today.getYear() + "-\\d{4}"), workId);
        page.waitText("batch-counts", "已发证 1");
        assertTrue(page.counts().contains("合格 1") && page.counts().contains("不合格 1"), page.counts());
        b.find(WorkPage.id("certify-none"));
        b.shot("4-certified");
        b.assertAccessible("training batch");

        String sheet = page.printPreview();
        for (String s : List.of("韩立新", "曹雪梅", "合格", "不合格", workId, "双港镇党群服务中心")) {
            assertTrue(sheet.contains(s), s + " in " + sheet);
        }
        b.shot("5-print");

        JsonNode certified = platform.get("shuanggang", "/api/v1/leaders/" + pass);
        assertEquals("CERTIFIED", certified.get("status").asText());
        assertEquals(workId, certified.get("workId").asText());
        JsonNode failed = platform.get("shuanggang", "/api/v1/leaders/" + fail + "/training").get("onboarding");
        assertEquals("FAILED", failed.get(0).get("result").asText());
        assertEquals("IN_TRAINING", platform.get("shuanggang", "/api/v1/leaders/" + fail).get("status").asText());

        // the roster on a phone: the page itself does not overflow; the table scrolls inside its box
        Browser phone = browser("onboarding-phone", Browser.PHONE);
        TrainingPage small = new TrainingPage(phone, platform);
        small.signIn("shuanggang");
        small.openBatch(batch);
        phone.wait.until(d -> small.roster().size() == 2);
        long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) phone.driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, "the page is wider than the phone by " + overflow + " px");
        small.scrollTo("roster");
        phone.shot("6-roster-390");
        assertAccessiblePhone(phone, "training batch on a phone");
    }

    @Test
    void aBatchIsEditedOneTraineeWithdrawnAndTheBatchCancelled() throws Exception {
        long stays = approved("邵春雷", "13755550101");
        long leaves = approved("纪晓燕", "13755550102");
        LocalDate start = LocalDate.now(CHINA).plusDays(7);

        Browser b = browser("onboarding-change", Browser.DESKTOP);
        TrainingPage page = new TrainingPage(b, platform);
        page.signIn("shuanggang");
        page.openList();
        long batch = page.createBatch("双港镇2026年第4期入职培训（改期）", start.toString(), start.plusDays(1).toString(),
                "双港镇党群服务中心", "王老师", "五员职责\n问题时报与平台使用");
        page.enrol(List.of(stays, leaves));
        page.editPlace("港湾家园社区党群服务站二楼");
        assertEquals("港湾家园社区党群服务站二楼", platform.get("shuanggang", "/api/v1/training-batches/" + batch)
                .get("place").asText());
        b.shot("1-edited");

        String said = page.withdraw(leaves, "本人工作调动，下期再参加");
        assertTrue(said.contains("纪晓燕") && said.contains("已通过审议"), said);
        page.waitText("batch-counts", "退训 1");
        assertEquals("APPROVED", platform.get("shuanggang", "/api/v1/leaders/" + leaves).get("status").asText());
        assertEquals("IN_TRAINING", platform.get("shuanggang", "/api/v1/leaders/" + stays).get("status").asText());
        page.scrollTo("batch-changes");
        b.shot("2-withdrawn");
        b.assertAccessible("batch with withdrawal");

        // the same page on a 390 px phone: the withdraw and cancel forms fit
        Browser phone = browser("onboarding-change-phone", Browser.PHONE);
        TrainingPage small = new TrainingPage(phone, platform);
        small.signIn("shuanggang");
        small.openBatch(batch);
        phone.wait.until(d -> small.roster().size() == 1);
        long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) phone.driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, "the page is wider than the phone by " + overflow + " px");
        small.scrollTo("batch-changes");
        phone.shot("3-changes-390");

        said = page.cancelBatch("场地检修，改期另行通知");
        assertTrue(said.contains("1 人"), said);
        assertEquals("APPROVED", platform.get("shuanggang", "/api/v1/leaders/" + stays).get("status").asText());
        JsonNode cancelled = platform.get("shuanggang", "/api/v1/training-batches/" + batch);
        assertEquals("CANCELLED", cancelled.get("state").asText());
        assertEquals(2, cancelled.get("withdrawn").asInt());
        assertTrue(b.driver.findElements(WorkPage.id("batch-edit")).isEmpty(), "a cancelled batch is not edited");
        page.waitText("roster", "培训班已取消");
        page.scrollTo("batch-info");
        b.shot("4-cancelled");
        b.assertAccessible("cancelled batch");
    }

    @Test
    void theStreetSeesCapacityTrainingCoverageAndWhoHasHadNone() throws Exception {
        JsonNode coverage = platform.get("shuanggang", "/api/v1/capacity-training/coverage?street=120112103").get(0);
        int uncovered = coverage.get("serving").asInt() - coverage.get("covered").asInt();
        assertTrue(uncovered > 0, "the demo leaves some without training: " + coverage);

        Browser b = browser("capacity", Browser.DESKTOP);
        TrainingPage page = new TrainingPage(b, platform);
        page.signIn("shuanggang");
        page.go("/capacity-training");
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f%%", coverage.get("percent").asDouble()), page.figure("percent"));
        assertEquals(Integer.toString(uncovered), page.figure("uncovered"));
        b.wait.until(d -> page.rows("hours").size() == uncovered);
        b.wait.until(d -> page.rows("sessions").size() >= 3);
        page.scrollTo("training-figures");
        b.shot("1-coverage");
        b.assertAccessible("capacity training");

        // a leader's page shows the training record with the hours of the year
        long trained = platform.get("shuanggang", "/api/v1/streets/120112103/capacity-hours").findValues("leader")
                .stream().map(JsonNode::asLong).reduce((x, y) -> y).orElseThrow();
        page.open("/leaders/" + trained);
        page.waitText("training-record", "学时");
        page.scrollTo("training-record");
        b.shot("2-leader-record");

        // the dashboard's row for the street
        page.go("/");
        page.waitText("table-training", "双港镇");
        page.scrollTo("table-training");
        b.shot("3-dashboard");
    }
}
