package org.loumen.core.workflow.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.domain.GroupCommit;

/**
 * Ballots written in groups (选票组提交): the ballots cast while the previous group was being committed are written in
 * one transaction, one log force for all of them ({@link GroupCommit}). Each voter's 201 waits for the commit holding
 * its ballot. That a code votes once stays the database's rule, not memory's: each code is marked used by one
 * conditional update, and a second ballot with the same code — in the same group, or in another node's transaction
 * on the same database — updates no row and is answered {@link Outcome#USED}.
 */
final class Ballots implements AutoCloseable {

    /** The largest group one transaction writes. */
    static final int MAX_GROUP = 128;

    /** A ballot to write: its code (normalised), its evaluation, its ratings (checked already). */
    record Cast(String code, long evaluation, List<EvaluationService.Rating> ratings) {
    }

    enum Outcome {
        ACCEPTED, USED, CLOSED
    }

    private final JpaTemplate jpa;
    private final GroupCommit<Cast, Outcome> group;

    Ballots(JpaTemplate jpa) {
        this.jpa = jpa;
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
        return EvaluationService.retrying(() -> jpa.txExpr(em -> write(em, casts)));
    }

    /**
     * Writes the ballots in the transaction of {@code em}: codes marked in code order (so that two nodes' groups
     * never wait for each other in a circle), then every accepted ballot's ratings (one batch).
     */
    static List<Outcome> write(EntityManager em, List<Cast> casts) {
        Outcome[] out = new Outcome[casts.size()];
        Map<Long, Boolean> open = new HashMap<>();
        List<Integer> accepted = new ArrayList<>();
        for (int i : inCodeOrder(casts)) {
            Cast c = casts.get(i);
            if (!open.computeIfAbsent(c.evaluation(), e -> {
                EvaluationEntity found = em.find(EvaluationEntity.class, e);
                return found != null && "OPEN".equals(found.status);
            })) {
                out[i] = Outcome.CLOSED;
                continue;
            }
            int marked = em.createQuery("update BallotCodeEntity c set c.used = true where c.code = :c and "
                    + "c.used = false").setParameter("c", c.code()).executeUpdate();
            out[i] = marked == 1 ? Outcome.ACCEPTED : Outcome.USED;
            if (marked == 1) {
                accepted.add(i);
            }
        }
        for (int i : accepted) {
            Cast c = casts.get(i);
            String ballot = UUID.randomUUID().toString();
            for (EvaluationService.Rating r : c.ratings()) {
                RatingEntity re = new RatingEntity();
                re.id = ballot + ":" + r.leader();
                re.evaluation = c.evaluation();
                re.leader = r.leader();
                re.rating = r.rating();
                em.persist(re);
            }
        }
        return List.of(out);
    }

    /** The positions of the ballots ordered by code; the same code twice keeps its order of arrival. */
    static int[] inCodeOrder(List<Cast> casts) {
        return IntStream.range(0, casts.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> casts.get(i).code()).thenComparing(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }
}
