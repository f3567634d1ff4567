package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;
import java.util.List;

import org.loumen.web.ApiException;

/** The kinds of dispute, a case's states, and the rules of the programme's bodies. */
final class Disputes {

    /** Kinds of neighbourhood dispute seen in the case (邻里、家庭、物业、其他). */
    enum Kind {
        NEIGHBOURS, FAMILY, PROPERTY_MANAGEMENT, OTHER
    }

    /** OPEN → MEDIATED (调解成功) | REFERRED (移交司法所/法院). */
    enum Status {
        OPEN, MEDIATED, REFERRED
    }

    record NewPairing(String community, String mediatorName, String mediatorPhone, Long leader, LocalDate since) {
    }

    record NewCase(Long pairing, Kind kind, String summary, LocalDate openedOn) {
    }

    record Closing(Status outcome, LocalDate closedOn, String note) {
    }

    private Disputes() {
    }

    static void check(NewPairing p, LocalDate today) throws ApiException {
        if (p.mediatorName() == null || p.mediatorName().isBlank() || p.mediatorName().strip().length() > 40) {
            throw ApiException.invalidField("mediatorName", "须为 1–40 个字 / mediatorName must have 1 to 40 characters");
        }
        if (p.mediatorPhone() == null || !p.mediatorPhone().matches("1[3-9]\\d{9}")) {
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

    static void check(NewCase c, LocalDate today) throws ApiException {
        if (c.pairing() == null) {
            throw ApiException.invalidField("pairing", "须指明结对 / pairing is required");
        }
        if (c.kind() == null) {
            throw ApiException.invalidField("kind", "须为 " + List.of(Kind.values()) + " / kind must be one of "
                    + List.of(Kind.values()));
        }
        if (c.summary() == null || c.summary().isBlank() || c.summary().length() > 500) {
            throw ApiException.invalidField("summary", "须为 1–500 个字 / summary must have 1 to 500 characters");
        }
        if (c.openedOn() == null || c.openedOn().isAfter(today)) {
            throw ApiException.invalidField("openedOn", "须为不晚于今天的日期 / openedOn must be a day not in the future");
        }
    }

    static void check(Closing c, LocalDate openedOn, LocalDate today) throws ApiException {
        if (c.outcome() == null || c.outcome() == Status.OPEN) {
            throw ApiException.invalidField("outcome", "须为 MEDIATED 或 REFERRED / outcome must be MEDIATED or REFERRED");
        }
        if (c.closedOn() == null || c.closedOn().isAfter(today) || c.closedOn().isBefore(openedOn)) {
            throw ApiException.invalidField("closedOn", "须在立案日与今天之间 / closedOn must lie between the day the case "
                    + "was opened and today");
        }
        if (c.note() != null && c.note().length() > 500) {
            throw ApiException.invalidField("note", "最多 500 个字 / note has at most 500 characters");
        }
    }

    /** 138****1234: phones leave the programme masked; only the pair's own records hold them in full. */
    static String mask(String phone) {
        return phone == null || phone.length() != 11 ? phone : phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
