package org.loumen.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The organisation tree: codes at every level, loaded as it is opened; a secretary adds a building and a unit (and
 * renames them where the platform can); a street admin adds a community and renames it past someone else's rename.
 */
class OrgBrowserIT extends BrowserTest {

    static final String STREET = "120112103";
    static final String COMMUNITY = "120112103001";

    OrgPage org;

    @BeforeAll
    static void settleAccounts() throws Exception {
        platform.settle("gangwan");
        platform.settle("shuanggang");
    }

    OrgPage signedIn(String user, TestInfo info) {
        browser("org-" + info.getTestMethod().orElseThrow().getName(), Browser.DESKTOP);
        org = new OrgPage(b, platform);
        org.signIn(user);
        return org.show();
    }

    @Test
    void aSecretaryPrintsTheDoorPostersOfAWholeBuilding(TestInfo info) throws Exception {
        String building = COMMUNITY + "B002";
        List<String> units = new ArrayList<>();
        for (JsonNode bd : platform.get("gangwan", "/api/v1/communities/" + COMMUNITY + "/buildings")) {
            if (building.equals(bd.get("code").asText())) {
                bd.get("units").forEach(u -> units.add(u.get("code").asText()));
            }
        }
        assertTrue(units.size() >= 2, "the demo building has several units: " + units);
        signedIn("gangwan", info);
        org.expand(building).waitNode(units.get(0)).select(building);
        b.click(By.cssSelector("[data-testid='print-posters']"));
        b.wait.until(d -> d.findElements(By.cssSelector("[data-testid='poster'] svg.qr")).size() == units.size());
        List<WebElement> posters = b.driver.findElements(By.cssSelector("[data-testid='poster']"));
        assertEquals(units, posters.stream().map(p -> p.getAttribute("data-unit")).toList(), "one poster a unit, in order");
        // each poster's QR code opens its own unit's page: the first read back from the page's pixels, every one
        // drawn for its own unit's address (a code of its own)
        assertEquals(platform.base() + "/u/" + units.get(0),
                Qr.read(b.driver, posters.get(0).findElement(By.cssSelector("svg.qr"))));
        List<String> paths = new ArrayList<>();
        for (WebElement poster : posters) {
            WebElement qr = poster.findElement(By.cssSelector("svg.qr"));
            assertEquals(platform.base() + "/u/" + poster.getAttribute("data-unit"), qr.getAttribute("data-qr"));
            paths.add(qr.findElement(By.cssSelector("path")).getAttribute("d"));
        }
        assertEquals(paths.size(), paths.stream().distinct().count(), "each poster has a code of its own");
        assertTrue(b.text().contains("楼门公示牌"), "Chinese title on every poster");
        b.shot("posters");
    }

    @Test
    void aSecretaryAddsABuildingAndAUnit(TestInfo info) throws Exception {
        signedIn("gangwan", info);
        // opened down to the secretary's community, with codes at every level
        org.waitNode(COMMUNITY + "B001");
        assertEquals(List.of("120112", STREET, COMMUNITY), org.codes().subList(0, 3));
        assertTrue(org.codes().contains(COMMUNITY + "B002"), org.codes().toString());
        assertEquals(COMMUNITY, org.selected());
        // expand a building: its units and their codes; collapse again
        org.expand(COMMUNITY + "B001").waitNode(COMMUNITY + "B001U01");
        assertEquals("1单元", org.label(COMMUNITY + "B001U01"));
        org.toggle(COMMUNITY + "B001");
        b.wait.until(d -> !org.shows(COMMUNITY + "B001U01"));
        b.shot("1-tree");
        b.assertAccessible("organisation tree");

        // a secretary adds buildings, not communities, and does not rename the community
        assertEquals(List.of("building"), org.actions());
        org.action("building").type("label", "7号楼").save();
        String building = org.selected();
        assertTrue(building.matches(COMMUNITY + "B\\d{3}"), building);
        assertEquals("7号楼", org.label(building));
        org.action("unit").type("label", "1单元").save();
        String unit = org.selected();
        assertEquals(building + "U01", unit);
        assertEquals("1单元", org.label(unit));
        b.shot("2-added");
        JsonNode stored = platform.get("gangwan", "/api/v1/communities/" + COMMUNITY + "/buildings");
        assertTrue(stored.toString().contains(unit), stored.toString());

        // renaming buildings and units needs the platform's rename routes (a version on each building)
        org.select(building);
        boolean renames = stored.get(0).has("version");
        assertEquals(renames, org.actions().contains("rename"), org.actions().toString());
        if (renames) {
            org.action("rename").type("name", "7号楼（东）").save();
            b.wait.until(d -> "7号楼（东）".equals(org.label(building)));
            org.select(unit).action("rename").type("name", "东单元").save();
            b.wait.until(d -> "东单元".equals(org.label(unit)));
            b.shot("3-renamed");
        }
    }

    @Test
    void aStreetAdminAddsACommunityAndRenamesItPastAnotherRename(TestInfo info) throws Exception {
        signedIn("shuanggang", info);
        org.waitNode(COMMUNITY);
        assertEquals(STREET, org.selected());
        assertEquals(List.of("community"), org.actions());
        org.action("community");
        assertEquals("004", org.value("segment")); // the next free code after the demo's 001-003
        org.type("name", "滨河苑社区").save();
        assertFalse(org.formOpen());
        String community = STREET + "004";
        assertEquals(community, org.selected());
        assertEquals("滨河苑社区", org.label(community));
        b.shot("1-community-added");

        assertEquals(List.of("rename", "building"), org.actions());
        org.action("rename").type("name", "滨河苑社区（一期）");
        // meanwhile someone else renames it
        JsonNode c = platform.get("shuanggang", "/api/v1/communities/" + community);
        platform.put("shuanggang", "/api/v1/communities/" + community, Map.of("name", "滨河苑", "version",
                c.get("version").asLong()), 200);
        org.save();
        String stale = org.stale();
        assertTrue(stale.contains("滨河苑") && stale.contains("第 2 版"), stale);
        b.shot("2-stale");
        b.assertAccessible("stale rename");
        org.save();
        assertFalse(org.formOpen());
        b.wait.until(d -> "滨河苑社区（一期）".equals(org.label(community)));
        assertEquals("滨河苑社区（一期）", platform.get("shuanggang", "/api/v1/communities/" + community).get("name")
                .asText());
    }
}
