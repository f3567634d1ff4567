package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.loumen.core.model.PublicLeader;
import org.loumen.web.ApiException;

/** The programme's words (categories of dispute, risk levels) and the rules of its request bodies. */
final class Disputes {

    /** Categories of dispute (纠纷类别); version 1 knew NEIGHBOURS, FAMILY, PROPERTY_MANAGEMENT and OTHER. */
    enum Category {
        NEIGHBOURS("邻里纠纷"), FAMILY("婚姻家庭纠纷"), PROPERTY_MANAGEMENT("物业纠纷"), TENANCY("房屋租赁纠纷"),
        DEBT("债务纠纷"), LABOUR("劳动纠纷"), DAMAGES("损害赔偿纠纷"), OTHER("其他纠纷");

        final String zh;

        Category(String zh) {
            this.zh = zh;
        }
    }

    /** Risk of the dispute growing worse (风险等级): 一般, 较大 (may escalate), 重大 (violence or a group involved). */
    enum Risk {
        LOW, MEDIUM, HIGH
    }

    record NewPairing(String community, String mediator, String mediatorName, String mediatorPhone, Long leader,
            LocalDate since) {
    }

    record Ending(LocalDate endedOn, String reason) {
    }

    record NewRound(String community, String title, LocalDate startsOn, LocalDate endsOn) {
    }

    /** A dispute found in a screening round; {@code place} a building or unit of the community (optional). */
    record NewDispute(Long pairing, String place, Category category, String parties, String summary, Risk risk) {
    }

    /** A case, opened directly ({@code pairing} given) or from a dispute or report. */
    record NewCase(Long pairing, Category category, String parties, String summary, Risk risk,
            LocalDate acceptedOn) {
    }

    record Session(LocalDate heldOn, String attendees, String notes) {
    }

    record Agreement(LocalDate reachedOn, String terms) {
    }

    record Referral(LocalDate referredOn, String to, String note) {
    }

    record FollowUp(LocalDate visitedOn, String notes, Boolean satisfied) {
    }

    record Archiving(LocalDate archivedOn) {
    }

    private Disputes() {
    }

    static void check(NewPairing p, LocalDate today) throws ApiException {
        if (p.mediator() == null || !p.mediator().matches("[A-Za-z0-9._@-]{2,64}")) {
            throw ApiException.invalidField("mediator", "须为人民调解员的账号 / mediator must be the account of a "
                    + "people's mediator");
        }
        text("mediatorName", p.mediatorName(), 40, true);
        if (p.mediatorPhone() != null && !p.mediatorPhone().isEmpty() && !p.mediatorPhone().matches("1[3-9]\\d{9}")) {
            throw ApiException.invalidField("mediatorPhone", "须为 11 位手机号 / mediatorPhone must be an 11-digit "
                    + "mobile number");
        }
        if (p.leader() == null) {
            throw ApiException.invalidField("leader", "须指明结对的楼门栋长 / leader is required");
        }
        if (p.since() != null && p.since().isAfter(today)) {
            throw ApiException.invalidField("since", "不能晚于今天 / since must not be in the future");
        }
    }

    static void check(Ending e, LocalDate since, LocalDate today) throws ApiException {
        CaseFlow.day("endedOn", e.endedOn(), since, today);
        text("reason", e.reason(), 200, false);
    }

    static void check(NewRound r) throws ApiException {
        text("title", r.title(), 60, true);
        if (r.startsOn() == null) {
            throw ApiException.invalidField("startsOn", "须填写开始日期 / startsOn is required");
        }
        if (r.endsOn() == null || r.endsOn().isBefore(r.startsOn()) || r.endsOn().isAfter(r.startsOn().plusDays(92))) {
            throw ApiException.invalidField("endsOn", "须在开始日期之后 92 天以内 / endsOn must lie within 92 days after "
                    + "startsOn");
        }
    }

    static void check(NewDispute d) throws ApiException {
        category(d.category());
        Anonymity.parties("parties", d.parties());
        text("summary", d.summary(), 500, true);
        Anonymity.numbers("summary", d.summary());
        risk(d.risk());
    }

    static void check(NewCase c, LocalDate today) throws ApiException {
        category(c.category());
        Anonymity.parties("parties", c.parties());
        text("summary", c.summary(), 500, true);
        Anonymity.numbers("summary", c.summary());
        risk(c.risk());
        if (c.acceptedOn() != null) {
            CaseFlow.day("acceptedOn", c.acceptedOn(), today.minusYears(1), today);
        }
    }

    static void check(Session s) throws ApiException {
        text("attendees", s.attendees(), 200, true);
        Anonymity.numbers("attendees", s.attendees());
        text("notes", s.notes(), 1000, true);
        Anonymity.numbers("notes", s.notes());
    }

    static void check(Agreement a) throws ApiException {
        text("terms", a.terms(), 1000, true);
        Anonymity.numbers("terms", a.terms());
    }

    static void check(Referral r) throws ApiException {
        text("to", r.to(), 60, true);
        text("note", r.note(), 500, false);
        Anonymity.numbers("note", r.note());
    }

    static void check(FollowUp f) throws ApiException {
        text("notes", f.notes(), 500, true);
        Anonymity.numbers("notes", f.notes());
    }

    private static void category(Category c) throws ApiException {
        if (c == null) {
            throw ApiException.invalidField("category", "须为 " + List.of(Category.values()) + " 之一 / category must be "
                    + "one of " + Arrays.toString(Category.values()));
        }
    }

    private static void risk(Risk r) throws ApiException {
        if (r == null) {
            throw ApiException.invalidField("risk", "须为 LOW、MEDIUM 或 HIGH / risk must be LOW, MEDIUM or HIGH");
        }
    }

    /** A text of 1 to max characters (or absent, when not required). */
    static String text(String field, String value, int max, boolean required) throws ApiException {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.invalidField(field, "须填写（最多 " + max + " 个字） / " + field + " is required (at most "
                        + max + " characters)");
            }
            return null;
        }
        if (value.strip().length() > max) {
            throw ApiException.invalidField(field, "最多 " + max + " 个字 / " + field + " has at most " + max
                    + " characters");
        }
        return value.strip();
    }

    /** 138****1234: the core's one masking rule (a number of another length is masked too, never shown whole). */
    static String mask(String phone) {
        return PublicLeader.maskPhone(phone);
    }
}
