package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The leader and household listings' totals (issue 17, city scale): counted exactly up to the cap, "more than the cap"
 * ({@code totalCapped}) above it, pages still answered past it, and the caller's scope applied to the count as to the
 * rows. The cap is set low here through Config Admin (the shipped 10,000 needs a city of rows), on Derby and on
 * PostgreSQL alike.
 */
class ListingTotalsIT extends PlatformTest {

    @InjectService
    ConfigurationAdmin configAdmin;

    /** Every row of a listing, read a page of {@code size} at a time, by id (each page's total checked on the way). */
    private static Set<Long> all(Http caller, String listing, String query, int size) throws Exception {
        Set<Long> ids = new HashSet<>();
        for (int page = 1;; page++) {
            Http.Response r = caller.get("/api/v1/" + listing + "?size=" + size + "&page=" + page + query);
            assertEquals(200, r.status(), r.body());
            JsonNode items = r.json().get("items");
            items.forEach(i -> assertTrue(ids.add(i.get("id").asLong()), "twice: " + i));
            if (items.size() < size) {
                return ids;
            }
        }
    }

    private static JsonNode page(Http caller, String path) throws Exception {
        Http.Response r = caller.get(path);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void belowTheCapTotalsAreExactAndWithinTheCallersScope() throws Exception {
        Http admin = admin();
        for (String listing : new String[] { "leaders", "households" }) {
            JsonNode district = page(admin, "/api/v1/" + listing + "?size=3");
            assertFalse(district.get("totalCapped").asBoolean(), district.toString());
            assertEquals(all(admin, listing, "", 200).size(), district.get("total").asLong(), listing);
            JsonNode gangwan = page(admin, "/api/v1/" + listing + "?size=3&community=" + GANGWAN);
            assertFalse(gangwan.get("totalCapped").asBoolean());
            assertEquals(all(admin, listing, "&community=" + GANGWAN, 200).size(), gangwan.get("total").asLong());
            assertTrue(gangwan.get("total").asLong() > 0 && gangwan.get("total").asLong()
                    < district.get("total").asLong(), listing);
        }
        // a community's secretary: the count is of their community only, whatever the filter asks
        Http secretary = user("lt-gangwan", "COMMUNITY_SECRETARY", GANGWAN);
        for (String listing : new String[] { "leaders", "households" }) {
            JsonNode mine = page(secretary, "/api/v1/" + listing + "?size=200");
            mine.get("items").forEach(i -> assertEquals(GANGWAN, i.get("community").asText(), i.toString()));
            assertEquals(page(admin, "/api/v1/" + listing + "?size=1&community=" + GANGWAN).get("total"),
                    mine.get("total"), listing);
            assertEquals(404, secretary.get("/api/v1/" + listing + "?community=" + XINHUALI).status(), listing);
        }
    }

    /** The ids of a listing in its order, with their communities, a page of 200 at a time. */
    private static List<long[]> ordered(Http caller, String query) throws Exception {
        List<long[]> out = new ArrayList<>();
        for (int page = 1;; page++) {
            JsonNode items = page(caller, "/api/v1/leaders?size=200&page=" + page + query).get("items");
            items.forEach(i -> out.add(new long[] { i.get("id").asLong(), Long.parseLong(i.get("community").asText()) }));
            if (items.size() < 200) {
                return out;
            }
        }
    }

    /**
     * A district-wide page is read in the sort's own index (SortIndex, with Derby's index hint), a community's by the
     * query the optimizer plans: both give the same order, in every sort, and the district's pages every leader once.
     */
    @Test
    void theDistrictListAgreesWithACommunitysListInEverySort() throws Exception {
        Http admin = admin();
        long total = page(admin, "/api/v1/leaders?size=1").get("total").asLong();
        for (String sort : new String[] { "name", "-name", "birthDate", "-birthDate", "id", "-id" }) {
            List<long[]> district = ordered(admin, "&sort=" + sort);
            assertEquals(total, district.size(), sort);
            assertEquals(total, district.stream().map(x -> x[0]).distinct().count(), sort + ": each once");
            List<Long> inGangwan = district.stream().filter(x -> x[1] == Long.parseLong(GANGWAN)).map(x -> x[0])
                    .toList();
            List<Long> community = ordered(admin, "&sort=" + sort + "&community=" + GANGWAN).stream()
                    .map(x -> x[0]).toList();
            assertFalse(community.isEmpty());
            assertEquals(community, inGangwan, sort);
            if (sort.equals("id") || sort.equals("-id")) {
                List<Long> ids = district.stream().map(x -> x[0]).toList();
                List<Long> sorted = new ArrayList<>(ids);
                sorted.sort(sort.equals("id") ? null : java.util.Comparator.reverseOrder());
                assertEquals(sorted, ids, sort);
            }
        }
    }

    @Test
    void aboveTheCapThePageSaysMoreAndPagesOn() throws Exception {
        Http admin = admin();
        long leaders = page(admin, "/api/v1/leaders?size=1").get("total").asLong();
        long households = page(admin, "/api/v1/households?size=1").get("total").asLong();
        Configuration config = configAdmin.getConfiguration("org.loumen.core.model.listing", "?");
        try {
            config.update(new Hashtable<>(Map.of("countCap", 5)));
            long deadline = System.currentTimeMillis() + 10_000;
            while (!page(admin, "/api/v1/households?size=2").get("totalCapped").asBoolean()
                    || !page(admin, "/api/v1/leaders?size=2").get("totalCapped").asBoolean()) {
                assertTrue(System.currentTimeMillis() < deadline, "the cap of 5 never applied");
                Thread.sleep(50);
            }
            for (String listing : new String[] { "leaders", "households" }) {
                long exact = listing.equals("leaders") ? leaders : households;
                assertTrue(exact > 7, listing + ": the demo data has more than the cap");
                JsonNode first = page(admin, "/api/v1/" + listing + "?size=2");
                assertEquals(5, first.get("total").asLong(), listing);
                assertTrue(first.get("totalCapped").asBoolean(), listing);
                assertEquals(2, first.get("items").size());
                // a full page past the cap still says "more than 5"
                JsonNode past = page(admin, "/api/v1/" + listing + "?size=2&page=4");
                assertEquals(2, past.get("items").size());
                assertEquals(5, past.get("total").asLong());
                assertTrue(past.get("totalCapped").asBoolean());
                // paging on reaches every row once; the last, short page makes the total exact again
                assertEquals(exact, all(admin, listing, "", 3).size(), listing);
                long lastPage = (exact + 2) / 3;
                JsonNode last = page(admin, "/api/v1/" + listing + "?size=3&page=" + lastPage);
                if (exact % 3 != 0) {
                    assertEquals(exact, last.get("total").asLong(), listing);
                    assertFalse(last.get("totalCapped").asBoolean(), listing);
                }
                // below the cap a listing stays exact: a community with fewer rows than 5 (or the scope of one unit)
                JsonNode unitOnly = page(admin, "/api/v1/households?size=20&unit=" + GANGWAN + "B001U01");
                assertEquals(unitOnly.get("items").size() <= 5, !unitOnly.get("totalCapped").asBoolean());
            }
            // the scope still holds above the cap: the secretary's rows are of their community only
            Http secretary = user("lt-gangwan", "COMMUNITY_SECRETARY", GANGWAN);
            JsonNode mine = page(secretary, "/api/v1/households?size=200");
            mine.get("items").forEach(i -> assertEquals(GANGWAN, i.get("community").asText(), i.toString()));
        } finally {
            config.delete();
            long deadline = System.currentTimeMillis() + 10_000;
            while (page(admin, "/api/v1/households?size=2").get("totalCapped").asBoolean()
                    || page(admin, "/api/v1/leaders?size=2").get("totalCapped").asBoolean()) {
                assertTrue(System.currentTimeMillis() < deadline, "the default cap never came back");
                Thread.sleep(50);
            }
        }
        assertEquals(leaders, page(admin, "/api/v1/leaders?size=1").get("total").asLong());
        assertEquals(households, page(admin, "/api/v1/households?size=1").get("total").asLong());
    }
}
