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
        if (rangeForScope()) {
            // after a cursor: the scope as the range [from, to) of unit codes only (see keyRange), so that the index
            // is read from the cursor; "unit like 'scope%'" would be the range's start key instead, and Derby would
            // read every index entry of the scope up to the cursor (runtime statistics: 500,014 rows visited for 21)
            w.append("1 = 1");
        } else {
            w.append(Tx.scopeClause("h.unit", scopes));
        }
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
            // [from, to) is the (UNIT, ROOM) index range read: from the cursor's unit (or the scope's start, when a
            // cursor points before it) to the scope's end, so that neither the rows before the cursor nor those after
            // the scope are visited; the rest drops the cursor's unit's rooms up to the cursor
            w.append(" and h.unit >= :fromUnit and h.unit < :toUnit and (h.unit > :afterUnit or h.room > :afterRoom)");
        }
        return w.toString();
    }

    /** Whether the one scope is written as the key range alone (after a cursor), without its like clause. */
    private boolean rangeForScope() {
        return after != null && scopes.size() == 1;
    }

    /** The where clause without anything in front. */
    String where() {
        return where(null);
    }

    /** Binds the parameters {@link #where} named. */
    void bind(TypedQuery<?> q) {
        if (!rangeForScope()) {
            Tx.bindScopes(q, scopes);
        }
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
            String[] range = keyRange();
            q.setParameter("fromUnit", range[0]).setParameter("toUnit", range[1])
                    .setParameter("afterUnit", after.unit()).setParameter("afterRoom", after.room());
        }
    }

    /**
     * The unit codes a page after the cursor may hold, {@code [from, to)}: from the later of the cursor's unit and the
     * first scope (or the community), to the end of the last scope (or of the community). A unit code starts with a
     * prefix p exactly when p &lt;= code &lt; {@link #end}(p); with one scope the range stands for it, with several
     * their like clauses are kept as well.
     */
    String[] keyRange() {
        String from = after.unit();
        String to = null;
        for (String s : scopes) {
            to = to == null || end(s).compareTo(to) > 0 ? end(s) : to;
        }
        String first = scopes.stream().min(String::compareTo).orElse("");
        from = first.compareTo(from) > 0 ? first : from;
        if (community != null) {
            from = community.compareTo(from) > 0 ? community : from;
            to = to == null || end(community).compareTo(to) < 0 ? end(community) : to;
        }
        // no scope: nothing (the clause says 1 = 0); an empty range keeps it so
        return new String[] { from, to == null ? from : to };
    }

    /** The first string after every string starting with the prefix: its last character plus one. */
    static String end(String prefix) {
        if (prefix.isEmpty()) {
            return "\uffff";
        }
        return prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    }

    /** The same filters without a cursor (for the listing's total). */
    HouseholdQueries fromStart() {
        return after == null ? this : new HouseholdQueries(scopes, community, unit, group, null);
    }
}
