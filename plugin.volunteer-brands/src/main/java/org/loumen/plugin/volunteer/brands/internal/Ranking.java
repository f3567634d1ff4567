package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A year's service hours per member and their ranking (年度服务时长排行): only approved hours served in that year
 * count; more hours rank higher; equal hours share a rank and the next rank skips (1, 1, 3); ties are listed by
 * volunteer number. Members without approved hours that year are not ranked.
 */
final class Ranking {

    /** One member's year. */
    record Line(int rank, MemberEntity member, BigDecimal hours, int entries, int days) {
    }

    private Ranking() {
    }

    static List<Line> of(int year, Collection<MemberEntity> members, Collection<HoursEntity> hours) {
        Map<Long, BigDecimal> total = new HashMap<>();
        Map<Long, Integer> entries = new HashMap<>();
        Map<Long, java.util.Set<LocalDate>> days = new HashMap<>();
        for (HoursEntity h : hours) {
            if (!HoursRules.APPROVED.equals(h.status) || h.servedOn.getYear() != year) {
                continue;
            }
            total.merge(h.member, h.hours, BigDecimal::add);
            entries.merge(h.member, 1, Integer::sum);
            days.computeIfAbsent(h.member, k -> new java.util.HashSet<>()).add(h.servedOn);
        }
        List<MemberEntity> ranked = new ArrayList<>(members.stream().filter(m -> total.containsKey(m.id)).toList());
        ranked.sort(Comparator.comparing((MemberEntity m) -> total.get(m.id)).reversed()
                .thenComparing(m -> m.volunteerNo));
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            MemberEntity m = ranked.get(i);
            BigDecimal h = total.get(m.id);
            int rank = i > 0 && out.get(i - 1).hours().compareTo(h) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new Line(rank, m, h, entries.get(m.id), days.get(m.id).size()));
        }
        return out;
    }
}
