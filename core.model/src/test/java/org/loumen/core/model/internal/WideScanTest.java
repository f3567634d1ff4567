package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderStatus;

/** Wide reads of leaders as plain SQL: the scope, street, community and statuses as the listings have them (real Derby). */
class WideScanTest {

    private static Connection derby(String name) throws SQLException {
        return MemoryDerby.open(name, "CREATE TABLE MDL_LEADER (ID BIGINT NOT NULL PRIMARY KEY, STREET VARCHAR(9) "
                + "NOT NULL, COMMUNITY VARCHAR(12) NOT NULL, STATUS VARCHAR(16) NOT NULL)",
                "CREATE INDEX MDL_LEADER_COMMUNITY ON MDL_LEADER (COMMUNITY)",
                "INSERT INTO MDL_LEADER VALUES (1, '120112107', '120112107001', 'IN_SERVICE'), "
                        + "(2, '120112107', '120112107001', 'RETIRED'), (3, '120112107', '120112107002', 'CERTIFIED'), "
                        + "(4, '120112002', '120112002001', 'IN_SERVICE'), (5, '120112002', '120112002001', 'SUSPENDED')");
    }

    private static Map<String, Long> counts(Connection c, Set<String> scopes, LeaderQuery f) throws SQLException {
        WideScan.Sql sql = WideScan.leaders("COMMUNITY, COUNT(*)", scopes, f, " GROUP BY COMMUNITY");
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement p = sql.prepare(c); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), r.getLong(2));
            }
        }
        return out;
    }

    @Test
    void aStreetOrWiderIsOnePassOverTheTableACommunityKeepsItsIndex() {
        assertTrue(WideScan.wide(Set.of("120112"), null));
        assertTrue(WideScan.wide(Set.of("120112107", "120112002"), null));
        assertFalse(WideScan.wide(Set.of("120112"), "120112107001"), "one community: its index");
        assertFalse(WideScan.wide(Set.of("120112107001"), null), "a secretary's community: its index");
        assertFalse(WideScan.wide(Set.of(), null));
        String sql = WideScan.leaders("ID", Set.of("120112"), LeaderQuery.of(null, null, null), "").text();
        assertTrue(sql.contains("--DERBY-PROPERTIES index=NULL\n"), sql);
        assertFalse(WideScan.leaders("ID", Set.of("120112"), LeaderQuery.of(null, "120112107001", null), "").text()
                .contains("DERBY-PROPERTIES"));
        assertThrows(IllegalArgumentException.class, () -> WideScan.leaders("ID", Set.of("120112"),
                LeaderQuery.of(null, null, "王"), ""), "a filter it does not read is refused, never dropped");
    }

    @Test
    void countsFollowScopeStreetCommunityAndStatuses() throws SQLException {
        try (Connection c = derby("wide-scan")) {
            Set<LeaderStatus> serving = EnumSet.of(LeaderStatus.CERTIFIED, LeaderStatus.IN_SERVICE,
                    LeaderStatus.SUSPENDED);
            assertEquals(Map.of("120112107001", 1L, "120112107002", 1L, "120112002001", 2L),
                    counts(c, Set.of("120112"), LeaderQuery.inStatus(null, serving)));
            assertEquals(Map.of("120112107001", 2L, "120112107002", 1L, "120112002001", 2L),
                    counts(c, Set.of("120112"), LeaderQuery.of(null, null, null)), "no status filter: everyone");
            assertEquals(Map.of("120112002001", 2L), counts(c, Set.of("120112"), LeaderQuery.inStatus("120112002",
                    serving)), "the street filter");
            assertEquals(Map.of("120112107001", 1L), counts(c, Set.of("120112107001"), LeaderQuery.inStatus(null,
                    serving)), "a community's scope");
            assertEquals(Map.of("120112107001", 1L, "120112002001", 2L), counts(c,
                    Set.of("120112107001", "120112002"), LeaderQuery.inStatus(null, serving)), "two scopes");
            assertEquals(Map.of(), counts(c, Set.of(), LeaderQuery.of(null, null, null)), "no scope: nothing");
            assertEquals(Map.of(), counts(c, Set.of("120112"), LeaderQuery.inStatus(null, Set.of())),
                    "an empty status set: nothing");
            assertEquals(List.of("120112107001"), List.copyOf(counts(c, Set.of("120112"),
                    LeaderQuery.of(null, "120112107001", null)).keySet()));
        }
    }

    @Test
    void theRowFilterKeepsWhatTheSqlSelects() throws SQLException {
        Set<LeaderStatus> serving = EnumSet.of(LeaderStatus.CERTIFIED, LeaderStatus.IN_SERVICE, LeaderStatus.SUSPENDED);
        List<Map.Entry<Set<String>, LeaderQuery>> cases = List.of(
                Map.entry(Set.of("120112"), LeaderQuery.inStatus(null, serving)),
                Map.entry(Set.of("120112"), LeaderQuery.of(null, null, null)),
                Map.entry(Set.of("120112"), LeaderQuery.inStatus("120112002", serving)),
                Map.entry(Set.of("120112107001", "120112002"), LeaderQuery.inStatus(null, serving)),
                Map.entry(Set.of("120112"), LeaderQuery.of(null, "120112107001", null)),
                Map.entry(Set.of("120112"), LeaderQuery.inStatus(null, Set.of())),
                Map.entry(Set.<String>of(), LeaderQuery.of(null, null, null)));
        try (Connection c = derby("wide-scan-rows")) {
            for (Map.Entry<Set<String>, LeaderQuery> k : cases) {
                Set<Long> bySql = new TreeSet<>();
                WideScan.Sql sql = WideScan.leaders("ID", k.getKey(), k.getValue(), "");
                try (PreparedStatement p = sql.prepare(c); ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        bySql.add(r.getLong(1));
                    }
                }
                Set<Long> byRow = new TreeSet<>();
                try (PreparedStatement p = c.prepareStatement("SELECT ID, STREET, COMMUNITY, STATUS FROM MDL_LEADER");
                        ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        if (WideScan.matches(k.getKey(), k.getValue(), r.getString(2), r.getString(3),
                                r.getString(4))) {
                            byRow.add(r.getLong(1));
                        }
                    }
                }
                assertEquals(bySql, byRow, k.toString());
            }
        }
    }
}
