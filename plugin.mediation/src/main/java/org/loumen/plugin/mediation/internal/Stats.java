package org.loumen.plugin.mediation.internal;

import java.util.List;

/** Median and mean of whole days, to two decimals; {@code null} for none. */
final class Stats {

    private Stats() {
    }

    static Double median(List<Long> days) {
        if (days.isEmpty()) {
            return null;
        }
        List<Long> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return round(m);
    }

    static Double mean(List<Long> days) {
        return days.isEmpty() ? null : round(days.stream().mapToLong(Long::longValue).average().orElse(0));
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
