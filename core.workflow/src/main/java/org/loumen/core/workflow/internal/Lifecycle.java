package org.loumen.core.workflow.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.loumen.core.model.LeaderStatus;

/**
 * The legal moves of a leader's lifecycle (楼门栋长产生与管理流程): nominated, approved or rejected by the residents'
 * representatives meeting, trained, certified with a work ID and armband, serving on an assignment, and then
 * suspended, resigned or not re-appointed, or retired (离任) from service or suspension. Rejected, resigned, not
 * re-appointed and retired are final.
 */
final class Lifecycle {

    private static final Map<LeaderStatus, Set<LeaderStatus>> MOVES = new EnumMap<>(LeaderStatus.class);

    static {
        MOVES.put(LeaderStatus.NOMINATED, EnumSet.of(LeaderStatus.APPROVED, LeaderStatus.REJECTED));
        MOVES.put(LeaderStatus.APPROVED, EnumSet.of(LeaderStatus.IN_TRAINING));
        MOVES.put(LeaderStatus.IN_TRAINING, EnumSet.of(LeaderStatus.CERTIFIED));
        MOVES.put(LeaderStatus.CERTIFIED, EnumSet.of(LeaderStatus.IN_SERVICE));
        MOVES.put(LeaderStatus.IN_SERVICE, EnumSet.of(LeaderStatus.SUSPENDED, LeaderStatus.RESIGNED,
                LeaderStatus.NOT_REAPPOINTED, LeaderStatus.RETIRED));
        MOVES.put(LeaderStatus.SUSPENDED, EnumSet.of(LeaderStatus.IN_SERVICE, LeaderStatus.RESIGNED,
                LeaderStatus.NOT_REAPPOINTED, LeaderStatus.RETIRED));
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

    /**
     * The move back that only withdrawing from onboarding training makes (not a route's move, so not in
     * {@link #allowed}): IN_TRAINING to APPROVED.
     */
    static boolean withdrawal(LeaderStatus from, LeaderStatus to) {
        return from == LeaderStatus.IN_TRAINING && to == LeaderStatus.APPROVED;
    }

    /**
     * The actions staff may take now, one per route that makes a legal move from {@code from}, in the order of the
     * lifecycle: {@code decision} (POST /leaders/{id}/decision, to APPROVED or REJECTED), {@code training},
     * {@code certification}, {@code activation} (CERTIFIED to IN_SERVICE), {@code suspend}, {@code resign} and
     * {@code reinstate} (POST /leaders/{id}/status with SUSPENDED, RESIGNED, IN_SERVICE), {@code retire}. A move no
     * route makes (NOT_REAPPOINTED, decided by the evaluation) is no action.
     */
    static List<String> actions(LeaderStatus from) {
        Set<LeaderStatus> to = allowed(from);
        List<String> out = new ArrayList<>();
        if (to.contains(LeaderStatus.APPROVED) || to.contains(LeaderStatus.REJECTED)) {
            out.add("decision");
        }
        if (to.contains(LeaderStatus.IN_TRAINING)) {
            out.add("training");
        }
        if (to.contains(LeaderStatus.CERTIFIED)) {
            out.add("certification");
        }
        if (to.contains(LeaderStatus.IN_SERVICE)) {
            out.add(from == LeaderStatus.CERTIFIED ? "activation" : "reinstate");
        }
        if (to.contains(LeaderStatus.SUSPENDED)) {
            out.add("suspend");
        }
        if (to.contains(LeaderStatus.RESIGNED)) {
            out.add("resign");
        }
        if (to.contains(LeaderStatus.RETIRED)) {
            out.add("retire");
        }
        return out;
    }

    /** A decision of the residents' representatives meeting approves with a majority of those present. */
    static boolean approves(int attendees, int votesFor) {
        return votesFor * 2 > attendees;
    }
}
