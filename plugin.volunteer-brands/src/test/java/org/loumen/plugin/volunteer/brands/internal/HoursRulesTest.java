package org.loumen.plugin.volunteer.brands.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.loumen.web.ApiException;

class HoursRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final LocalDateTime NOW = TODAY.atTime(10, 0);

    static ApiException refused(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(ApiException.class, e);
    }

    @Test
    void hoursAreHalfHoursFromHalfAnHourToADay() throws ApiException {
        assertEquals(new BigDecimal("2.5"), HoursRules.hours("hours", new BigDecimal("2.50")));
        assertEquals(new BigDecimal("24.0"), HoursRules.hours("hours", new BigDecimal("24")));
        for (String bad : new String[] { "0", "-1", "0.3", "24.5", "1.25" }) {
            assertEquals("hours", refused(() -> HoursRules.hours("hours", new BigDecimal(bad))).field(), bad);
        }
        assertEquals("hours", refused(() -> HoursRules.hours("hours", null)).field());
    }

    @Test
    void aSelfReportIsForARecentDayAsAMemberAndKeepsTheDayUnder24Hours() {
        MemberEntity m = Fixtures.member(7, "V00100007", TODAY.minusYears(1));
        assertDoesNotThrow(() -> HoursRules.checkSelfReport(TODAY.minusDays(3), new BigDecimal("2"), m,
                BigDecimal.ZERO, TODAY));
        assertEquals("servedOn", refused(() -> HoursRules.checkSelfReport(TODAY.plusDays(1), BigDecimal.ONE, m,
                BigDecimal.ZERO, TODAY)).field(), "not in the future");
        assertEquals("servedOn", refused(() -> HoursRules.checkSelfReport(TODAY.minusDays(91), BigDecimal.ONE, m,
                BigDecimal.ZERO, TODAY)).field(), "at most 90 days back");
        assertEquals("servedOn", refused(() -> HoursRules.checkSelfReport(null, BigDecimal.ONE, m, BigDecimal.ZERO,
                TODAY)).field());
        MemberEntity newcomer = Fixtures.member(8, "V00100008", TODAY.minusDays(5));
        assertEquals("servedOn", refused(() -> HoursRules.checkSelfReport(TODAY.minusDays(6), BigDecimal.ONE,
                newcomer, BigDecimal.ZERO, TODAY)).field(), "not a member yet that day");
        MemberEntity left = Fixtures.member(9, "V00100009", TODAY.minusYears(1));
        left.leftOn = TODAY.minusDays(10);
        assertEquals("servedOn", refused(() -> HoursRules.checkSelfReport(TODAY.minusDays(3), BigDecimal.ONE, left,
                BigDecimal.ZERO, TODAY)).field(), "not a member any more");
        assertEquals("hours", refused(() -> HoursRules.checkSelfReport(TODAY, new BigDecimal("4.5"), m,
                new BigDecimal("20"), TODAY)).field(), "the day would hold 24.5 hours");
        assertDoesNotThrow(() -> HoursRules.checkSelfReport(TODAY, new BigDecimal("4"), m, new BigDecimal("20"),
                TODAY));
    }

    @Test
    void theLeadApprovesAPendingReportOnce() throws ApiException {
        HoursEntity h = Fixtures.hours(7, TODAY, "2", HoursRules.PENDING, null);
        assertNull(HoursRules.decide(h, "lead", true, null, NOW));
        assertEquals(HoursRules.APPROVED, h.status);
        assertEquals("lead", h.decidedBy);
        assertEquals(NOW, h.decidedAt);
        ApiException again = refused(() -> HoursRules.decide(h, "lead", false, "重复申报", NOW));
        assertEquals(409, again.status());
        assertEquals(HoursRules.APPROVED, h.status, "a decision stands");
    }

    @Test
    void aRejectionGivesAReasonAndNobodyDecidesTheirOwnReport() throws ApiException {
        HoursEntity h = Fixtures.hours(7, TODAY, "8", HoursRules.PENDING, null);
        assertEquals("reason", refused(() -> HoursRules.decide(h, "lead", false, " ", NOW)).field());
        assertEquals("reason", refused(() -> HoursRules.decide(h, "lead", false, "x".repeat(201), NOW)).field());
        assertEquals("approve", refused(() -> HoursRules.decide(h, "lead", null, null, NOW)).field());
        assertEquals(403, refused(() -> HoursRules.decide(h, "leader-7", true, null, NOW)).status());
        assertEquals(HoursRules.PENDING, h.status, "nothing changed by a refused decision");
        assertEquals("例会不计入", HoursRules.decide(h, "lead", false, " 例会不计入 ", NOW));
        assertEquals(HoursRules.REJECTED, h.status);
        assertEquals("例会不计入", h.rejectReason);
    }
}
