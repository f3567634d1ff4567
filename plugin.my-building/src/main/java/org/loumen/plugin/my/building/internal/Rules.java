package org.loumen.plugin.my.building.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.loumen.web.ApiException;

/** The programme's vocabulary and the rules of its bodies, in one place (unit-tested without a framework). */
final class Rules {

    /** How many stewards a unit has at most (a few, one of them the lead steward). */
    static final int MAX_STEWARDS = 5;
    /** Points for a duty done, an activity attended, the convention agreed (per household). */
    static final int DUTY_POINTS = 5;
    static final int ACTIVITY_POINTS = 3;
    static final int CONVENTION_POINTS = 2;
    /** A duty photo: JPEG or PNG, at most this many bytes. */
    static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

    /** The rotas of a unit (公益岗). The two checks are the safety checks the ranking counts. */
    enum DutyKind {
        STAIRWELL_CLEANING("楼道保洁", false), GREENING("绿化养护", false), FIRE_EXIT_CHECK("消防通道检查", true),
        EBIKE_CHARGING_CHECK("电动车飞线充电检查", true), NOTICES("通知张贴", false);

        final String zh;
        final boolean safety;

        DutyKind(String zh, boolean safety) {
            this.zh = zh;
            this.safety = safety;
        }
    }

    /** The kinds of unit activity (楼门活动). */
    enum Category {
        CULTURE("文化楼门"), STUDENT_QA("学生知识线上答疑"), COUNSELLING("心理健康咨询"), CHILD_MINDING("儿童短期照看"),
        SPECIAL_GROUPS("特殊群体帮扶"), OTHER("其他");

        final String zh;

        Category(String zh) {
            this.zh = zh;
        }
    }

    /** PENDING (signed up) → APPROVED | REJECTED; APPROVED → ENDED. */
    enum StewardStatus {
        PENDING, APPROVED, REJECTED, ENDED
    }

    /** Why points moved (积分来源). */
    enum Reason {
        DUTY, ACTIVITY, CONVENTION, REDEMPTION, CORRECTION
    }

    record NewSteward(String name, String phone, String room) {
    }

    record Application(String householdCode, String name, String phone) {
    }

    record Decision(Boolean approve) {
    }

    record Account(String username) {
    }

    record ConventionText(String text) {
    }

    record Agreement(String householdCode) {
    }

    record NewDuty(DutyKind kind, String title, LocalDate dueOn, Long steward, Integer weeks) {
    }

    record Outcome(Boolean done, String note) {
    }

    record NewActivity(Category category, String title, String place, LocalDateTime startsAt, Integer capacity) {
    }

    record Signup(String householdCode, Integer people) {
    }

    record Attendance(Long household, Boolean attended) {
    }

    record Correction(Long household, Long delta, String note) {
    }

    record NewItem(String community, String name, Integer points, Integer stock) {
    }

    record Restock(Integer delta) {
    }

    record Redemption(Long item, Long household, Integer quantity) {
    }

    record Publication(String community, String month) {
    }

    private Rules() {
    }

    static String text(String field, String value, int max, boolean required) throws ApiException {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.invalidField(field, "必填 / " + field + " is required");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ApiException.invalidField(field, "最多 " + max + " 个字 / " + field + " has at most " + max
                    + " characters");
        }
        return v;
    }

    static String phone(String field, String value) throws ApiException {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("1[3-9]\\d{9}")) {
            throw ApiException.invalidField(field, "须为 11 位手机号 / " + field + " must be an 11-digit mobile number");
        }
        return value.strip();
    }

    static String room(String field, String value, boolean required) throws ApiException {
        String r = text(field, value, 20, required);
        if (r != null && !r.matches("[0-9A-Za-z\\-]{1,20}")) {
            throw ApiException.invalidField(field, "房号只能是数字、字母或“-”，如 301 / " + field + " must be like 301");
        }
        return r;
    }

    static void check(NewDuty d, LocalDate today) throws ApiException {
        if (d.kind() == null) {
            throw ApiException.invalidField("kind", "须为 " + Arrays.toString(DutyKind.values()) + " 之一 / kind must "
                    + "be one of " + Arrays.toString(DutyKind.values()));
        }
        text("title", d.title(), 100, false);
        if (d.dueOn() == null || d.dueOn().isBefore(today.minusDays(31)) || d.dueOn().isAfter(today.plusDays(366))) {
            throw ApiException.invalidField("dueOn", "须为近一个月到一年内的日期 / dueOn must lie between a month ago and "
                    + "a year ahead");
        }
        if (d.weeks() != null && (d.weeks() < 1 || d.weeks() > 12)) {
            throw ApiException.invalidField("weeks", "轮值周数须为 1–12 / weeks must be 1 to 12");
        }
    }

    static void check(NewActivity a, LocalDateTime now) throws ApiException {
        if (a.category() == null) {
            throw ApiException.invalidField("category", "须为 " + Arrays.toString(Category.values()) + " 之一 / "
                    + "category must be one of " + Arrays.toString(Category.values()));
        }
        text("title", a.title(), 100, true);
        text("place", a.place(), 100, true);
        if (a.startsAt() == null || a.startsAt().isBefore(now.minusDays(31))
                || a.startsAt().isAfter(now.plusDays(366))) {
            throw ApiException.invalidField("startsAt", "须为近一个月到一年内的时间 / startsAt must lie between a month "
                    + "ago and a year ahead");
        }
        if (a.capacity() == null || a.capacity() < 1 || a.capacity() > 500) {
            throw ApiException.invalidField("capacity", "人数上限须为 1–500 / capacity must be 1 to 500");
        }
    }

    static int people(Integer people) throws ApiException {
        int p = people == null ? 1 : people;
        if (p < 1 || p > 10) {
            throw ApiException.invalidField("people", "每户报名 1–10 人 / people must be 1 to 10");
        }
        return p;
    }

    static void check(Correction c) throws ApiException {
        if (c.household() == null) {
            throw ApiException.invalidField("household", "须指明住户 / household is required");
        }
        if (c.delta() == null || c.delta() == 0 || Math.abs(c.delta()) > 10_000) {
            throw ApiException.invalidField("delta", "调整分值须为非零且不超过 10000 / delta must be non-zero, at most "
                    + "10000 either way");
        }
        text("note", c.note(), 200, true);
    }

    static void check(NewItem i) throws ApiException {
        text("name", i.name(), 60, true);
        if (i.points() == null || i.points() < 1 || i.points() > 100_000) {
            throw ApiException.invalidField("points", "兑换积分须为 1–100000 / points must be 1 to 100000");
        }
        if (i.stock() == null || i.stock() < 0 || i.stock() > 100_000) {
            throw ApiException.invalidField("stock", "库存须为 0–100000 / stock must be 0 to 100000");
        }
    }

    static void check(Redemption r) throws ApiException {
        if (r.item() == null) {
            throw ApiException.invalidField("item", "须指明商品 / item is required");
        }
        if (r.household() == null) {
            throw ApiException.invalidField("household", "须指明住户 / household is required");
        }
        if (r.quantity() == null || r.quantity() < 1 || r.quantity() > 100) {
            throw ApiException.invalidField("quantity", "数量须为 1–100 / quantity must be 1 to 100");
        }
    }

    /** A month as {@code YYYY-MM}; {@code null}: this month. */
    static YearMonth month(String field, String value, LocalDate today) throws ApiException {
        if (value == null || value.isBlank()) {
            return YearMonth.from(today);
        }
        try {
            YearMonth m = YearMonth.parse(value.strip());
            if (m.isAfter(YearMonth.from(today)) || m.isBefore(YearMonth.of(2020, 1))) {
                throw ApiException.invalidField(field, "月份不能晚于本月 / " + field + " must not be after this month");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "须为 YYYY-MM，如 2026-05 / " + field + " must be YYYY-MM");
        }
    }

    /**
     * Whether a redemption may go ahead: the household can pay and the shop has the stock. The database applies the
     * same two conditions in its conditional updates, so parallel redemptions cannot overdraw either.
     */
    static boolean mayRedeem(long balance, int stock, int points, int quantity) {
        return quantity > 0 && stock >= quantity && balance >= (long) points * quantity;
    }

    /** The sum of a ledger's entries: a household's balance. */
    static long balance(List<Long> deltas) {
        return deltas.stream().mapToLong(Long::longValue).sum();
    }

    /** One unit in a month's ranking, before it is ordered. */
    record Standing(String unit, String label, int households, long points, int safetyChecks) {
        /** Points per household, two decimals (half up); 0 for a unit with no households known. */
        java.math.BigDecimal perHousehold() {
            return households == 0 ? java.math.BigDecimal.ZERO.setScale(2)
                    : java.math.BigDecimal.valueOf(points).divide(java.math.BigDecimal.valueOf(households), 2,
                            java.math.RoundingMode.HALF_UP);
        }
    }

    /** 最美楼门: by points per household, then safety checks passed, then the unit code (a stable order). */
    static List<Standing> rank(List<Standing> units) {
        return units.stream().sorted(java.util.Comparator.comparing(Standing::perHousehold).reversed()
                .thenComparing(java.util.Comparator.comparingInt(Standing::safetyChecks).reversed())
                .thenComparing(Standing::unit)).toList();
    }
}
