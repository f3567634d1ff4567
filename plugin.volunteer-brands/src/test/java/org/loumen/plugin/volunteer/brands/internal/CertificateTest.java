package org.loumen.plugin.volunteer.brands.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.web.ApiException;

class CertificateTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void aCertificateCountsTheMembersApprovedHoursOfTheYearWithThisBrand() throws ApiException {
        BrandEntity brand = Fixtures.brand(1);
        MemberEntity m = Fixtures.member(7, "V00100007", TODAY.minusYears(2));
        HoursEntity otherBrand = Fixtures.hours(7, TODAY.minusDays(3), "6", HoursRules.APPROVED, null);
        otherBrand.brand = 2;
        List<HoursEntity> hours = List.of(
                Fixtures.hours(7, LocalDate.of(2026, 3, 8), "3", HoursRules.APPROVED, 11L),
                Fixtures.hours(7, LocalDate.of(2026, 3, 8), "1.5", HoursRules.APPROVED, null),
                Fixtures.hours(7, LocalDate.of(2026, 10, 1), "2", HoursRules.APPROVED, 12L),
                Fixtures.hours(7, LocalDate.of(2026, 10, 2), "2", HoursRules.APPROVED, 12L),
                Fixtures.hours(7, LocalDate.of(2026, 11, 1), "5", HoursRules.PENDING, null),
                Fixtures.hours(7, LocalDate.of(2026, 11, 2), "5", HoursRules.REJECTED, null),
                Fixtures.hours(7, LocalDate.of(2025, 12, 31), "4", HoursRules.APPROVED, 10L),
                Fixtures.hours(8, LocalDate.of(2026, 5, 5), "4", HoursRules.APPROVED, 10L),
                otherBrand);
        Certificate c = Certificate.of(2026, brand, m, "张秀芝", hours, TODAY);
        assertEquals("VB-2026-1-7", c.number());
        assertEquals(0, new BigDecimal("8.5").compareTo(c.hours()));
        assertEquals(3, c.days());
        assertEquals(2, c.activities());
        assertEquals(LocalDate.of(2026, 3, 8), c.firstDay());
        assertEquals(LocalDate.of(2026, 10, 2), c.lastDay());
        assertEquals("V00100007", c.volunteerNo());
        assertEquals("张秀芝", c.name());
        assertEquals("爱心妈妈帮帮团", c.brandName());
        assertEquals(TODAY, c.issuedOn());
        assertEquals(0, new BigDecimal("4").compareTo(Certificate.of(2025, brand, m, null, hours, TODAY).hours()));
    }

    @Test
    void aYearWithoutApprovedHoursHasNoCertificate() {
        MemberEntity m = Fixtures.member(7, "V00100007", TODAY.minusYears(2));
        ApiException e = assertThrows(ApiException.class, () -> Certificate.of(2026, Fixtures.brand(1), m, "x",
                List.of(Fixtures.hours(7, TODAY, "3", HoursRules.PENDING, null)), TODAY));
        assertEquals(404, e.status());
        assertEquals("no-hours", e.code());
    }
}
