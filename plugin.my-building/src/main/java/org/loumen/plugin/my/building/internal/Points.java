package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;
import java.util.List;

import javax.persistence.EntityManager;

import org.loumen.programme.ProgrammeRequest;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/**
 * The points ledger (积分流水): entries are only ever added. A household's balance is kept beside it in the same
 * transaction: credits add, debits take only what is there ({@code points + delta >= 0} in one conditional update),
 * so a balance never goes below zero and always equals the sum of the household's entries. One credit per household,
 * reason and reference (a unique key): a duty, an activity or a convention is counted once.
 */
final class Points {

    record Entry(long id, long household, String unit, long delta, String reason, String ref, String note, LocalDateTime at,
            String by) {
        static Entry of(PointEntryEntity e) {
            return new Entry(e.id, e.household, e.unit, e.delta, e.reason, e.ref, e.note, e.at, e.by);
        }
    }

    private final Tx tx;
    private final Households households;

    Points(Tx tx, Households households) {
        this.tx = tx;
        this.households = households;
    }

    /**
     * Adds an entry and moves the balance, inside the caller's transaction; a debit beyond the balance changes
     * nothing and answers false.
     */
    static boolean post(EntityManager em, HouseholdEntity h, long delta, Rules.Reason reason, String ref, String note,
            String by, LocalDateTime at) {
        int moved = em.createQuery("UPDATE HouseholdEntity h SET h.points = h.points + :d, h.version = h.version + 1 "
                + "WHERE h.id = :id AND h.points + :d >= 0").setParameter("d", delta).setParameter("id", h.id)
                .executeUpdate();
        if (moved == 0) {
            return false;
        }
        PointEntryEntity e = new PointEntryEntity();
        e.street = h.street;
        e.community = h.community;
        e.unit = h.unit;
        e.household = h.id;
        e.delta = delta;
        e.reason = reason.name();
        e.ref = ref;
        e.note = note;
        e.by = by;
        e.at = at;
        em.persist(e);
        em.flush();
        return true;
    }

    /** GET /points?unit=&household=: the ledger in the caller's part, newest first (at most 500 entries). */
    List<Entry> ledger(ProgrammeRequest r) throws ApiException {
        String unit = r.query("unit").orElse(null);
        Long household = null;
        if (r.query("household").isPresent()) {
            try {
                household = Long.parseLong(r.query("household").get());
            } catch (NumberFormatException e) {
                throw new ApiException(400, "invalid-parameter", "household 须为数字 / household must be a number",
                        "household");
            }
        }
        String prefix = unit != null ? unit : r.street();
        if (unit != null) {
            r.place("unit", unit);
        }
        Long h = household;
        return tx.run(em -> em.createQuery("SELECT e FROM PointEntryEntity e WHERE e.unit LIKE :p"
                + (h == null ? "" : " AND e.household = :h") + " ORDER BY e.at DESC, e.id DESC", PointEntryEntity.class)
                .setParameter("p", prefix + "%").setMaxResults(2000)
                .getResultList()).stream().filter(e -> h == null || e.household == h).filter(e -> r.inScope(e.unit))
                .limit(500).map(Entry::of).toList();
    }

    /** POST /points/corrections (staff): a new entry that corrects; never a change to an old one. */
    ApiResponse correct(ProgrammeRequest r) throws ApiException {
        Rules.Correction c = r.body(Rules.Correction.class);
        Rules.check(c);
        HouseholdEntity h = households.find(r, c.household(), "household");
        String note = Rules.text("note", c.note(), 200, true);
        Entry out = tx.run(em -> {
            if (!post(em, h, c.delta(), Rules.Reason.CORRECTION, "C" + System.nanoTime(), note, Who.by(r),
                    LocalDateTime.now(MyBuilding.CHINA))) {
                throw new ApiException(409, "insufficient-points", "积分不足，调整后不能为负 / the balance cannot go below "
                        + "zero", "delta");
            }
            return Entry.of(em.createQuery("SELECT e FROM PointEntryEntity e WHERE e.household = :h ORDER BY e.id DESC",
                    PointEntryEntity.class).setParameter("h", h.id).setMaxResults(1).getSingleResult());
        });
        r.auditDetail("points correction " + c.delta() + " for household " + h.id);
        return ApiResponse.created(out);
    }
}
