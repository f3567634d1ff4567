package org.loumen.core.workflow.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The closed loop of a problem report (问题时报): reported, accepted by the community, assigned to a person or
 * department, resolved (with what was done), then confirmed by the reporter or reopened. A report that is no
 * problem at all (spam, nonsense from the public form) is marked SPAM (无效信息) by the community from any open state:
 * closed, and out of the open and overdue counts.
 */
final class ReportFlow {

    enum Status {
        REPORTED("已上报"), ACCEPTED("已受理"), ASSIGNED("已交办"), RESOLVED("已办结"), CONFIRMED("已确认"),
        REOPENED("已退回"), SPAM("无效信息");

        private final String zh;

        Status(String zh) {
            this.zh = zh;
        }

        /** The Chinese label, e.g. 已受理. */
        String zh() {
            return zh;
        }

        /** Still waiting for someone to act: counts toward the deadline. */
        boolean open() {
            return this != RESOLVED && this != CONFIRMED && this != SPAM;
        }
    }

    /** How soon a report must be resolved; a MAJOR one goes to the community at once (重大问题立即上报). */
    enum Urgency {
        NORMAL, URGENT, MAJOR
    }

    private static final Map<Status, Set<Status>> MOVES = new EnumMap<>(Status.class);

    static {
        MOVES.put(Status.REPORTED, EnumSet.of(Status.ACCEPTED, Status.SPAM));
        MOVES.put(Status.ACCEPTED, EnumSet.of(Status.ASSIGNED, Status.SPAM));
        MOVES.put(Status.ASSIGNED, EnumSet.of(Status.RESOLVED, Status.SPAM));
        MOVES.put(Status.RESOLVED, EnumSet.of(Status.CONFIRMED, Status.REOPENED));
        MOVES.put(Status.REOPENED, EnumSet.of(Status.ASSIGNED, Status.SPAM));
    }

    private ReportFlow() {
    }

    static Set<Status> allowed(Status from) {
        return MOVES.getOrDefault(from, EnumSet.noneOf(Status.class));
    }

    static boolean legal(Status from, Status to) {
        return allowed(from).contains(to);
    }

    /** When a report filed at {@code createdAt} is due, for the configured hours per urgency. */
    static long dueAt(long createdAt, Urgency urgency, int normalHours, int urgentHours, int majorHours) {
        int hours = switch (urgency) {
            case NORMAL -> normalHours;
            case URGENT -> urgentHours;
            case MAJOR -> majorHours;
        };
        return createdAt + hours * 3_600_000L;
    }

    static boolean overdue(Status status, long dueAt, long now) {
        return status.open() && now > dueAt;
    }
}
