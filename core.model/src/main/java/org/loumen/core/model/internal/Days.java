package org.loumen.core.model.internal;

import java.time.ZoneId;

import org.loumen.core.model.ChinaTime;

/** Days (birthdays, service dates, "today") are counted in China Standard Time. */
final class Days {

    static final ZoneId CHINA = ChinaTime.ZONE;

    private Days() {
    }
}
