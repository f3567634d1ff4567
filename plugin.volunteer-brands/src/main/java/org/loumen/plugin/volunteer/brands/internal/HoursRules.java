package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.loumen.web.ApiException;

/**
 * The rules of service hours (服务时长), in one place: how many hours an entry may hold, which days may be reported,
 * and how a self-reported entry is approved or rejected. Every broken rule is a 4xx naming the field.
 */
final class HoursRules {

    /** A member serves at most this many hours on one day, all entries (approved and pending) together. */
    static final BigDecimal MAX_PER_DAY = BigDecimal.valueOf(24);
    /** Hours are reported for days at most this far back (补报时限). */
    static final int SELF_REPORT_DAYS = 90;

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String ACTIVITY = "ACTIVITY";
    static final String SELF_REPORT = "SELF_REPORT";

    private HoursRules() {
    }

    /** The hours of one entry: above 0, at most 24, in steps of half an hour. */
    static BigDecimal hours(String field, BigDecimal hours) throws ApiException {
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_PER_DAY) > 0
                || hours.multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale() > 0) {
            throw ApiException.invalidField(field, "须为 0.5 到 24 小时，以半小时计 / " + field
                    + " must be 0.5 to 24 hours, in half hours");
        }
        return hours.setScale(1);
    }

    /**
     * A self-report: a day within the last {@value #SELF_REPORT_DAYS} days, not in the future, on which the member
     * belonged to the brand, and no more than 24 hours on that day with what is already recorded (rejected entries
     * do not count).
     *
     * @param recorded the member's hours already recorded that day (approved and pending)
     */
    static void checkSelfReport(LocalDate servedOn, BigDecimal hours, MemberEntity member, BigDecimal recorded,
            LocalDate today) throws ApiException {
        if (servedOn == null || servedOn.isAfter(today) || servedOn.isBefore(today.minusDays(SELF_REPORT_DAYS))) {
            throw ApiException.invalidField("servedOn", "须为近 " + SELF_REPORT_DAYS + " 天内、不晚于今天的日期 / "
                    + "servedOn must be a day within the last " + SELF_REPORT_DAYS + " days, not in the future");
        }
        if (!member.activeOn(servedOn)) {
            throw ApiException.invalidField("servedOn", "这一天还不是（或已不是）本品牌成员 / not a member of the brand "
                    + "on that day");
        }
        BigDecimal h = hours("hours", hours);
        withinDay("hours", recorded, h);
    }

    /** Refuses hours that would take a member's day above 24. */
    static void withinDay(String field, BigDecimal recorded, BigDecimal more) throws ApiException {
        if (recorded.add(more).compareTo(MAX_PER_DAY) > 0) {
            throw ApiException.invalidField(field, "同一天合计不能超过 24 小时（已记录 " + recorded.stripTrailingZeros()
                    .toPlainString() + " 小时）/ at most 24 hours a day in all (" + recorded.stripTrailingZeros()
                            .toPlainString() + " recorded already)");
        }
    }

    /**
     * Approves or rejects a pending self-report. Only a pending entry is decided, once; nobody decides their own
     * report; a rejection says why (2–200 characters).
     *
     * @return the reason stored (null on approval)
     * @throws ApiException 409 {@code already-decided}, 403 {@code own-report}, 400 naming {@code approve} or
     *                      {@code reason}
     */
    static String decide(HoursEntity entry, String decider, Boolean approve, String reason, LocalDateTime now)
            throws ApiException {
        if (approve == null) {
            throw ApiException.invalidField("approve", "请选择通过或退回 / approve must be true or false");
        }
        if (!PENDING.equals(entry.status)) {
            throw new ApiException(409, "already-decided", "这条时长已经审核过 / these hours were decided already");
        }
        if (decider.equals(entry.reportedBy)) {
            throw new ApiException(403, "own-report", "不能审核自己申报的时长 / nobody approves their own hours");
        }
        String why = reason == null ? "" : reason.strip();
        if (!approve && (why.length() < 2 || why.length() > 200)) {
            throw ApiException.invalidField("reason", "退回须说明理由（2 到 200 字）/ a rejection needs a reason "
                    + "(2 to 200 characters)");
        }
        if (approve && why.length() > 200) {
            throw ApiException.invalidField("reason", "最多 200 字 / reason has at most 200 characters");
        }
        entry.status = approve ? APPROVED : REJECTED;
        entry.decidedBy = decider;
        entry.decidedAt = now;
        entry.rejectReason = approve ? null : why;
        return entry.rejectReason;
    }
}
