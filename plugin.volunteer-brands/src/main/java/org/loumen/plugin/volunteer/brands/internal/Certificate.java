package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.loumen.web.ApiException;

/**
 * What a service-hours certificate (志愿服务时长证明) states: one member's approved hours in one year with one brand,
 * the days and activities they come from, and a number that names the year, brand and member. A year without approved
 * hours has no certificate.
 *
 * @param number       the certificate's number, {@code VB-<year>-<brand>-<member>}
 * @param year         the year
 * @param brand        the brand's id
 * @param brandName    the brand's name
 * @param community    the brand's community code
 * @param member       the member's id
 * @param volunteerNo  the volunteer number (志愿者编号)
 * @param name         the member's name, or {@code null} when the caller may not read it
 * @param hours        approved hours that year
 * @param days         days served
 * @param activities   activities taken part in
 * @param firstDay     the first day served that year
 * @param lastDay      the last day served that year
 * @param issuedOn     the day the certificate was printed
 */
record Certificate(String number, int year, long brand, String brandName, String community, long member,
        String volunteerNo, String name, BigDecimal hours, int days, int activities, LocalDate firstDay,
        LocalDate lastDay, LocalDate issuedOn) {

    static Certificate of(int year, BrandEntity brand, MemberEntity member, String name, Collection<HoursEntity> all,
            LocalDate today) throws ApiException {
        List<HoursEntity> counted = all.stream().filter(h -> h.member == member.id && h.brand == brand.id
                && HoursRules.APPROVED.equals(h.status) && h.servedOn.getYear() == year).toList();
        if (counted.isEmpty()) {
            throw new ApiException(404, "no-hours", year + " 年没有已审核的服务时长 / no approved hours in " + year,
                    "year");
        }
        BigDecimal hours = counted.stream().map(h -> h.hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        int days = (int) counted.stream().map(h -> h.servedOn).distinct().count();
        int activities = (int) counted.stream().map(h -> h.activity).filter(Objects::nonNull).distinct().count();
        LocalDate first = counted.stream().map(h -> h.servedOn).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = counted.stream().map(h -> h.servedOn).max(Comparator.naturalOrder()).orElseThrow();
        return new Certificate("VB-" + year + "-" + brand.id + "-" + member.id, year, brand.id, brand.name,
                brand.community, member.id, member.volunteerNo, name, hours, days, activities, first, last, today);
    }
}
