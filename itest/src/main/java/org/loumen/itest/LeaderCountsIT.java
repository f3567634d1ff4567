package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.osgi.framework.ServiceReference;

/**
 * The leader counts district-wide figures use (issue 17, city scale): a grouped count per community agrees with the
 * leaders it counts, and the communities of a few named leaders agree with the whole scope's read — scope, street and
 * statuses alike (on Derby, a wide scope is one pass over the table; the named leaders are found by primary key).
 */
class LeaderCountsIT extends PlatformTest {

    private static LeaderService leaders() {
        ServiceReference<LeaderService> ref = ownContext().getServiceReference(LeaderService.class);
        return ownContext().getService(ref);
    }

    private static final Set<LeaderStatus> SERVING = EnumSet.of(LeaderStatus.CERTIFIED, LeaderStatus.IN_SERVICE,
            LeaderStatus.SUSPENDED);

    @Test
    void countsPerCommunityAgreeWithTheLeadersCounted() {
        LeaderService service = leaders();
        for (Set<String> scopes : List.of(Set.of(DISTRICT), Set.of(SHUANGGANG), Set.of(GANGWAN),
                Set.of(GANGWAN, SHUANGXIN), Set.<String>of())) {
            for (LeaderQuery q : List.of(LeaderQuery.inStatus(null, SERVING), LeaderQuery.of(null, null, null),
                    LeaderQuery.inStatus(SHUANGGANG, SERVING), LeaderQuery.of(null, GANGWAN, null),
                    LeaderQuery.inStatus(null, Set.of()))) {
                Map<String, Long> expected = new TreeMap<>();
                service.communities(scopes, q).values().forEach(c -> expected.merge(c, 1L, Long::sum));
                assertEquals(expected, service.countsByCommunity(scopes, q), scopes + " " + q);
            }
        }
        long serving = service.countsByCommunity(Set.of(DISTRICT), LeaderQuery.inStatus(null, SERVING)).values()
                .stream().mapToLong(Long::longValue).sum();
        assertTrue(serving > 0, "the demo has serving leaders");
        assertEquals(service.count(Set.of(DISTRICT), LeaderQuery.inStatus(null, SERVING)), serving);
    }

    @Test
    void theNamedLeadersOnlyWithinScopeAndMatching() {
        LeaderService service = leaders();
        SortedMap<Long, String> all = service.communities(Set.of(DISTRICT), LeaderQuery.of(null, null, null));
        List<Long> among = new ArrayList<>();
        int i = 0;
        for (Long id : all.keySet()) {
            if (i++ % 3 == 0) {
                among.add(id);
            }
        }
        among.add(999_999_999L); // no such leader
        assertFalse(among.isEmpty());
        for (Set<String> scopes : List.of(Set.of(DISTRICT), Set.of(SHUANGGANG), Set.of(GANGWAN), Set.<String>of())) {
            for (LeaderQuery q : List.of(LeaderQuery.inStatus(null, SERVING), LeaderQuery.of(null, null, null),
                    LeaderQuery.inStatus(SHUANGGANG, SERVING), LeaderQuery.of(null, GANGWAN, null))) {
                SortedMap<Long, String> expected = new TreeMap<>(service.communities(scopes, q));
                expected.keySet().retainAll(Set.copyOf(among));
                assertEquals(expected, service.communities(scopes, q, among), scopes + " " + q);
            }
        }
        assertEquals(Map.of(), service.communities(Set.of(DISTRICT), LeaderQuery.of(null, null, null), List.of()));
    }

    /**
     * A page longer than one read of ids ({@code LeaderQueries.IDS_PER_READ}, 1,000) has every leader once, in the
     * page's order: an award round of a district read its leaders in one such page, and Derby refused a list of
     * 100,000 ids as too complex (a 500).
     */
    @Test
    void aPageLongerThanOneReadOfIdsHasEveryLeaderOnceInOrder() throws Exception {
        StringBuilder csv = new StringBuilder("street,community,building,unit,role,name,gender,birth_date,education,"
                + "party_member,phone,nomination\n");
        for (int i = 0; i < 2_100; i++) {
            csv.append("八里台镇,长页测试社区,").append(i / 5 + 1).append("号楼,").append(i % 5 + 1).append("单元,楼门长,长页")
                    .append(String.format("%04d", 2_099 - i)).append(",女,1970-01-01,高中,否,1987")
                    .append(String.format("%07d", i)).append(",自荐\n");
        }
        Http.Response imported = admin().upload("/api/v1/imports/leaders", csv.toString());
        assertEquals(200, imported.status(), imported.body());
        LeaderService service = leaders();
        String community = null;
        for (Leader l : service.find(Set.of(AwardIT.BALITAI), LeaderQuery.of(null, null, "长页0000"), 1, 1, "name").items()) {
            community = l.community();
        }
        assertTrue(community != null);
        List<Leader> page = service.find(Set.of(community), LeaderQuery.of(null, community, null), 1, 100_000,
                "name").items();
        assertEquals(2_100, page.size());
        for (int i = 0; i < page.size(); i++) {
            assertEquals("长页" + String.format("%04d", i), page.get(i).name());
        }
        assertEquals(2_100, page.stream().map(Leader::id).distinct().count());
    }
}
