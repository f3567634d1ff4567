package org.loumen.core.model.internal;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;

/**
 * Work ID numbers (工作证号) of an import: unique within a street, against the stored leaders and the rows before.
 * The rule of {@link JpaLeaderService#changeStatus} for one leader, applied to a whole file.
 */
final class WorkIds {

    /** street|work ID → the row that holds it, 0 for a stored leader. */
    private final Map<String, Integer> taken = new HashMap<>();

    /** @param any whether the import gives any work ID (if not, the stored ones are not read) */
    WorkIds(EntityManager em, boolean any) {
        if (!any) {
            return;
        }
        for (Object[] r : em.createQuery("select l.street, l.workId from LeaderEntity l where l.workId is not null",
                Object[].class).getResultList()) {
            taken.put(r[0] + "|" + r[1], 0);
        }
    }

    /** Takes the work ID for the row; why not, or null when it is free (or there is none). */
    String claim(String street, String workId, int row) {
        if (workId == null) {
            return null;
        }
        Integer holder = taken.putIfAbsent(street + "|" + workId, row);
        if (holder == null) {
            return null;
        }
        return holder == 0 ? "本街道已有此工作证号 / this work ID is in use in the street"
                : "与第 " + holder + " 行工作证号重复（同一街道） / the same work ID as row " + holder + " in the street";
    }
}
