package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 老年人智能手机培训 through its console page, with the demo data the programme seeds in 双港镇: the street admin sees
 * the courses and the street's figures and prints a completion certificate (A4, CJK font); 港湾家园's secretary, on a
 * phone in the classroom, takes the roll of a lesson, ticks a skill and enrols an elder (one too young first). Big
 * targets, one column, no sideways scrolling; accessible; no console errors.
 */
class ElderTrainingBrowserIT extends BrowserTest {

    static final String API = "/api/v1/streets/" + ElderTrainingPage.STREET + "/programmes/" + ElderTrainingPage.ID;
    static final String RUNNING = "智能手机入门班（第一期）";

    @Test
    void theStreetSeesItsCoursesAndFiguresAndPrintsACertificate() throws Exception {
        browser("training-street", Browser.DESKTOP);
        ElderTrainingPage page = new ElderTrainingPage(b, platform);
        page.signIn("shuanggang");
        page.openPage().waitInPage(RUNNING).waitInPage("本街道统计");
        assertTrue(page.text().contains("已取消"), "the cancelled demo course");
        b.shot("1-courses");
        b.assertAccessible("the courses");

        page.openCourse(RUNNING).waitInPage("技能清单：");
        b.shot("2-course");
        b.assertAccessible("a course");
        List<String> completed = page.trainees("certificate");
        assertEquals(2, completed.size(), "two demo trainees completed: " + completed);

        page.press("certificate-" + completed.get(0));
        var sheet = b.find(By.cssSelector("[data-testid=et-certificate]"));
        page.waitInPage("结业证书");
        String no = b.find(By.cssSelector("[data-testid=et-certificate-no]")).getText();
        assertTrue(no.startsWith("ZNSJ-120112103-"), no);
        String font = String.valueOf(page.script("return getComputedStyle(document.querySelector('.et-sheet')).fontFamily"));
        assertTrue(font.contains("Noto Sans CJK SC"), font);
        long width = ((Number) page.script("return Math.round(document.querySelector('.et-sheet').getBoundingClientRect().width)")).longValue();
        assertEquals(794, width, 2, "210 mm at 96 dpi");
        assertTrue(sheet.getText().contains("已掌握以下智能手机技能"), sheet.getText());
        b.shot("3-certificate");
        b.assertAccessible("the certificate");
    }

    @Test
    void aSecretaryOnAPhoneTakesTheRollTicksASkillAndEnrolsAnElder() throws Exception {
        platform.get("shuanggang", API + "/courses"); // the demo is seeded on the street's first look
        browser("training-phone", Browser.PHONE);
        ElderTrainingPage page = new ElderTrainingPage(b, platform);
        page.signIn("gangwan");
        page.openPage().waitInPage(RUNNING);
        assertEquals(0, page.overflow(), "no sideways scrolling at 390 px");
        b.shot("1-courses");
        page.openCourse(RUNNING);
        JsonNode course = platform.get("gangwan", API + "/courses").findParents("title").stream()
                .filter(c -> c.get("title").asText().equals(RUNNING)).findFirst().orElseThrow();
        String id = course.get("id").asText();
        JsonNode detail = platform.get("gangwan", API + "/courses/" + id);
        JsonNode lastHeld = null;
        for (JsonNode s : detail.get("sessions")) {
            if (s.get("heldOn").asText().compareTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                    .toString()) <= 0) {
                lastHeld = s;
            }
        }
        assertEquals(0, page.overflow());
        b.shot("2-course");
        b.assertAccessible("a course on a phone");

        // the roll of the last lesson held: only the first enrolled trainee came
        List<String> inTraining = page.trainees("checklist");
        page.takeRoll(lastHeld.get("id").asText(), List.of(inTraining.get(0)));
        b.shot("3-roll");
        b.assertAccessible("the roll");
        page.press("save-roll");
        page.waitInPage("到课 1 / ");
        JsonNode after = platform.get("gangwan", API + "/courses/" + id).get("sessions");
        for (JsonNode s : after) {
            if (s.get("id").asText().equals(lastHeld.get("id").asText())) {
                assertEquals(1, s.get("present").asInt(), s.toString());
            }
        }

        // a skill ticked on the checklist of someone still in training
        JsonNode trainee = null;
        for (JsonNode t : platform.get("gangwan", API + "/courses/" + id).get("trainees")) {
            if (t.get("completedOn").isNull() && t.get("withdrawnOn").isNull() && t.get("skills").size() < 5) {
                trainee = t;
            }
        }
        JsonNode chosen = trainee;
        String missing = List.of("HEALTH_CODE", "MOBILE_PAYMENT", "VIDEO_CALL", "RIDE_HAILING", "HOSPITAL_APPOINTMENT",
                "FRAUD_PREVENTION").stream().filter(k -> !chosen.get("skills").toString().contains(k)).findFirst()
                .orElseThrow();
        page.press("checklist-" + chosen.get("id").asText());
        b.find(By.cssSelector("[data-testid=et-checklist]"));
        page.tick(missing);
        b.shot("4-checklist");
        b.assertAccessible("a checklist");
        assertEquals(0, page.overflow());
        assertTrue(platform.get("gangwan", API + "/courses/" + id + "/trainees").toString().contains(missing));

        // enrol: too young is refused in words, then an elder of the community enrols
        b.find(By.xpath("//button[contains(., '返回培训班')]")).click();
        page.waitInPage("报名");
        page.enrol(3, "周奶奶", "1990");
        page.waitInPage("学员须年满 60 岁");
        b.shot("5-too-young");
        page.type("et-birthYear", "1951");
        page.press("enrol");
        page.waitInPage("周奶奶");
        b.shot("6-enrolled");
        assertTrue(platform.get("gangwan", API + "/courses/" + id + "/trainees").toString().contains("周奶奶"));
        assertFalse(page.text().contains("phone"));
        assertEquals(0, page.overflow());
    }
}
