package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules of projects (楼门栋建设项目 / 志愿服务项目), in one place: the kinds, the review steps (the community
 * first, then the street), which award gives a project priority support, and the order of the review queue.
 */
final class ProjectRules {

    /** What a project is about. */
    enum Kind {
        UNIT_IMPROVEMENT("楼门栋建设项目", "Unit or building improvement"),
        VOLUNTEER_SERVICE("志愿服务项目", "Volunteer service");

        final String zh;
        final String en;

        Kind(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /** Where a project stands: PROPOSED → FORWARDED (community agreed) → APPROVED; DECLINED at either step. */
    enum Status {
        PROPOSED("待社区审核"), FORWARDED("社区同意，待街道审核"), APPROVED("已批准"), DECLINED("未通过");

        final String zh;

        Status(String zh) {
            this.zh = zh;
        }

        boolean open() {
            return this == PROPOSED || this == FORWARDED;
        }
    }

    /** A review's decision. */
    enum Decision {
        APPROVE, DECLINE
    }

    /** A reviewing level: the status it reviews and where an approval takes the project. */
    enum Level {
        COMMUNITY(Status.PROPOSED, Status.FORWARDED), STREET(Status.FORWARDED, Status.APPROVED);

        final Status from;
        final Status approved;

        Level(Status from, Status approved) {
            this.from = from;
            this.approved = approved;
        }
    }

    /** An award that gives priority support (获评优秀的楼门栋长，其项目优先扶持). */
    record Award(long leader, String certificate, String period) {
    }

    private ProjectRules() {
    }

    /** The status a decision at a level leads to. */
    static Status after(Level level, Decision decision) {
        return decision == Decision.APPROVE ? level.approved : Status.DECLINED;
    }

    /**
     * Whether an award of a period (a year, {@code 2025}) supports a project proposed on a day: the award's period is
     * the year it honours, so it covers projects proposed in that year and in the year after, when the award is
     * usually decided and announced.
     */
    static boolean supports(String period, LocalDate proposedOn) {
        if (period == null || !period.matches("\\d{4}") || proposedOn == null) {
            return false;
        }
        int year = Integer.parseInt(period);
        return proposedOn.getYear() == year || proposedOn.getYear() == year + 1;
    }

    /** The award giving the leader's project priority, if any: the one of the latest period. */
    static Optional<Award> priority(Long leader, LocalDate proposedOn, List<Award> awards) {
        if (leader == null) {
            return Optional.empty();
        }
        return awards.stream().filter(a -> a.leader() == leader && supports(a.period(), proposedOn))
                .max(Comparator.comparing(Award::period).thenComparing(Award::certificate));
    }

    /** A project in the queue: open ones first, awarded leaders' first among them, then the oldest. */
    record Queued(long id, Status status, boolean priority, LocalDate proposedOn) {
    }

    /**
     * The review queue's order: open before decided; among the open, priority first, then the oldest first; the
     * decided newest first.
     */
    static final Comparator<Queued> QUEUE = (a, b) -> {
        if (a.status().open() != b.status().open()) {
            return a.status().open() ? -1 : 1;
        }
        if (a.status().open() && a.priority() != b.priority()) {
            return a.priority() ? -1 : 1;
        }
        int byDay = a.status().open() ? a.proposedOn().compareTo(b.proposedOn())
                : b.proposedOn().compareTo(a.proposedOn());
        return byDay != 0 ? byDay : Long.compare(a.id(), b.id());
    };
}
