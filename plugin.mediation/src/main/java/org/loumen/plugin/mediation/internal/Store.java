package org.loumen.plugin.mediation.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/** The programme's tables (MD_*), through its own persistence unit. */
final class Store {

    private final JpaTemplate jpa;

    Store(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    <R> R tx(Function<EntityManager, R> work) {
        return jpa.txExpr(TransactionType.Required, work::apply);
    }

    <T> T find(Class<T> type, long id) {
        return tx(em -> em.find(type, id));
    }

    List<PairingEntity> pairings(String street) {
        return tx(em -> em.createQuery("SELECT p FROM PairingEntity p WHERE p.street = :s ORDER BY p.community, "
                + "p.since DESC, p.id DESC", PairingEntity.class).setParameter("s", street).getResultList());
    }

    Map<Long, PairingEntity> pairingsById(String street) {
        Map<Long, PairingEntity> out = new HashMap<>();
        pairings(street).forEach(p -> out.put(p.id, p));
        return out;
    }

    List<CaseEntity> cases(String street) {
        return tx(em -> em.createQuery("SELECT c FROM CaseEntity c WHERE c.community LIKE :s ORDER BY c.openedOn DESC, "
                + "c.id DESC", CaseEntity.class).setParameter("s", street + "%").getResultList());
    }

    List<RoundEntity> rounds(String street) {
        return tx(em -> em.createQuery("SELECT r FROM RoundEntity r WHERE r.street = :s ORDER BY r.startsOn DESC, "
                + "r.id DESC", RoundEntity.class).setParameter("s", street).getResultList());
    }

    List<DisputeEntity> disputes(long round) {
        return tx(em -> em.createQuery("SELECT d FROM DisputeEntity d WHERE d.round = :r ORDER BY d.id",
                DisputeEntity.class).setParameter("r", round).getResultList());
    }

    List<SessionEntity> sessions(long caseId) {
        return tx(em -> em.createQuery("SELECT s FROM SessionEntity s WHERE s.caseId = :c ORDER BY s.heldOn, s.id",
                SessionEntity.class).setParameter("c", caseId).getResultList());
    }

    /** Version 1's states under their new names (OPEN → ACCEPTED, MEDIATED → AGREED); run on activation. */
    int upgradeStates() {
        return tx(em -> em.createQuery("UPDATE CaseEntity c SET c.status = 'ACCEPTED' WHERE c.status = 'OPEN'")
                .executeUpdate()
                + em.createQuery("UPDATE CaseEntity c SET c.status = 'AGREED', c.outcome = 'AGREED' WHERE "
                        + "c.status = 'MEDIATED'").executeUpdate()
                + em.createQuery("UPDATE CaseEntity c SET c.outcome = 'REFERRED' WHERE c.status = 'REFERRED' AND "
                        + "c.outcome IS NULL").executeUpdate());
    }
}
