package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.Nomination;
import org.loumen.core.model.PhoneConsent;

class LeaderQueriesTest {

    @Test
    void aPlainListingIsOnlyTheScope() {
        assertEquals(" where (l.community like :s0 or l.community like :s1)",
                LeaderQueries.where(new java.util.LinkedHashSet<>(List.of("120112103", "120112104")),
                        LeaderQuery.of(null, null, null)));
        // no scope finds nothing rather than everything
        assertEquals(" where (1 = 0)", LeaderQueries.where(Set.of(), LeaderQuery.of(null, null, null)));
    }

    @Test
    void everyFilterAddsItsCondition() {
        String w = LeaderQueries.where(Set.of("120112103"), new LeaderQuery("120112103", "120112103001", "张",
                LeaderStatus.IN_SERVICE, LeaderRole.UNIT_LEADER, LeaderQuery.AgeBand.SIXTY_PLUS,
                EnumSet.of(Education.BACHELOR, Education.MASTER)));
        assertEquals(" where (l.community like :s0) and l.street = :street and l.community = :community"
                + " and (l.name like :q escape '\\' or l.phone like :q escape '\\') and l.status = :status"
                + " and exists (select a.id from AssignmentEntity a where a.leader = l.id and a.role = :role and "
                + "(a.start is null or a.start <= :today) and (a.end is null or a.end > :today))"
                + " and l.birthDate <= :cutoff and l.education in :educations", w);
        assertTrue(LeaderQueries.where(Set.of("1"), new LeaderQuery(null, null, null, null, null,
                LeaderQuery.AgeBand.UNDER_60, null)).endsWith(" and l.birthDate > :cutoff"));
    }

    @Test
    void anEntityBecomesItsDtoWithAssignmentsAndConsent() {
        LeaderEntity l = Leaders.zhang();
        List<Assignment> a = List.of(new Assignment(LeaderRole.UNIT_LEADER, "120112103001B001", "1号楼",
                "120112103001B001U01", "1单元", LocalDate.of(2024, 1, 1), null));
        Leader d = LeaderQueries.dto(l, a);
        assertEquals(new Leader(42, "张秀兰", Gender.FEMALE, LocalDate.of(1958, 3, 12), Education.SENIOR_HIGH, true,
                "13812341234", Nomination.RECOMMENDED, false, LeaderStatus.IN_SERVICE, "120112103", "120112103001",
                "JN-0042", a, 3, null), d);
        assertNull(d.phoneConsent());
        l.phoneConsentAt = 1_700_000_000_000L;
        l.phoneConsentBy = "secretary";
        assertEquals(new PhoneConsent(Instant.ofEpochMilli(1_700_000_000_000L), "secretary"),
                LeaderQueries.dto(l, a).phoneConsent());
    }
}
