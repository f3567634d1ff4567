package org.loumen.core.model.internal;

import java.time.ZoneId;

/** Days (birthdays, service dates, "today") are counted in China Standard Time. */
final class Days {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Days() {
    }
}
