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
