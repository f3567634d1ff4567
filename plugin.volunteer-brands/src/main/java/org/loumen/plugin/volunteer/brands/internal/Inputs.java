package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.loumen.web.ApiException;

/** The bodies of the programme's writes and their rules; every broken rule is a 400 naming the field. */
final class Inputs {

    record NewBrand(String community, String name, String slogan, Long founder, LocalDate foundedOn) {
    }

    record BrandChange(String slogan, String status, Long founder) {
    }

    record NewMember(String kind, Long leader, String name, String volunteerNo, List<String> skills,
            LocalDate joinedOn) {
    }

    record Leaving(LocalDate leftOn) {
    }

    /** Who took part in an activity and for how long. */
    record Participant(Long member, BigDecimal hours) {
    }

    /**
     * An activity: with its participants (each with their hours), or, as in version 1, with totals only
     * ({@code volunteers} and {@code hours}).
     */
    record NewActivity(LocalDate heldOn, String title, String place, Integer volunteers, BigDecimal hours,
            List<Participant> participants) {
    }

    record SelfReport(LocalDate servedOn, BigDecimal hours, String description) {
    }

    record Decision(Boolean approve, String reason) {
    }

    static final Set<String> STATUSES = Set.of("ACTIVE", "PAUSED", "DISSOLVED");
    static final Set<String> KINDS = Set.of("LEADER", "RESIDENT");

    private Inputs() {
    }

    static String text(String field, String value, int max, boolean required) throws ApiException {
        String v = value == null ? "" : org.loumen.web.Inputs.normalise(value.strip());
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
        String problem = org.loumen.web.Inputs.textProblem(v, false);
        if (problem != null) {
            throw ApiException.invalidField(field, field + " " + problem);
        }
        return v;
    }

    static LocalDate pastDay(String field, LocalDate day, LocalDate today, int years) throws ApiException {
        if (day == null || day.isAfter(today) || day.isBefore(today.minusYears(years))) {
            throw ApiException.invalidField(field, "须为近 " + years + " 年内、不晚于今天的日期 / " + field
                    + " must be a day within the last " + years + " years, not in the future");
        }
        return day;
    }

    /** Version 1's totals-only activity. */
    static void check(NewActivity a, LocalDate today) throws ApiException {
        pastDay("heldOn", a.heldOn(), today, 5);
        text("title", a.title(), 100, true);
        text("place", a.place(), 100, false);
        if (a.participants() != null) {
            if (a.volunteers() != null || a.hours() != null) {
                throw ApiException.invalidField("participants", "填写参与成员时不再填写人数和总时长 / give either "
                        + "participants or the totals volunteers and hours, not both");
            }
            if (a.participants().isEmpty() || a.participants().size() > 500) {
                throw ApiException.invalidField("participants", "请选择 1 到 500 名参与成员 / participants must name "
                        + "1 to 500 members");
            }
            Set<Long> seen = new LinkedHashSet<>();
            for (int i = 0; i < a.participants().size(); i++) {
                Participant p = a.participants().get(i);
                if (p == null || p.member() == null || !seen.add(p.member())) {
                    throw ApiException.invalidField("participants", "第 " + (i + 1) + " 位成员缺失或重复 / "
                            + "participant " + (i + 1) + " is missing or named twice");
                }
                HoursRules.hours("participants", p.hours());
            }
            return;
        }
        if (a.volunteers() == null || a.volunteers() < 1 || a.volunteers() > 10_000) {
            throw ApiException.invalidField("volunteers", "须为 1 到 10000 / volunteers must be 1 to 10000");
        }
        if (a.hours() == null || a.hours().signum() <= 0 || a.hours().scale() > 1
                || a.hours().compareTo(BigDecimal.valueOf(a.volunteers() * 24L)) > 0) {
            throw ApiException.invalidField("hours", "须大于 0，最多一位小数，且不超过人数×24 / hours must be above 0, "
                    + "with at most one decimal, and at most 24 per volunteer");
        }
    }

    /**
     * A volunteer number (志愿者编号): 4–30 letters, digits or dashes — and never an ID card number (居民身份证号码),
     * which the programme does not keep.
     */
    static String volunteerNo(String value) throws ApiException {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (v.matches("\\d{17}[\\dX]|\\d{15}")) {
            throw ApiException.invalidField("volunteerNo", "请填写志愿者编号，不要填写身份证号 / a volunteer number, "
                    + "never an ID card number");
        }
        if (!v.matches("[A-Z0-9-]{4,30}")) {
            throw ApiException.invalidField("volunteerNo", "须为 4 到 30 位字母、数字或短横线 / volunteerNo must be 4 to "
                    + "30 letters, digits or dashes");
        }
        return v;
    }

    /** Skills and talents (社区达人: 理发, 家电维修…): at most 10, each 1–12 characters. */
    static String skills(List<String> skills) throws ApiException {
        if (skills == null || skills.isEmpty()) {
            return null;
        }
        if (skills.size() > 10) {
            throw ApiException.invalidField("skills", "最多 10 项特长 / at most 10 skills");
        }
        List<String> out = new ArrayList<>();
        for (String s : skills) {
            String v = text("skills", s, 12, true);
            if (v.contains("、")) {
                throw ApiException.invalidField("skills", "每项特长单独填写 / one skill per entry");
            }
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return String.join("、", out);
    }

    static List<String> skillList(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("、"));
    }
}
