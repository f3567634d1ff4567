package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.loumen.web.ApiException;

/** The bodies of the programme's writes and their rules; every broken rule is a 400 naming the field. */
final class Inputs {

    record NewBrand(String community, String name, String slogan) {
    }

    record NewActivity(LocalDate heldOn, String title, Integer volunteers, BigDecimal hours) {
    }

    private Inputs() {
    }

    static String text(String field, String value, int max, boolean required) throws ApiException {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw ApiException.invalidField(field, "不能为空 / " + field + " is required");
            }
            return null;
        }
        if (v.length() > max) {
            throw ApiException.invalidField(field, "最多 " + max + " 个字 / " + field + " has at most " + max
                    + " characters");
        }
        return v;
    }

    static void check(NewActivity a, LocalDate today) throws ApiException {
        if (a.heldOn() == null || a.heldOn().isAfter(today) || a.heldOn().isBefore(today.minusYears(5))) {
            throw ApiException.invalidField("heldOn", "须为近五年内、不晚于今天的日期 / heldOn must be a day within the "
                    + "last five years, not in the future");
        }
        text("title", a.title(), 100, true);
        if (a.volunteers() == null || a.volunteers() < 1 || a.volunteers() > 10_000) {
            throw ApiException.invalidField("volunteers", "须为 1 到 10000 / volunteers must be 1 to 10000");
        }
        if (a.hours() == null || a.hours().signum() <= 0 || a.hours().scale() > 1
                || a.hours().compareTo(BigDecimal.valueOf(a.volunteers() * 24L)) > 0) {
            throw ApiException.invalidField("hours", "须大于 0，最多一位小数，且不超过人数×24 / hours must be above 0, "
                    + "with at most one decimal, and at most 24 per volunteer");
        }
    }
}
