package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Households and their special-group tags: the community's secretary, who organises care visits, sees and filters
 * them and edits households; a street admin sees the same households without any tag, because the API gives none.
 */
class HouseholdsBrowserIT extends BrowserTest {

    static final String COMMUNITY = "120112103001";

    HouseholdsPage page;

    @BeforeAll
    static void settleAccounts() throws Exception {
        platform.settle("gangwan");
        platform.settle("shuanggang");
    }

    HouseholdsPage signedIn(String user, TestInfo info) {
        browser("households-" + info.getTestMethod().orElseThrow().getName(), Browser.DESKTOP);
        page = new HouseholdsPage(b, platform);
        page.signIn(user);
        return page;
    }

    @Test
    void theSecretarySeesFiltersAndEditsTags(TestInfo info) throws Exception {
        signedIn("gangwan", info).show("");
        assertTrue(page.headings().contains("特殊群体"), page.headings().toString());
        b.wait.until(d -> page.tags().contains("残疾人"));
        b.shot("1-list");
        b.assertAccessible("households (secretary)");

        assertTrue(page.canFilterByGroup());
        page.filter("group", "DISABLED");
        page.rowsWhen(t -> !t.isEmpty() && t.stream().allMatch(r -> r.contains("残疾人")));
        assertTrue(b.driver.getCurrentUrl().contains("group=DISABLED"));

        // edit: one more member, and a tag
        page.edit("于春生");
        assertTrue(page.formHasTags());
        page.type("members", "6").tick("ELDERLY_LIVING_ALONE").save();
        b.wait.until(d -> !page.formOpen());
        assertTrue(page.shown().contains("6") && page.shown().contains("独居老人"), page.shown());
        JsonNode h = platform.get("gangwan", "/api/v1/households?community=" + COMMUNITY + "&group=DISABLED")
                .get("items").get(0);
        assertEquals(6, h.get("members").asInt());
        assertTrue(h.get("specialGroups").toString().contains("ELDERLY_LIVING_ALONE"), h.toString());
        b.shot("2-edited");

        // add a household to a unit
        page.show("community=" + COMMUNITY + "&unit=" + COMMUNITY + "B001U02");
        page.add().type("room", "502").type("headName", "沈桂芳").type("members", "2").type("phone", "13812345670")
                .tick("EMPTY_NEST_ELDERLY").save();
        b.wait.until(d -> !page.formOpen());
        page.rowsWhen(t -> t.stream().anyMatch(r -> r.contains("沈桂芳")));
        b.shot("3-added");
    }

    /**
     * A district-wide list of more than 10,000 households is counted only up to 10,000 (the API's totalCapped): the
     * pager says 超过 1 万 and still pages on with next and previous — next by the API's cursor, previous back to the
     * cursor the page was read by — on a desktop and on a phone (there a page number from the address, by OFFSET).
     */
    @Test
    void aListOfMoreThanTenThousandSaysSoAndPagesOn(TestInfo info) throws Exception {
        StringBuilder csv = new StringBuilder("street,community,building,unit,room,head_name,members,phone,"
                + "special_groups\n");
        for (int building = 1; building <= 10; building++) {
            for (int unit = 1; unit <= 5; unit++) {
                for (int room = 1; room <= 201; room++) {
                    csv.append("双新街道,万户测试社区,").append(building).append("号楼,").append(unit).append("单元,")
                            .append(room).append(",户主").append(building).append('-').append(unit).append('-')
                            .append(room).append(",2,,\n");
                }
            }
        }
        assertEquals(10_050, platform.postCsv("admin", "/api/v1/imports/households", csv.toString(), 200)
                .get("imported").asInt());
        JsonNode district = platform.get("admin", "/api/v1/households?size=20");
        assertEquals(10_000, district.get("total").asLong());
        assertTrue(district.get("totalCapped").asBoolean(), district.toString());
        JsonNode community = platform.get("admin", "/api/v1/households?size=20&community=" + COMMUNITY);
        assertFalse(community.get("totalCapped").asBoolean(), community.toString());

        browser("households-capped", Browser.DESKTOP);
        page = new HouseholdsPage(b, platform);
        page.signIn("admin");
        page.show("");
        b.wait.until(d -> page.pagerTotal().contains("超过 1 万"));
        assertEquals("第 1 页", page.pagerPage());
        assertTrue(page.canTurnNext());
        page.showPager();
        b.shot("capped-1");
        List<String> first = page.rowsWhen(t -> !t.isEmpty());
        page.turn(true);
        b.wait.until(d -> page.pagerPage().equals("第 2 页"));
        List<String> second = page.rowsWhen(t -> !t.isEmpty() && !t.equals(first));
        assertEquals(20, second.size());
        assertTrue(b.driver.getCurrentUrl().contains("page=2"), b.driver.getCurrentUrl());
        // next goes by the API's cursor (after=…, read from the index at the key), not by OFFSET
        assertTrue(b.driver.getCurrentUrl().contains("after="), b.driver.getCurrentUrl());
        page.turn(true);
        b.wait.until(d -> page.pagerPage().equals("第 3 页"));
        List<String> third = page.rowsWhen(t -> t.size() == 20 && !t.equals(second));
        assertTrue(third.stream().noneMatch(second::contains) && third.stream().noneMatch(first::contains));
        b.shot("capped-3");
        // back by the cursor each page was read by: the same rows again
        page.turn(false);
        b.wait.until(d -> page.pagerPage().equals("第 2 页"));
        page.rowsWhen(t -> t.equals(second));
        page.turn(false);
        b.wait.until(d -> page.pagerPage().equals("第 1 页"));
        page.rowsWhen(t -> t.equals(first));
        assertFalse(b.driver.getCurrentUrl().contains("after="), b.driver.getCurrentUrl());
        b.assertAccessible("households (more than 10,000)");

        browser("households-capped-phone", Browser.PHONE);
        page = new HouseholdsPage(b, platform);
        page.signIn("admin");
        page.show("page=3");
        b.wait.until(d -> page.pagerTotal().contains("超过 1 万") && page.pagerPage().equals("第 3 页"));
        assertTrue(page.canTurnNext());
        page.showPager();
        b.shot("capped-phone");
    }

    @Test
    void aStreetAdminSeesNoTags(TestInfo info) throws Exception {
        JsonNode api = platform.get("shuanggang", "/api/v1/households?community=" + COMMUNITY + "&size=200");
        api.get("items").forEach(h -> assertTrue(h.get("specialGroups").isNull(), h.toString()));
        signedIn("shuanggang", info).show("community=" + COMMUNITY);
        assertFalse(page.headings().contains("特殊群体"), page.headings().toString());
        assertEquals(List.of(), page.tags());
        assertFalse(page.canFilterByGroup());
        for (String tag : List.of("残疾人", "空巢老人", "困境儿童", "低保")) {
            assertFalse(b.text().contains(tag), tag);
        }
        // the same households are there
        page.rowsWhen(t -> t.stream().anyMatch(r -> r.contains("于春生")));
        page.edit("于春生");
        assertFalse(page.formHasTags());
        b.shot("street-admin");
        b.assertAccessible("households (street admin)");
    }
}
