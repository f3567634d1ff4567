package org.loumen.core.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running totals of an evaluation's ratings per leader (选票累计, {@link TallyEntity}), in one place: added to in
 * the ballots' own transaction, read by the tally, and filled in once from the ratings for evaluations opened before
 * they existed. A tally then reads one row per leader, however many ballots were cast.
 */
final class Tallies {

    private static final Logger LOG = LoggerFactory.getLogger(Tallies.class);

    private Tallies() {
    }

    static String id(long evaluation, long leader) {
        return evaluation + ":" + leader;
    }

    /** The position of a rating in the totals: satisfied, fairly satisfied, dissatisfied. */
    static int index(String rating) {
        return switch (rating) {
            case "SATISFIED" -> 0;
            case "FAIRLY_SATISFIED" -> 1;
            default -> 2;
        };
    }

    /** The ballots' ratings summed per evaluation and leader, in key order (the order rows are locked in). */
    static TreeMap<String, long[]> sum(List<Ballots.Cast> casts) {
        TreeMap<String, long[]> out = new TreeMap<>();
        for (Ballots.Cast c : casts) {
            for (EvaluationService.Rating r : c.ratings()) {
                long[] n = out.computeIfAbsent(id(c.evaluation(), r.leader()),
                        k -> new long[] { c.evaluation(), r.leader(), 0, 0, 0 });
                n[2 + index(r.rating())]++;
            }
        }
        return out;
    }

    /**
     * Adds the ballots' ratings to the running totals in the caller's transaction on {@code c}: one batch of updates
     * in key order, so two nodes' groups never wait for each other in a circle, then the rows not there yet. Two
     * nodes inserting the same new row at once: one fails on the key and its transaction is run again.
     */
    static void add(Connection c, List<Ballots.Cast> casts) throws SQLException {
        TreeMap<String, long[]> sums = sum(casts);
        if (sums.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(sums.keySet());
        int[] updated;
        try (PreparedStatement u = c.prepareStatement("UPDATE WF_TALLY SET SATISFIED = SATISFIED + ?, "
                + "FAIRLY_SATISFIED = FAIRLY_SATISFIED + ?, DISSATISFIED = DISSATISFIED + ? WHERE ID = ?")) {
            for (String k : keys) {
                long[] n = sums.get(k);
                u.setLong(1, n[2]);
                u.setLong(2, n[3]);
                u.setLong(3, n[4]);
                u.setString(4, k);
                u.addBatch();
            }
            updated = u.executeBatch();
        }
        try (PreparedStatement i = c.prepareStatement("INSERT INTO WF_TALLY (ID, EVALUATION, LEADER_ID, SATISFIED, "
                + "FAIRLY_SATISFIED, DISSATISFIED) VALUES (?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (int k = 0; k < keys.size(); k++) {
                if (updated[k] == 0) {
                    long[] n = sums.get(keys.get(k));
                    i.setString(1, keys.get(k));
                    i.setLong(2, n[0]);
                    i.setLong(3, n[1]);
                    i.setLong(4, n[2]);
                    i.setLong(5, n[3]);
                    i.setLong(6, n[4]);
                    i.addBatch();
                    any = true;
                }
            }
            if (any) {
                i.executeBatch();
            }
        }
    }

    /** The running totals of an evaluation: leader → {satisfied, fairly satisfied, dissatisfied}. */
    static Map<Long, int[]> of(EntityManager em, long evaluation) {
        Map<Long, int[]> out = new LinkedHashMap<>();
        for (TallyEntity t : em.createQuery("select t from TallyEntity t where t.evaluation = :e", TallyEntity.class)
                .setParameter("e", evaluation).getResultList()) {
            out.put(t.leader, new int[] { (int) t.satisfied, (int) t.fairlySatisfied, (int) t.dissatisfied });
        }
        return out;
    }

    /** The same counted from every rating: for an evaluation without running totals, and to check them. */
    static Map<Long, int[]> counted(EntityManager em, long evaluation) {
        Map<Long, int[]> out = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("select r.leader, r.rating, count(r) from RatingEntity r "
                + "where r.evaluation = :e group by r.leader, r.rating", Object[].class).setParameter("e", evaluation)
                .getResultList()) {
            out.computeIfAbsent((Long) row[0], k -> new int[3])[index((String) row[1])] += ((Number) row[2]).intValue();
        }
        return out;
    }

    /**
     * Gives every evaluation opened before the running totals existed its totals, counted from its ratings, each in
     * one transaction that first flags it (so of two nodes starting at once only one fills it in). Run before this
     * node casts any ballot, so no ballot of the evaluation commits between the count and the flag on this node.
     *
     * @return how many evaluations were filled in
     */
    static int backfill(JpaTemplate jpa) {
        List<Long> ids = jpa.txExpr(em -> em.createQuery("select e.id from EvaluationEntity e where e.tallied is null",
                Long.class).getResultList());
        int done = 0;
        for (long id : ids) {
            boolean filled = EvaluationService.retrying(() -> jpa.txExpr(em -> {
                if (em.createQuery("update EvaluationEntity e set e.tallied = true where e.id = :e and e.tallied "
                        + "is null").setParameter("e", id).executeUpdate() != 1) {
                    return false;
                }
                for (Map.Entry<Long, int[]> c : counted(em, id).entrySet()) {
                    TallyEntity t = new TallyEntity();
                    t.id = id(id, c.getKey());
                    t.evaluation = id;
                    t.leader = c.getKey();
                    t.satisfied = c.getValue()[0];
                    t.fairlySatisfied = c.getValue()[1];
                    t.dissatisfied = c.getValue()[2];
                    em.persist(t);
                }
                return true;
            }));
            if (filled) {
                done++;
            }
        }
        if (done > 0) {
            LOG.info("Running totals filled in from the ratings of {} evaluations / 已为 {} 次评议补建选票累计", done, done);
        }
        return done;
    }
}
