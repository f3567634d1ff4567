package org.loumen.core.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.domain.GroupCommit;
import org.loumen.security.AuditRecord;
import org.loumen.security.AuditTrail;

/**
 * Ballots written in groups (选票组提交): the ballots cast while the previous group was being committed are written in
 * one transaction, one log force for all of them ({@link GroupCommit}). Each voter's 201 waits for the commit holding
 * its ballot. That a code votes once stays the database's rule, not memory's: each code is marked used by one
 * conditional update, and a second ballot with the same code — in the same group, or in another node's transaction
 * on the same database — updates no row and is answered {@link Outcome#USED}. An accepted ballot's audit entry is
 * written in the same transaction, so a ballot and its entry cost one log force, not two in a row.
 */
final class Ballots implements AutoCloseable {

    /** The largest group one transaction writes. */
    static final int MAX_GROUP = 128;

    /**
     * A ballot to write: its code (normalised), its evaluation, its ratings (checked already), and the audit entry
     * of its acceptance, committed with it ({@code null}: the caller records it).
     */
    record Cast(String code, long evaluation, List<EvaluationService.Rating> ratings, AuditRecord entry) {

        Cast(String code, long evaluation, List<EvaluationService.Rating> ratings) {
            this(code, evaluation, ratings, null);
        }
    }

    enum Outcome {
        ACCEPTED, USED, CLOSED
    }

    private final JpaTemplate jpa;
    private final AuditTrail audit;
    private final GroupCommit<Cast, Outcome> group;

    /** @param audit the trail the accepted ballots' entries are appended to, in the ballots' own transaction */
    Ballots(JpaTemplate jpa, AuditTrail audit) {
        this.jpa = jpa;
        this.audit = audit;
        this.group = new GroupCommit<>("loumen-ballot-writer", MAX_GROUP, this::writeCommitted);
    }

    /** Writes the ballot; returns once the transaction holding it has committed. */
    Outcome submit(Cast cast) {
        return group.submit(cast);
    }

    @Override
    public void close() {
        group.close();
    }

    /** One transaction for the group, run again when a parallel one made it fail (a deadlock, a serialisation). */
    private List<Outcome> writeCommitted(List<Cast> casts) {
        return EvaluationService.retrying(() -> jpa.txExpr(em -> write(em, casts, audit)));
    }

    /**
     * Writes the ballots in the transaction of {@code em}: codes marked in code order (so that two nodes' groups
     * never wait for each other in a circle), then every accepted ballot's ratings (one batch), the running totals
     * ({@link Tallies}, rows locked in key order), then the accepted ballots' audit entries (one commit, one log
     * force for a ballot and its entry; the chain's head is the last lock taken, so it is held only for the commit).
     */
    static List<Outcome> write(EntityManager em, List<Cast> casts, AuditTrail audit) {
        Outcome[] out = new Outcome[casts.size()];
        Map<Long, EvaluationEntity> read = new HashMap<>();
        List<Integer> open = new ArrayList<>();
        for (int i : inCodeOrder(casts)) {
            Cast c = casts.get(i);
            EvaluationEntity evaluation = read.computeIfAbsent(c.evaluation(),
                    e -> em.find(EvaluationEntity.class, e));
            if (evaluation == null || !"OPEN".equals(evaluation.status)) {
                out[i] = Outcome.CLOSED;
            } else {
                open.add(i);
            }
        }
        if (open.isEmpty()) {
            return List.of(out);
        }
        // plain JDBC in the transaction's connection: one batch per table, not a JPQL bulk update per code and a
        // persisted entity per rating (the profile of the writer thread: half its time in EclipseLink's statements);
        // the unit keeps no shared cache, so nothing cached goes stale
        Connection connection = em.unwrap(Connection.class);
        try {
            List<Integer> accepted = mark(connection, casts, open, out);
            insertRatings(connection, casts, accepted);
            List<Cast> totalled = accepted.stream().map(casts::get)
                    .filter(c -> Boolean.TRUE.equals(read.get(c.evaluation()).tallied)).toList();
            Tallies.add(connection, totalled);
            List<AuditRecord> entries = accepted.stream().map(i -> casts.get(i).entry()).filter(e -> e != null)
                    .toList();
            if (!entries.isEmpty()) {
                audit.recordIn(connection, entries);
            }
        } catch (SQLException e) {
            throw new PersistenceException("ballots not written / 选票未写入", e);
        }
        return List.of(out);
    }

    /**
     * Marks each code used by one conditional update, in code order (the positions in {@code open}), all in one
     * batch: a code already used — earlier, in this batch, or by another node — updates no row and is
     * {@link Outcome#USED}. Returns the accepted ballots' positions.
     */
    private static List<Integer> mark(Connection c, List<Cast> casts, List<Integer> open, Outcome[] out)
            throws SQLException {
        int[] marked;
        try (PreparedStatement u = c.prepareStatement("UPDATE WF_BALLOT_CODE SET USED = ? WHERE CODE = ? AND "
                + "USED = ?")) {
            for (int i : open) {
                u.setBoolean(1, true);
                u.setString(2, casts.get(i).code());
                u.setBoolean(3, false);
                u.addBatch();
            }
            marked = u.executeBatch();
            if (Arrays.stream(marked).anyMatch(n -> n < 0)) {
                // the updates ran, but which codes they marked is unknown: rolled back rather than guessed (Derby and
                // PostgreSQL both count each statement of a batch)
                throw new SQLException("the driver did not count each update of the batch");
            }
        }
        List<Integer> accepted = new ArrayList<>();
        for (int k = 0; k < open.size(); k++) {
            int i = open.get(k);
            out[i] = marked[k] == 1 ? Outcome.ACCEPTED : Outcome.USED;
            if (marked[k] == 1) {
                accepted.add(i);
            }
        }
        return accepted;
    }

    /** Every accepted ballot's ratings, one row per leader rated (id: a new ballot id and the leader's), one batch. */
    private static void insertRatings(Connection c, List<Cast> casts, List<Integer> accepted) throws SQLException {
        if (accepted.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO WF_RATING (ID, EVALUATION, LEADER_ID, "
                + "RATING) VALUES (?, ?, ?, ?)")) {
            for (int i : accepted) {
                Cast cast = casts.get(i);
                String ballot = UUID.randomUUID().toString();
                for (EvaluationService.Rating r : cast.ratings()) {
                    insert.setString(1, ballot + ":" + r.leader());
                    insert.setLong(2, cast.evaluation());
                    insert.setLong(3, r.leader());
                    insert.setString(4, r.rating());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** The positions of the ballots ordered by code; the same code twice keeps its order of arrival. */
    static int[] inCodeOrder(List<Cast> casts) {
        return IntStream.range(0, casts.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> casts.get(i).code()).thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }
}
