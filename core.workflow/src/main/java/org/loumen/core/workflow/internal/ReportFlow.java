package org.loumen.core.workflow.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The closed loop of a problem report (问题时报): reported, accepted by the community, assigned to a person or
 * department, resolved (with what was done), then confirmed by the reporter or reopened.
 */
final class ReportFlow {

    enum Status {
        REPORTED, ACCEPTED, ASSIGNED, RESOLVED, CONFIRMED, REOPENED;

        /** Still waiting for someone to act: counts toward the deadline. */
        boolean open() {
            return this != RESOLVED && this != CONFIRMED;
        }
    }

    /** How soon a report must be resolved; a MAJOR one goes to the community at once (重大问题立即上报). */
    enum Urgency {
        NORMAL, URGENT, MAJOR
    }

    private static final Map<Status, Set<Status>> MOVES = new EnumMap<>(Status.class);

    static {
        MOVES.put(Status.REPORTED, EnumSet.of(Status.ACCEPTED));
        MOVES.put(Status.ACCEPTED, EnumSet.of(Status.ASSIGNED));
        MOVES.put(Status.ASSIGNED, EnumSet.of(Status.RESOLVED));
        MOVES.put(Status.RESOLVED, EnumSet.of(Status.CONFIRMED, Status.REOPENED));
        MOVES.put(Status.REOPENED, EnumSet.of(Status.ASSIGNED));
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
