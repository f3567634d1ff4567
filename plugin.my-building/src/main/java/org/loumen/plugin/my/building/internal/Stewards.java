package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.loumen.programme.ProgrammeRequest;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/**
 * Stewards (楼门管家): a resident signs up from the unit page with the household code (PENDING), or the unit's leader
 * adds one (APPROVED at once); the leader or the secretary approves or rejects, names the lead steward (one per unit)
 * and ends a steward's service. A unit has at most {@link Rules#MAX_STEWARDS}. To work in the console a steward gets
 * an account with the programme role {@code STEWARD} at the unit (granted by the secretary; linked here).
 */
final class Stewards {

    /** A steward in the console: the phone masked. */
    record Steward(long id, String unit, String name, String phone, String room, String status, boolean lead,
            String source, String username, LocalDateTime createdAt) {
    }

    private final Tx tx;
    private final Places places;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    Stewards(Tx tx, Places places) {
        this.tx = tx;
        this.places = places;
    }

    /** Decisions about one unit's stewards are taken one at a time (the count and the lead are per unit). */
    private Object lock(String unit) {
        return locks.computeIfAbsent(unit, k -> new Object());
    }

    private Steward view(EntityManager em, StewardEntity s) {
        HouseholdEntity h = s.household == null ? null : em.find(HouseholdEntity.class, s.household);
        return new Steward(s.id, s.unit, s.name, Who.mask(s.phone), h == null ? null : h.room, s.status, s.lead,
                s.source, s.username, s.createdAt);
    }

    List<StewardEntity> of(EntityManager em, String unit) {
        return em.createQuery("SELECT s FROM StewardEntity s WHERE s.unit = :u ORDER BY s.lead DESC, s.id",
                StewardEntity.class).setParameter("u", unit).getResultList();
    }

    /** GET /units/{unit}/stewards */
    List<Steward> list(ProgrammeRequest r) throws ApiException {
        String unit = places.unit(r, "unit", r.pathParam("unit"));
        return tx.run(em -> of(em, unit).stream().map(s -> view(em, s)).toList());
    }

    /** POST /units/{unit}/stewards: the leader (or secretary) adds a steward, approved at once. */
    ApiResponse add(ProgrammeRequest r) throws ApiException {
        Who.approver(r);
        String unit = places.unit(r, "unit", r.pathParam("unit"));
        Rules.NewSteward b = r.body(Rules.NewSteward.class);
        String name = Rules.text("name", b.name(), 40, true);
        String phone = Rules.phone("phone", b.phone());
        String room = Rules.room("room", b.room(), false);
        synchronized (lock(unit)) {
            Steward out = tx.run(em -> {
                Long household = null;
                if (room != null) {
                    List<HouseholdEntity> h = em.createQuery("SELECT h FROM HouseholdEntity h WHERE h.unit = :u AND "
                            + "h.room = :r", HouseholdEntity.class).setParameter("u", unit).setParameter("r", room)
                            .getResultList();
                    household = h.isEmpty() ? Households.create(em, unit, room).id : h.get(0).id;
                }
                full(em, unit, "name");
                return view(em, create(em, unit, household, name, phone, Rules.StewardStatus.APPROVED, "LEADER",
                        Who.by(r)));
            });
            r.auditDetail("steward " + out.id() + " added in " + unit);
            return ApiResponse.created(out);
        }
    }

    private void full(EntityManager em, String unit, String field) throws ApiException {
        long approved = em.createQuery("SELECT COUNT(s) FROM StewardEntity s WHERE s.unit = :u AND s.status = "
                + "'APPROVED'", Long.class).setParameter("u", unit).getSingleResult();
        if (approved >= Rules.MAX_STEWARDS) {
            throw new ApiException(409, "stewards-full", "本楼门已有 " + Rules.MAX_STEWARDS + " 位楼门管家 / the unit has "
                    + Rules.MAX_STEWARDS + " stewards already", field);
        }
    }

    static StewardEntity create(EntityManager em, String unit, Long household, String name, String phone,
            Rules.StewardStatus status, String source, String by) {
        StewardEntity s = new StewardEntity();
        s.street = unit.substring(0, 9);
        s.community = unit.substring(0, 12);
        s.unit = unit;
        s.household = household;
        s.name = name;
        s.phone = phone;
        s.status = status.name();
        s.source = source;
        s.createdAt = LocalDateTime.now(MyBuilding.CHINA);
        if (status == Rules.StewardStatus.APPROVED) {
            s.decidedBy = by;
            s.decidedAt = s.createdAt;
        }
        em.persist(s);
        em.flush();
        return s;
    }

    /** A resident's sign-up from the unit page (the household is known by its code): PENDING. */
    StewardEntity apply(EntityManager em, HouseholdEntity h, String name, String phone) throws ApiException {
        long open = em.createQuery("SELECT COUNT(s) FROM StewardEntity s WHERE s.household = :h AND s.status IN "
                + "('PENDING', 'APPROVED')", Long.class).setParameter("h", h.id).getSingleResult();
        if (open > 0) {
            throw new ApiException(409, "already-applied", "您家已报名或已是楼门管家 / your household has signed up "
                    + "already", "householdCode");
        }
        return create(em, h.unit, h.id, name, phone, Rules.StewardStatus.PENDING, "RESIDENT", "resident");
    }

    private StewardEntity find(EntityManager em, ProgrammeRequest r) throws ApiException {
        long id = r.pathId("steward").orElse(-1L);
        StewardEntity s = em.find(StewardEntity.class, id);
        if (s == null || !s.street.equals(r.street()) || !r.inScope(s.unit)) {
            throw Who.notFound("楼门管家", "steward", "steward");
        }
        return s;
    }

    /** The request's steward, who must be approved: otherwise 409 not-approved with the refusal (and the field). */
    private StewardEntity approved(EntityManager em, ProgrammeRequest r, String refusal, String field)
            throws ApiException {
        StewardEntity s = find(em, r);
        if (!s.status.equals(Rules.StewardStatus.APPROVED.name())) {
            throw field == null ? new ApiException(409, "not-approved", refusal)
                    : new ApiException(409, "not-approved", refusal, field);
        }
        return s;
    }

    private String unitOf(ProgrammeRequest r) throws ApiException {
        return tx.run(em -> find(em, r).unit);
    }

    /** POST /stewards/{steward}/decision {approve}: PENDING → APPROVED | REJECTED. */
    Steward decide(ProgrammeRequest r) throws ApiException {
        Who.approver(r);
        Rules.Decision d = r.body(Rules.Decision.class);
        if (d.approve() == null) {
            throw ApiException.invalidField("approve", "须为 true 或 false / approve must be true or false");
        }
        String unit = unitOf(r);
        synchronized (lock(unit)) {
            Steward out = tx.run(em -> {
                StewardEntity s = find(em, r);
                if (!s.status.equals(Rules.StewardStatus.PENDING.name())) {
                    throw new ApiException(409, "already-decided", "已经处理过 / already decided: " + s.status);
                }
                if (d.approve()) {
                    full(em, unit, "approve");
                }
                s.status = (d.approve() ? Rules.StewardStatus.APPROVED : Rules.StewardStatus.REJECTED).name();
                s.decidedBy = Who.by(r);
                s.decidedAt = LocalDateTime.now(MyBuilding.CHINA);
                em.flush();
                return view(em, s);
            });
            r.auditDetail("steward " + out.id() + " " + out.status());
            return out;
        }
    }

    /** POST /stewards/{steward}/lead: this approved steward leads; the unit's former lead no longer does. */
    Steward lead(ProgrammeRequest r) throws ApiException {
        Who.approver(r);
        String unit = unitOf(r);
        synchronized (lock(unit)) {
            Steward out = tx.run(em -> {
                StewardEntity s = approved(em, r, "只有已批准的楼门管家可以担任管家长 / only an approved "
                        + "steward can lead", null);
                for (StewardEntity o : of(em, unit)) {
                    o.lead = o.id.equals(s.id);
                }
                em.flush();
                return view(em, s);
            });
            r.auditDetail("lead steward of " + unit + ": " + out.id());
            return out;
        }
    }

    /** POST /stewards/{steward}/end: an approved steward's service ends (the record stays). */
    Steward end(ProgrammeRequest r) throws ApiException {
        Who.approver(r);
        String unit = unitOf(r);
        synchronized (lock(unit)) {
            Steward out = tx.run(em -> {
                StewardEntity s = approved(em, r, "该楼门管家不在任 / the steward is not serving", null);
                s.status = Rules.StewardStatus.ENDED.name();
                s.lead = false;
                em.flush();
                return view(em, s);
            });
            r.auditDetail("steward " + out.id() + " ended");
            return out;
        }
    }

    /** POST /stewards/{steward}/account {username} (staff): the console account the steward signs in with. */
    Steward link(ProgrammeRequest r) throws ApiException {
        Rules.Account a = r.body(Rules.Account.class);
        String username = Rules.text("username", a.username(), 64, true);
        Steward out = tx.run(em -> {
            StewardEntity s = approved(em, r, "只有已批准的楼门管家可以开通账号 / only an approved steward "
                    + "gets an account", "username");
            s.username = username;
            em.flush();
            return view(em, s);
        });
        r.auditDetail("steward " + out.id() + " account " + username);
        return out;
    }

    /** The approved stewards of the caller (by account), e.g. to tell the lead steward. */
    List<StewardEntity> mine(EntityManager em, String username) {
        return em.createQuery("SELECT s FROM StewardEntity s WHERE s.username = :u AND s.status = 'APPROVED'",
                StewardEntity.class).setParameter("u", username).getResultList();
    }
}
