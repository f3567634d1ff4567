package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The household listing paged by key (issue 17, city scale): {@code next} and {@code after=} walk the same rows in
 * the same order as page numbers, each once, also while households are added between the pages; the caller's scope
 * holds whatever the cursor says; a cursor the listing did not give out is a 400 naming {@code after}. On Derby and on
 * PostgreSQL alike.
 */
class HouseholdKeysetIT extends PlatformTest {

    static final String BALITAI = "120112107";

    /** One household as seen in the listing: id, unit, room. */
    record Row(long id, String unit, String room) {
        String key() {
            return unit + "\n" + room;
        }
    }

    private static JsonNode page(Http caller, String path) throws Exception {
        Http.Response r = caller.get(path);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<Row> rows(JsonNode page) {
        List<Row> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(new Row(i.get("id").asLong(), i.get("unit").asText(),
                i.get("room").asText())));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every row by page numbers, 200 a page. */
    private static List<Row> byNumber(Http caller, String query) throws Exception {
        List<Row> out = new ArrayList<>();
        for (int n = 1;; n++) {
            List<Row> page = rows(page(caller, "/api/v1/households?size=200&page=" + n + query));
            out.addAll(page);
            if (page.size() < 200) {
                return out;
            }
        }
    }

    /** Every row by cursor, {@code size} a page; the last page (and only it) has no next. */
    private static List<Row> byCursor(Http caller, String query, int size) throws Exception {
        List<Row> out = new ArrayList<>();
        String after = null;
        for (int pages = 0;; pages++) {
            assertTrue(pages < 10_000, "the walk never ended");
            JsonNode page = page(caller, "/api/v1/households?size=" + size + query
                    + (after == null ? "" : "&after=" + enc(after)));
            List<Row> rows = rows(page);
            out.addAll(rows);
            if (page.get("next").isNull()) {
                assertTrue(rows.size() <= size);
                return out;
            }
            assertEquals(size, rows.size(), "a page with a next is full");
            after = page.get("next").asText();
        }
    }

    private static void assertOrderedOnce(List<Row> rows) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(ids.add(rows.get(i).id()), "twice: " + rows.get(i));
            if (i > 0) {
                Row a = rows.get(i - 1);
                Row b = rows.get(i);
                int c = a.unit().compareTo(b.unit());
                assertTrue(c < 0 || c == 0 && a.room().compareTo(b.room()) < 0, a + " before " + b);
            }
        }
    }

    @Test
    void theCursorWalksTheSameRowsAsPageNumbers() throws Exception {
        Http admin = admin();
        List<Row> numbered = byNumber(admin, "");
        assertTrue(numbered.size() > 20, "the demo has households");
        List<Row> keyed = byCursor(admin, "", 7);
        assertOrderedOnce(keyed);
        assertEquals(numbered, keyed);
        // a numbered page also gives the cursor of the page after it
        JsonNode second = page(admin, "/api/v1/households?size=5&page=2");
        assertNotNull(second.get("next").textValue());
        assertEquals(numbered.subList(10, 15), rows(page(admin, "/api/v1/households?size=5&after="
                + enc(second.get("next").asText()))));
        // filters go with the cursor: a community's walk is the district's rows of that community
        List<Row> community = byCursor(admin, "&community=" + GANGWAN, 3);
        assertFalse(community.isEmpty());
        assertEquals(numbered.stream().filter(r -> r.unit().startsWith(GANGWAN)).toList(), community);
        // the other listings page by number only
        JsonNode leaders = page(admin, "/api/v1/leaders?size=2");
        assertTrue(leaders.path("next").isMissingNode() || leaders.get("next").isNull(), leaders.toString());
    }

    /**
     * Households added between the pages, before the cursor and after it: every household there at the start is
     * answered exactly once, in order; one added after the cursor is answered when reached, one added before is not.
     */
    @Test
    void noRowIsSkippedOrRepeatedWhileRowsAreAdded() throws Exception {
        Http admin = admin();
        String community = testCommunity(admin);
        List<Row> before = byNumber(admin, "&community=" + community);
        assertEquals(30, before.size());
        String firstUnit = before.get(0).unit();
        String lastUnit = before.get(before.size() - 1).unit();
        List<Row> walked = new ArrayList<>();
        Set<String> addedAhead = new HashSet<>();
        Set<String> addedBehind = new HashSet<>();
        String after = null;
        int added = 0;
        for (int pages = 0;; pages++) {
            assertTrue(pages < 1_000);
            JsonNode page = page(admin, "/api/v1/households?size=4&community=" + community
                    + (after == null ? "" : "&after=" + enc(after)));
            walked.addAll(rows(page));
            if (page.get("next").isNull()) {
                break;
            }
            after = page.get("next").asText();
            // one household behind the walk (first unit, a room before every other) and one ahead (last unit, after)
            // rooms in increasing order: each one ahead sorts after every one added before it
            String tag = String.format("%03d", added++);
            String behind = "0" + tag;
            String ahead = "Z" + tag;
            for (String[] h : new String[][] { { firstUnit, behind }, { lastUnit, ahead } }) {
                Http.Response created = admin.json("POST", "/api/v1/units/" + h[0] + "/households", Map.of(
                        "room", h[1], "headName", "插入户" + added, "members", 2));
                assertEquals(201, created.status(), created.body());
            }
            addedBehind.add(firstUnit + "\n" + behind);
            addedAhead.add(lastUnit + "\n" + ahead);
        }
        assertOrderedOnce(walked);
        Set<String> keys = new HashSet<>();
        walked.forEach(r -> keys.add(r.key()));
        before.forEach(r -> assertTrue(keys.contains(r.key()), "skipped: " + r));
        assertTrue(keys.containsAll(addedAhead), "the households added ahead of the walk are answered when reached");
        addedBehind.forEach(k -> assertFalse(keys.contains(k), "behind the cursor: " + k));
        assertEquals(before.size() + addedAhead.size(), walked.size());
    }

    /** A community of its own (3 units of 10 households), so that the households added here change no other test. */
    private static String testCommunity(Http admin) throws Exception {
        StringBuilder csv = new StringBuilder("street,community,building,unit,room,head_name,members,phone,"
                + "special_groups\n");
        for (int unit = 1; unit <= 3; unit++) {
            for (int room = 101; room <= 110; room++) {
                csv.append("八里台镇,键集测试社区,1号楼,").append(unit).append("单元,").append(room).append(",住户")
                        .append(unit).append(room).append(",2,,\n");
            }
        }
        Http.Response imported = admin.upload("/api/v1/imports/households", csv.toString());
        assertEquals(200, imported.status(), imported.body());
        for (JsonNode c : admin.get("/api/v1/streets/" + BALITAI + "/communities").json()) {
            if (c.get("name").asText().equals("键集测试社区")) {
                return c.get("code").asText();
            }
        }
        throw new AssertionError("the community was not created");
    }

    @Test
    void theScopeHoldsWhateverTheCursorSays() throws Exception {
        Http admin = admin();
        Http secretary = user("hk-gangwan", "COMMUNITY_SECRETARY", GANGWAN);
        List<Row> mine = byCursor(secretary, "", 5);
        assertFalse(mine.isEmpty());
        mine.forEach(r -> assertTrue(r.unit().startsWith(GANGWAN), r.toString()));
        assertEquals(byCursor(admin, "&community=" + GANGWAN, 5), mine);
        // a cursor from another community (read by the district's admin) leads the secretary to no one else's rows
        JsonNode other = page(admin, "/api/v1/households?size=1&community=" + XINHUALI);
        String foreign = other.get("next").textValue();
        if (foreign != null) {
            page(secretary, "/api/v1/households?size=50&after=" + enc(foreign)).get("items")
                    .forEach(i -> assertEquals(GANGWAN, i.get("community").asText(), i.toString()));
        }
        // a forged cursor at the very start of the district: still only the secretary's community
        String start = Base64.getUrlEncoder().withoutPadding().encodeToString(("h1:" + "120112000000B000U00\n0")
                .getBytes(StandardCharsets.UTF_8));
        page(secretary, "/api/v1/households?size=200&after=" + start).get("items")
                .forEach(i -> assertEquals(GANGWAN, i.get("community").asText(), i.toString()));
        assertEquals(404, secretary.get("/api/v1/households?community=" + XINHUALI + "&after=" + start).status());
    }

    @Test
    void aCursorTheListingDidNotGiveIsRefusedNamingAfter() throws Exception {
        Http admin = admin();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (String bad : List.of("not-a-cursor!", "abc", b64.encodeToString("h1:nounit\n101".getBytes(
                StandardCharsets.UTF_8)), b64.encodeToString("x9:120112103001B001U01\n101".getBytes(
                        StandardCharsets.UTF_8)), b64.encodeToString("h1:120112103001B001U01\n".getBytes(
                                StandardCharsets.UTF_8)), b64.encodeToString(("h1:120112103001B001U01\n"
                                        + "x".repeat(21)).getBytes(StandardCharsets.UTF_8)))) {
            Http.Response r = admin.get("/api/v1/households?size=5&after=" + enc(bad));
            assertEquals(400, r.status(), bad + ": " + r.body());
            JsonNode error = r.json();
            assertEquals("after", error.get("field").asText(), r.body());
            assertEquals("invalid-field", error.get("error").asText(), r.body());
            assertTrue(error.get("message").asText().contains("after"), r.body());
        }
    }
}
