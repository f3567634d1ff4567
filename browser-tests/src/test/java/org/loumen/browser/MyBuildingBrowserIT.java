package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 我的楼门 (双港镇) as its people use it with --demo: the street admin finds it enabled and sees every community's
 * ranking; a resident agrees to the convention, signs up for an activity and as a steward on the unit page (phone);
 * the unit's leader approves the new steward and records an overdue duty (phone); the secretary opens the steward's
 * account, prints the door poster with the convention and its count, and redeems points at the points shop; the
 * steward signs in and records a duty.
 */
class MyBuildingBrowserIT extends BrowserTest {

    static final String API = "/api/v1/streets/120112103/programmes/my-building";
    /** 港湾家园 2号楼2单元: the demo leader 白晓梅's unit. */
    static final String UNIT = "120112103001B002U02";
    static final String LEADER = "13900000005";

    static JsonNode household(String room) throws Exception {
        for (JsonNode h : platform.get("gangwan", API + "/units/" + UNIT + "/households")) {
            if (room.equals(h.get("room").asText())) {
                return h;
            }
        }
        throw new AssertionError("no room " + room);
    }

    @Test
    void aStreetAStewardALeaderAResidentAndTheSecretaryEachDoTheirPart() throws Exception {
        // the street admin: 我的楼门 is enabled for 双港镇 (--demo) and its page shows all the street's communities
        Browser desk = browser("my-building-street", Browser.DESKTOP);
        MyBuildingPage street = new MyBuildingPage(desk, platform);
        street.signIn("shuanggang");
        boolean enabled = false;
        for (JsonNode p : platform.get("shuanggang", "/api/v1/streets/120112103/programmes")) {
            enabled |= "my-building".equals(p.get("id").asText()) && p.get("enabled").asBoolean();
        }
        assertTrue(enabled, "enabled for 双港镇 by --demo");
        street.go("/programmes");
        street.waitFor("我的楼门");
        desk.shot("1-programmes");
        street.openFromMenu();
        assertEquals("STAFF", street.actor());
        street.tab("ranking");
        for (String community : new String[] { "120112103001", "120112103002", "120112103003" }) {
            desk.find(By.cssSelector("[data-testid=mb-ranking-" + community + "]"));
        }
        desk.shot("2-street-ranking");
        desk.assertAccessible("ranking of the street");

        // a resident of room 401, on the phone: agrees to the convention, signs up for an activity and as a steward
        String code = household("401").get("code").asText();
        Browser phone = browser("my-building-resident", Browser.PHONE);
        MyBuildingPage resident = new MyBuildingPage(phone, platform).resident(UNIT);
        String before = resident.agreedCount();
        phone.shot("3-unit-page");
        phone.assertAccessible("unit page with 我的楼门");
        resident.agree("ZZZZ-ZZZZ"); // not this household's code: said in words, nothing counted
        phone.waitForText("户码不对");
        assertEquals(before, resident.agreedCount());
        resident.agree(code);
        resident.textOf("mb-agree-done");
        JsonNode page = platform.anonymous("GET", "/api/v1/public" + API.substring(7) + "/units/" + UNIT, null, 200);
        long agreed = page.get("convention").get("agreed").asLong();
        assertTrue(phone.text().contains("已有 " + agreed + " 户同意"), phone.text());
        resident.pressFirst("mb-signup-open-");
        resident.type("mb-signup-code", code);
        resident.type("mb-signup-people", "2");
        resident.press("mb-signup");
        resident.textOf("mb-signup-done");
        resident.press("mb-apply-open");
        resident.type("mb-apply-code", code);
        resident.type("mb-apply-name", "钱晓东");
        resident.press("mb-apply");
        resident.textOf("mb-apply-done");
        phone.shot("4-resident-done");
        assertTrue(!phone.text().contains(code.substring(0, 4) + "-"), "no household code on the public page");

        // the unit's leader, on the phone: approves the new steward, records an overdue duty as done
        Browser leaderPhone = browser("my-building-leader", Browser.PHONE);
        MyBuildingPage leader = new MyBuildingPage(leaderPhone, platform);
        leader.open("/login");
        leader.submitSignIn(LEADER, platform.password(LEADER));
        if (platform.firstPassword(LEADER)) {
            leader.changePassword(platform.password(LEADER), Platform.NEW_PASSWORD);
            platform.passwordChanged(LEADER);
        }
        leaderPhone.wait.until(d -> d.getCurrentUrl().contains("#/workspace"));
        leader.openPage();
        assertEquals("LEADER", leader.actor());
        leader.tab("overview");
        leaderPhone.find(By.cssSelector("[data-testid=mb-overdue]"));
        leaderPhone.shot("5-leader-overview");
        leaderPhone.assertAccessible("leader's overview");
        leader.tab("stewards");
        leader.waitInPage("钱晓东");
        long applicant = -1;
        for (JsonNode s : platform.get("gangwan", API + "/units/" + UNIT + "/stewards")) {
            if ("钱晓东".equals(s.get("name").asText())) {
                applicant = s.get("id").asLong();
                assertEquals("PENDING", s.get("status").asText());
            }
        }
        leader.press("mb-approve-" + applicant);
        long approved = applicant;
        leaderPhone.wait.until(d -> d.findElements(By.cssSelector("[data-testid='mb-approve-" + approved + "']")).isEmpty());
        leaderPhone.shot("6-leader-approved");
        leader.tab("duties");
        long overdue = platform.get(LEADER, API + "/duties/overdue").get(0).get("id").asLong();
        leader.press("mb-done-" + overdue);
        leaderPhone.wait.until(d -> d.findElements(By.cssSelector("[data-testid='mb-done-" + overdue + "']")).isEmpty());
        leaderPhone.shot("7-leader-duty-done");

        // the secretary: opens the new steward's account, redeems points of room 201 at the points shop
        Browser secDesk = browser("my-building-secretary", Browser.DESKTOP);
        MyBuildingPage secretary = new MyBuildingPage(secDesk, platform);
        secretary.signIn("gangwan");
        secretary.openFromMenu().unit(UNIT).tab("stewards");
        secretary.press("mb-account-" + applicant);
        String username = secretary.textOf("mb-account").replaceAll("(?s).*用户名：(\\S+?)；.*", "$1");
        String temporary = secretary.textOf("mb-account-password");
        secDesk.shot("8-secretary-account");
        // the door poster prints the convention and its count (我的楼门's band)
        secretary.open("/print/poster/" + UNIT);
        String printed = secDesk.find(By.cssSelector("[data-testid=mb-poster-agreed]")).getText();
        assertTrue(printed.contains("已有 " + agreed + " 户同意"), printed);
        secDesk.shot("8b-poster");
        secretary.openPage().unit(UNIT); // the print preview has no menu: back to the page by its address
        JsonNode room201 = household("201");
        long balance = room201.get("points").asLong();
        secretary.tab("shop");
        secretary.select("mb-redeem-item").selectByIndex(1);
        String item = secretary.select("mb-redeem-item").getFirstSelectedOption().getText();
        int price = Integer.parseInt(item.replaceAll("^.*（(\\d+) 分.*$", "$1"));
        secretary.select("mb-redeem-household").selectByValue(room201.get("id").asText());
        secretary.press("mb-redeem");
        secDesk.waitForText("已兑换");
        assertEquals(balance - price, household("201").get("points").asLong(), "the points went");
        secDesk.shot("9-secretary-shop");
        secDesk.assertAccessible("points shop");

        // the steward: signs in with the account, lands on the street's programmes, records a duty of the unit
        Browser stewardPhone = browser("my-building-steward", Browser.PHONE);
        MyBuildingPage steward = new MyBuildingPage(stewardPhone, platform);
        steward.open("/login");
        steward.submitSignIn(username, temporary);
        steward.changePassword(temporary, Platform.NEW_PASSWORD);
        stewardPhone.wait.until(d -> d.getCurrentUrl().contains("#/workspace/programmes"));
        steward.tap(By.cssSelector("[data-testid=ws-programmes] a[href*='my-building']"));
        stewardPhone.find(By.cssSelector("[data-testid=mb-page]"));
        assertEquals("STEWARD", steward.actor());
        steward.tab("duties");
        stewardPhone.wait.until(d -> !steward.all("mb-done-").isEmpty());
        String first = steward.all("mb-done-").get(0).getAttribute("data-testid");
        steward.press(first);
        stewardPhone.wait.until(d -> d.findElements(By.cssSelector("[data-testid='" + first + "']")).isEmpty());
        stewardPhone.shot("10-steward-duty");
        stewardPhone.assertAccessible("steward's duties");
    }
}
