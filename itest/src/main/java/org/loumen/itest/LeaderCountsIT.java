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
}
