package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import javax.persistence.Index;
import javax.persistence.Table;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;

/** The wide listing's page read in the sort's index: when, which index, and the same order (real Derby). */
class SortIndexTest {

    @Test
    void onlyStreetsOrWiderWithoutFilters() {
        LeaderQuery none = LeaderQuery.of(null, null, null);
        assertTrue(SortIndex.applies(Set.of("120112"), none));
        assertTrue(SortIndex.applies(Set.of("120112103", "120112001"), none));
        assertTrue(SortIndex.applies(Set.of("120112"), null));
        assertFalse(SortIndex.applies(Set.of("120112103001"), none), "a community: its own index is faster");
        assertFalse(SortIndex.applies(Set.of("120112", "120112103001B001"), none));
        assertFalse(SortIndex.applies(Set.of(), none));
        assertFalse(SortIndex.applies(Set.of("120112"), LeaderQuery.of("120112103", null, null)));
        assertFalse(SortIndex.applies(Set.of("120112"), LeaderQuery.of(null, "120112103001", null)));
        assertFalse(SortIndex.applies(Set.of("120112"), LeaderQuery.of(null, null, "张")));
        assertFalse(SortIndex.applies(Set.of("120112"), new LeaderQuery(null, null, null, LeaderStatus.IN_SERVICE,
                null, null, null)));
    }

    @Test
    void everySortHasADeclaredIndexHoldingItsColumnsTheIdAndTheCommunity() {
        List<Index> declared = Arrays.asList(LeaderEntity.class.getAnnotation(Table.class).indexes());
        for (String sort : LeaderService.SORTS) {
            Index index = declared.stream().filter(i -> i.name().equals(SortIndex.index(sort))).findFirst()
                    .orElseThrow(() -> new AssertionError(sort + ": " + SortIndex.index(sort) + " is not declared"));
            // the index's columns begin with the order's, and hold the community the scope is checked on
            assertTrue(index.columnList().startsWith(SortIndex.columns(sort)), sort + ": " + index.columnList());
            assertTrue(index.columnList().contains("COMMUNITY"), index.columnList());
            assertEquals(LeaderQueries.order(sort).replace("l.birthDate", "BIRTH_DATE").replace("l.", "")
                    .replace(" desc", " DESC").toUpperCase(), SortIndex.columns(sort));
        }
    }

    @Test
    void theHintedStatementPagesInTheSortsOrderOnDerby() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:sort-index;create=true")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE MDL_LEADER (ID BIGINT NOT NULL PRIMARY KEY, NAME VARCHAR(40) NOT NULL, "
                        + "BIRTH_DATE DATE NOT NULL, COMMUNITY VARCHAR(12) NOT NULL)");
            }
            org.loumen.core.db.schema.DeclaredIndexes.ensure(c, LeaderEntity.class);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO MDL_LEADER VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= 60; i++) {
                    p.setLong(1, i);
                    p.setString(2, "名" + (char) ('a' + i % 7));
                    p.setDate(3, java.sql.Date.valueOf("19" + (50 + i % 5) + "-01-01"));
                    p.setString(4, i % 3 == 0 ? "120113001001" : "120112103001"); // a third in another district
                    p.executeUpdate();
                }
            }
            for (String sort : LeaderService.SORTS) {
                List<Long> expected = ids(c, "SELECT ID FROM MDL_LEADER WHERE COMMUNITY LIKE '120112%' ORDER BY "
                        + SortIndex.columns(sort), 0, 100);
                assertEquals(40, expected.size());
                List<Long> paged = new ArrayList<>();
                for (int first = 0; first < 40; first += 7) {
                    String sql = SortIndex.sql(1, sort);
                    assertTrue(sql.contains("--DERBY-PROPERTIES index=" + SortIndex.index(sort) + "\n"), sql);
                    try (PreparedStatement p = c.prepareStatement(sql)) {
                        p.setString(1, "120112%");
                        p.setInt(2, first);
                        p.setInt(3, 7);
                        try (ResultSet r = p.executeQuery()) {
                            while (r.next()) {
                                paged.add(r.getLong(1));
                            }
                        }
                    }
                }
                assertEquals(expected, paged, sort);
            }
        }
    }

    private static List<Long> ids(Connection c, String sql, int first, int max) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getLong(1));
            }
        }
        return out;
    }
}
