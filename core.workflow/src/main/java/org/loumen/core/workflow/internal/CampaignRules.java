package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.loumen.domain.Refusal;

/** The rules of publicity campaigns in one place: the period, an activity's day and reach, and the totals. */
final class CampaignRules {

    static final int MAX_DAYS = 366;
    static final int MAX_HOUSEHOLDS = 2000;

    /** One recorded activity, as the totals see it. */
    record Activity(String community, String author, int households) {
    }

    /** Totals of a group (a community or a street). */
    record Total(String code, long activities, long households, long leaders) {
    }

    private CampaignRules() {
    }

    static void period(LocalDate startsOn, LocalDate endsOn) throws Refusal {
        Civic.day("startsOn", startsOn);
        Civic.day("endsOn", endsOn);
        if (endsOn.isBefore(startsOn) || ChronoUnit.DAYS.between(startsOn, endsOn) >= MAX_DAYS) {
            throw Refusal.invalidField("endsOn", "结束日期须在开始日期之后、一年之内 / endsOn must be on or after "
                    + "startsOn, within a year");
        }
    }

    /** An activity's day lies in the campaign's period and not after today. */
    static void day(LocalDate day, LocalDate startsOn, LocalDate endsOn, LocalDate today) throws Refusal {
        Civic.day("day", day);
        if (day.isBefore(startsOn) || day.isAfter(endsOn) || day.isAfter(today)) {
            throw Refusal.invalidField("day", "日期须在活动期间 " + startsOn + " 至 " + endsOn + " 内，且不晚于今天 / "
                    + "day must lie within the campaign's period and not after today");
        }
    }

    static int households(Integer households) throws Refusal {
        if (households == null || households < 0 || households > MAX_HOUSEHOLDS) {
            throw Refusal.invalidField("households", "覆盖户数须为 0 至 " + MAX_HOUSEHOLDS + " / households must be "
                    + "0-" + MAX_HOUSEHOLDS);
        }
        return households;
    }

    /** Totals grouped by a key of the community (the community itself, or its street), in code order. */
    static List<Total> totals(List<Activity> activities, Function<String, String> group) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, Set<String>> authors = new TreeMap<>();
        for (Activity a : activities) {
            String g = group.apply(a.community());
            long[] s = sums.computeIfAbsent(g, k -> new long[2]);
            s[0]++;
            s[1] += a.households();
            authors.computeIfAbsent(g, k -> new HashSet<>()).add(a.author());
        }
        List<Total> out = new ArrayList<>();
        sums.forEach((g, s) -> out.add(new Total(g, s[0], s[1], authors.get(g).size())));
        return out;
    }
}
