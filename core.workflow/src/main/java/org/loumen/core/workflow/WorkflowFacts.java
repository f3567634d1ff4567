package org.loumen.core.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.loumen.core.model.LeaderStatus;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only facts of the leaders' mechanism, within the caller's scopes (codes: an object is within when its
 * community or place code begins with one of them). Provided by core.workflow as a service.
 */
@ProviderType
public interface WorkflowFacts {

    /** The awards (优秀楼门栋长) of leaders within scope, by certificate number. */
    List<AwardFact> awards(Set<String> scopes);

    /**
     * The reserve pool (后备人才库) for the residents' committees' sub-committees within scope: the awards that put
     * their leader in the pool.
     */
    List<AwardFact> reservePool(Set<String> scopes);

    /** The outcomes for one leader of every closed evaluation of their community, oldest first; empty outside scope. */
    List<EvaluationOutcome> outcomes(Set<String> scopes, long leader);

    /** A leader's current status in the lifecycle; empty when unknown or outside scope. */
    Optional<LeaderStatus> status(Set<String> scopes, long leader);

    /**
     * The problem reports (问题时报) of a place — a community, building or unit code and everything below it — that
     * lie within scope, newest first, at most 500.
     */
    List<ReportFact> reports(Set<String> scopes, String place);

    /**
     * Open problem reports (REPORTED, ACCEPTED, ASSIGNED, REOPENED) within scope that were due before {@code at}, in
     * order of id after {@code afterId} (keyset paging: pass the last id seen, 0 to start), at most {@code limit}.
     * For scheduled scans.
     *
     * @since 1.1
     */
    default List<ReportFact> overdueReports(Set<String> scopes, Instant at, long afterId, int limit) {
        return List.of();
    }

    /**
     * The care visits within scope whose day has passed (by the care plans' one rule), for scheduled scans.
     *
     * @since 1.1
     */
    default List<CareDue> overdueCare(Set<String> scopes) {
        return List.of();
    }

    /**
     * The communities within scope that held no weekly meeting in the last complete week (Monday to Sunday) before
     * {@code today}, or no month-end meeting in the last complete month, by the meetings' one cadence rule. For
     * scheduled scans.
     *
     * @since 1.2
     */
    default List<MissedMeeting> missedMeetings(Set<String> scopes, LocalDate today) {
        return List.of();
    }

    /**
     * The codes of the communities within scope without a closed evaluation (评议) for the half-year {@code period}
     * (e.g. {@code 2026-H2}): none opened, or one still open. For scheduled scans.
     *
     * @since 1.2
     */
    default List<String> withoutClosedEvaluation(Set<String> scopes, String period) {
        return List.of();
    }
}
