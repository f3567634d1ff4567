package org.loumen.core.workflow.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.loumen.core.model.LeaderStatus;

/**
 * The legal moves of a leader's lifecycle (楼门栋长产生与管理流程): nominated, approved or rejected by the residents'
 * representatives meeting, trained, certified with a work ID and armband, serving on an assignment, and then
 * suspended, resigned or not re-appointed. Rejected, resigned, not re-appointed and retired are final.
 */
final class Lifecycle {

    private static final Map<LeaderStatus, Set<LeaderStatus>> MOVES = new EnumMap<>(LeaderStatus.class);

    static {
        MOVES.put(LeaderStatus.NOMINATED, EnumSet.of(LeaderStatus.APPROVED, LeaderStatus.REJECTED));
        MOVES.put(LeaderStatus.APPROVED, EnumSet.of(LeaderStatus.IN_TRAINING));
        MOVES.put(LeaderStatus.IN_TRAINING, EnumSet.of(LeaderStatus.CERTIFIED));
        MOVES.put(LeaderStatus.CERTIFIED, EnumSet.of(LeaderStatus.IN_SERVICE));
        MOVES.put(LeaderStatus.IN_SERVICE, EnumSet.of(LeaderStatus.SUSPENDED, LeaderStatus.RESIGNED,
                LeaderStatus.NOT_REAPPOINTED));
        MOVES.put(LeaderStatus.SUSPENDED, EnumSet.of(LeaderStatus.IN_SERVICE, LeaderStatus.RESIGNED,
                LeaderStatus.NOT_REAPPOINTED));
    }

    private Lifecycle() {
    }

    /** The statuses a leader may move to from {@code from}; empty for a final status. */
    static Set<LeaderStatus> allowed(LeaderStatus from) {
        return MOVES.getOrDefault(from, EnumSet.noneOf(LeaderStatus.class));
    }

    static boolean legal(LeaderStatus from, LeaderStatus to) {
        return allowed(from).contains(to);
    }

    /** A decision of the residents' representatives meeting approves with a majority of those present. */
    static boolean approves(int attendees, int votesFor) {
        return votesFor * 2 > attendees;
    }
}
