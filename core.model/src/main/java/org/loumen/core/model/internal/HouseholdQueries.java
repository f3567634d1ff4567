package org.loumen.core.model.internal;

import java.util.Set;

import javax.persistence.TypedQuery;

import org.loumen.core.model.SpecialGroup;

/**
 * The one where-clause of the household reads ({@link JpaHouseholdService#find}, {@code findAfter}, {@code tagged}),
 * like {@link LeaderQueries#where}/{@link LeaderQueries#bind} for leaders: the caller's scope on the unit code, the
 * community, the unit and the special group, each only when given, and optionally the key after a cursor.
 *
 * @param scopes    the caller's scope codes (the unit code starts with one)
 * @param community a community code, or null
 * @param unit      a unit code, or null
 * @param group     a special group the tags must hold, or null
 * @param after     the key the rows must follow in (unit, room) order, or null
 */
record HouseholdQueries(Set<String> scopes, String community, String unit, SpecialGroup group,
        HouseholdCursor after) {

    /** The where clause over {@code h} (a HouseholdEntity), with {@code more} and-ed in front when not null. */
    String where(String more) {
        StringBuilder w = new StringBuilder(" where ");
        if (more != null) {
            w.append(more).append(" and ");
        }
        w.append(Tx.scopeClause("h.unit", scopes));
        if (community != null) {
            w.append(" and h.community = :community");
        }
        if (unit != null) {
            w.append(" and h.unit = :unit");
        }
        if (group != null) {
            w.append(" and h.specialGroups like :group");
        }
        if (after != null) {
            // "unit >= ?" is the start key of the (UNIT, ROOM) index range; the rest drops the rows up to the cursor
            w.append(" and h.unit >= :afterUnit and (h.unit > :afterUnit or h.room > :afterRoom)");
        }
        return w.toString();
    }

    /** The where clause without anything in front. */
    String where() {
        return where(null);
    }

    /** Binds the parameters {@link #where} named. */
    void bind(TypedQuery<?> q) {
        Tx.bindScopes(q, scopes);
        if (community != null) {
            q.setParameter("community", community);
        }
        if (unit != null) {
            q.setParameter("unit", unit);
        }
        if (group != null) {
            q.setParameter("group", "%" + group.name() + "%");
        }
        if (after != null) {
            q.setParameter("afterUnit", after.unit()).setParameter("afterRoom", after.room());
        }
    }

    /** The same filters without a cursor (for the listing's total). */
    HouseholdQueries fromStart() {
        return after == null ? this : new HouseholdQueries(scopes, community, unit, group, null);
    }
}
