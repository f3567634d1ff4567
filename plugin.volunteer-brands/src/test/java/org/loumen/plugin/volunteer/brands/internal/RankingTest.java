package org.loumen.plugin.volunteer.brands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class RankingTest {

    static final LocalDate JUNE = LocalDate.of(2026, 6, 1);

    @Test
    void approvedHoursOfTheYearRankMembersAndTiesShareARank() {
        MemberEntity a = Fixtures.member(1, "V003", JUNE.minusYears(2));
        MemberEntity b = Fixtures.member(2, "V001", JUNE.minusYears(2));
        MemberEntity c = Fixtures.member(3, "V002", JUNE.minusYears(2));
        MemberEntity d = Fixtures.member(4, "V004", JUNE.minusYears(2));
        MemberEntity idle = Fixtures.member(5, "V005", JUNE.minusYears(2));
        List<HoursEntity> hours = List.of(
                Fixtures.hours(1, JUNE, "3", HoursRules.APPROVED, 10L),
                Fixtures.hours(1, JUNE.plusDays(1), "2", HoursRules.APPROVED, null),
                Fixtures.hours(2, JUNE, "5", HoursRules.APPROVED, 10L),
                Fixtures.hours(3, JUNE, "5", HoursRules.APPROVED, 10L),
                Fixtures.hours(3, JUNE, "9", HoursRules.PENDING, null),
                Fixtures.hours(4, JUNE, "24", HoursRules.REJECTED, null),
                Fixtures.hours(4, JUNE, "1", HoursRules.APPROVED, 10L),
                Fixtures.hours(4, JUNE.minusYears(1), "20", HoursRules.APPROVED, 9L));
        List<Ranking.Line> lines = Ranking.of(2026, List.of(a, b, c, d, idle), hours);
        assertEquals(List.of("V001", "V002", "V003", "V004"), lines.stream().map(l -> l.member().volunteerNo).toList(),
                "equal hours listed by volunteer number; no hours: not ranked");
        assertEquals(List.of(1, 1, 1, 4), lines.stream().map(Ranking.Line::rank).toList());
        assertEquals(0, new BigDecimal("5").compareTo(lines.get(2).hours()));
        assertEquals(2, lines.get(2).entries());
        assertEquals(2, lines.get(2).days());
        assertEquals(0, BigDecimal.ONE.compareTo(lines.get(3).hours()), "pending, rejected and last year's do not count");
        assertEquals(List.of(1), Ranking.of(2025, List.of(a, b, c, d), hours).stream().map(Ranking.Line::rank)
                .toList());
    }
}
