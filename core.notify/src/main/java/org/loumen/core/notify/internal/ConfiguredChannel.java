package org.loumen.core.notify.internal;

import java.util.ArrayList;
import java.util.List;

import org.loumen.notify.Notice;
import org.loumen.notify.NotificationChannel;
import org.loumen.web.HealthCheck;

/**
 * What the shipped channels (webhook, e-mail) share: the kinds they carry ({@code kinds}, prefixes, comma-separated;
 * empty: all), and a configuration that may be wrong — then the channel is not ready (its deliveries wait without
 * using up attempts) and {@code /health} names it as MISCONFIGURED, saying that what is pending is kept.
 */
abstract class ConfiguredChannel implements NotificationChannel, HealthCheck {

    private static final String BUNDLE = "org.loumen.core.notify";

    /** The kind prefixes of a {@code kinds} setting. */
    static List<String> kinds(String setting) {
        List<String> kinds = new ArrayList<>();
        for (String k : (setting == null ? "" : setting).split(",")) {
            if (!k.isBlank()) {
                kinds.add(k.strip());
            }
        }
        return List.copyOf(kinds);
    }

    /** Whether the notice's kind is among the prefixes (all when there are none). */
    static boolean carries(List<String> kinds, Notice notice) {
        return kinds.isEmpty() || kinds.stream().anyMatch(notice.kind()::startsWith);
    }

    /** The channel's id as configured. */
    abstract String id();

    /** What is wrong with the configuration, Chinese first; {@code null} when nothing. */
    abstract String problem();

    /** What happens meanwhile, Chinese first, e.g. "待投递的邮件保留，修正后送出 / pending mail is kept and sent once fixed". */
    abstract String kept();

    @Override
    public final boolean ready() {
        return problem() == null;
    }

    @Override
    public final List<Problem> problems() {
        String problem = problem();
        if (problem == null) {
            return List.of();
        }
        return List.of(new Problem(BUNDLE, "notification channel " + id(), "MISCONFIGURED", problem + "（"
                + kept() + "）"));
    }
}
