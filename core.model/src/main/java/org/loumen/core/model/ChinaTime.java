package org.loumen.core.model;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one clock rule of the platform: days (birthdays, service dates, deadlines, "today") are counted in China
 * Standard Time, wherever the server runs.
 *
 * @since 1.4
 */
public final class ChinaTime {

    /** China Standard Time (Asia/Shanghai, UTC+8, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    /** Today in China. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Today in China by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
