package org.loumen.core.model.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

/**
 * How the model's services read: read-only hints for listings, exports and reports, and the code-to-name and
 * code-to-label lookups they share.
 */
final class Reads {

    private Reads() {
    }

    /**
     * Objects of a read are not registered for change detection: listings, exports and reports read thousands and
     * change none, and comparing them all at commit cost seconds.
     */
    static <T> TypedQuery<T> readOnly(TypedQuery<T> query) {
        return query.setHint("eclipselink.read-only", "true");
    }

    /**
     * Read-only only when reading: EclipseLink runs a read-only query outside the transaction's connection, where it
     * would wait on the row locks of the transaction's own uncommitted writes.
     */
    static <T> TypedQuery<T> hint(TypedQuery<T> query, boolean reading) {
        return reading ? readOnly(query) : query;
    }

    /** Two-column rows (code, name) as a map, e.g. every street's name by code. */
    static Map<String, String> names(EntityManager em, String jpql) {
        Map<String, String> m = new HashMap<>();
        for (Object[] r : em.createQuery(jpql, Object[].class).getResultList()) {
            m.put((String) r[0], (String) r[1]);
        }
        return m;
    }

    /** Labels of buildings and units by code. */
    static Map<String, String> labels(EntityManager em, Collection<String> buildings, Collection<String> units) {
        Map<String, String> labels = new HashMap<>();
        if (buildings.size() + units.size() > 1000) {
            for (Object[] r : em.createQuery("select b.code, b.label from BuildingEntity b", Object[].class)
                    .getResultList()) {
                labels.put((String) r[0], (String) r[1]);
            }
            for (Object[] r : em.createQuery("select u.code, u.label from UnitEntity u", Object[].class)
                    .getResultList()) {
                labels.put((String) r[0], (String) r[1]);
            }
            return labels;
        }
        if (!buildings.isEmpty()) {
            for (Object[] r : em.createQuery("select b.code, b.label from BuildingEntity b where b.code in :c",
                    Object[].class).setParameter("c", new ArrayList<>(buildings)).getResultList()) {
                labels.put((String) r[0], (String) r[1]);
            }
        }
        if (!units.isEmpty()) {
            for (Object[] r : em.createQuery("select u.code, u.label from UnitEntity u where u.code in :c",
                    Object[].class).setParameter("c", new ArrayList<>(units)).getResultList()) {
                labels.put((String) r[0], (String) r[1]);
            }
        }
        return labels;
    }
}
