package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.SpecialGroup;

class HouseholdQueriesTest {

    static final HouseholdCursor AT = new HouseholdCursor("120112103001B002U03", "305");

    @Test
    void theClauseNamesOnlyWhatIsGiven() {
        HouseholdQueries all = new HouseholdQueries(Set.of("120112"), null, null, null, null);
        assertEquals(" where (h.unit like :s0)", all.where());
        assertEquals(" where h.specialGroups > '' and (h.unit like :s0)", all.where("h.specialGroups > ''"));
        String some = new HouseholdQueries(Set.of("120112"), "120112103001", "120112103001B001U01",
                SpecialGroup.DISABLED, null).where();
        assertTrue(some.contains(":community") && some.contains(":unit") && some.contains(":group"), some);
    }

    /** After a cursor, one scope is a range of unit codes only: "like" would be the index range's start instead. */
    @Test
    void afterACursorTheScopeIsTheKeyRange() {
        HouseholdQueries district = new HouseholdQueries(Set.of("120112"), null, null, null, AT);
        assertFalse(district.where().contains("like"), district.where());
        assertArrayEquals(new String[] { AT.unit(), "120113" }, district.keyRange());
        // a cursor before the scope starts at the scope, one past it reads nothing
        HouseholdQueries community = new HouseholdQueries(Set.of("120112103002"), null, null, null, AT);
        assertArrayEquals(new String[] { "120112103002", "120112103003" }, community.keyRange());
        HouseholdQueries behind = new HouseholdQueries(Set.of("120112102"), null, null, null, AT);
        String[] empty = behind.keyRange();
        assertTrue(empty[0].compareTo(empty[1]) >= 0, List.of(empty).toString());
        // the community filter narrows the range
        HouseholdQueries filtered = new HouseholdQueries(Set.of("120112"), "120112103001", null, null, AT);
        assertArrayEquals(new String[] { AT.unit(), "120112103002" }, filtered.keyRange());
        // several scopes keep their like clauses, the range spans them
        Set<String> two = new LinkedHashSet<>(List.of("120112104", "120112103"));
        HouseholdQueries both = new HouseholdQueries(two, null, null, null, AT);
        assertTrue(both.where().contains("like :s1"), both.where());
        assertArrayEquals(new String[] { AT.unit(), "120112105" }, both.keyRange());
        // no scope: nothing
        assertTrue(new HouseholdQueries(Set.of(), null, null, null, AT).where().contains("1 = 0"));
    }

    @Test
    void theEndOfAPrefixFollowsEveryCodeStartingWithIt() {
        assertEquals("120113", HouseholdQueries.end("120112"));
        assertEquals("120112103001C", HouseholdQueries.end("120112103001B"));
        for (String code : List.of("120112103001B001U01", "120112999999B999U99", "120112")) {
            assertTrue(code.compareTo("120112") >= 0 && code.compareTo(HouseholdQueries.end("120112")) < 0, code);
        }
        assertTrue("120113".compareTo(HouseholdQueries.end("120112")) >= 0);
    }
}
