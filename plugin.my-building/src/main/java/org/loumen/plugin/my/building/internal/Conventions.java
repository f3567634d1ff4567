package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;
import java.time.LocalDate;

import javax.persistence.EntityManager;

import org.loumen.programme.ProgrammeRequest;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/**
 * The unit convention (楼门公约): the leader or a steward drafts it, the leader (or secretary) publishes it; households
 * agree from the unit page, one agreement per household and convention (a unique key, so two at once count once),
 * each worth {@link Rules#CONVENTION_POINTS} points. A new version is a new row; agreements stay with their version.
 */
final class Conventions {

    enum Status {
        DRAFT, PUBLISHED, SUPERSEDED
    }

    record Version(long id, int seq, String text, String status, LocalDate publishedOn, long agreed, long households,
            String draftedBy, LocalDateTime draftedAt) {
    }

    record Convention(String unit, Version current, Version draft) {
    }

    private final Tx tx;
    private final Places places;

    Conventions(Tx tx, Places places) {
        this.tx = tx;
        this.places = places;
    }

    static ConventionEntity current(EntityManager em, String unit) {
        return em.createQuery("SELECT c FROM ConventionEntity c WHERE c.unit = :u AND c.status = 'PUBLISHED' ORDER BY "
                + "c.seq DESC", ConventionEntity.class).setParameter("u", unit).setMaxResults(1).getResultList()
                .stream().findFirst().orElse(null);
    }

    private static ConventionEntity draft(EntityManager em, String unit) {
        return em.createQuery("SELECT c FROM ConventionEntity c WHERE c.unit = :u AND c.status = 'DRAFT'",
                ConventionEntity.class).setParameter("u", unit).setMaxResults(1).getResultList().stream().findFirst()
                .orElse(null);
    }

    static long agreed(EntityManager em, long convention) {
        return em.createQuery("SELECT COUNT(a) FROM AgreementEntity a WHERE a.convention = :c", Long.class)
                .setParameter("c", convention).getSingleResult();
    }

    static long households(EntityManager em, String unit) {
        return em.createQuery("SELECT COUNT(h) FROM HouseholdEntity h WHERE h.unit = :u", Long.class)
                .setParameter("u", unit).getSingleResult();
    }

    static Version view(EntityManager em, ConventionEntity c) {
        return c == null ? null : new Version(c.id, c.seq, c.text, c.status, c.publishedOn,
                c.status.equals(Status.DRAFT.name()) ? 0 : agreed(em, c.id), households(em, c.unit), c.draftedBy,
                c.draftedAt);
    }

    /** GET /units/{unit}/convention */
    Convention get(ProgrammeRequest r) throws ApiException {
        String unit = places.unit(r, "unit", r.pathParam("unit"));
        return tx.run(em -> new Convention(unit, view(em, current(em, unit)), view(em, draft(em, unit))));
    }

    /** PUT /units/{unit}/convention {text}: the draft (leader, steward, secretary). */
    Convention save(ProgrammeRequest r) throws ApiException {
        String unit = places.unit(r, "unit", r.pathParam("unit"));
        String text = Rules.text("text", r.body(Rules.ConventionText.class).text(), 2000, true);
        Convention out = tx.run(em -> {
            saveDraft(em, unit, text, Who.by(r));
            return new Convention(unit, view(em, current(em, unit)), view(em, draft(em, unit)));
        });
        r.auditDetail("convention draft of " + unit);
        return out;
    }

    static ConventionEntity saveDraft(EntityManager em, String unit, String text, String by) {
        ConventionEntity d = draft(em, unit);
        if (d == null) {
            d = new ConventionEntity();
            d.street = unit.substring(0, 9);
            d.community = unit.substring(0, 12);
            d.unit = unit;
            d.status = Status.DRAFT.name();
            d.seq = 0;
            d.text = text;
            d.draftedBy = by;
            d.draftedAt = LocalDateTime.now(MyBuilding.CHINA);
            em.persist(d);
        } else {
            d.text = text;
            d.draftedBy = by;
            d.draftedAt = LocalDateTime.now(MyBuilding.CHINA);
        }
        em.flush();
        return d;
    }

    /** POST /units/{unit}/convention/publication: the draft becomes the unit's convention. */
    ApiResponse publish(ProgrammeRequest r) throws ApiException {
        Who.approver(r);
        String unit = places.unit(r, "unit", r.pathParam("unit"));
        Convention out = tx.run(em -> {
            if (publish(em, unit, LocalDate.now(MyBuilding.CHINA)) == null) {
                throw new ApiException(409, "no-draft", "没有待发布的草稿 / there is no draft to publish");
            }
            return new Convention(unit, view(em, current(em, unit)), null);
        });
        r.auditDetail("convention " + out.current().seq() + " of " + unit + " published");
        return ApiResponse.created(out);
    }

    static ConventionEntity publish(EntityManager em, String unit, LocalDate on) {
        ConventionEntity d = draft(em, unit);
        if (d == null) {
            return null;
        }
        ConventionEntity old = current(em, unit);
        if (old != null) {
            old.status = Status.SUPERSEDED.name();
        }
        d.seq = old == null ? 1 : old.seq + 1;
        d.status = Status.PUBLISHED.name();
        d.publishedOn = on;
        em.flush();
        return d;
    }

    /** A household agrees (from the unit page); false when it had agreed already. */
    static boolean agree(EntityManager em, ConventionEntity c, HouseholdEntity h) {
        long already = em.createQuery("SELECT COUNT(a) FROM AgreementEntity a WHERE a.convention = :c AND "
                + "a.household = :h", Long.class).setParameter("c", c.id).setParameter("h", h.id).getSingleResult();
        if (already > 0) {
            return false;
        }
        AgreementEntity a = new AgreementEntity();
        a.convention = c.id;
        a.household = h.id;
        a.unit = h.unit;
        a.agreedAt = LocalDateTime.now(MyBuilding.CHINA);
        em.persist(a);
        em.flush();
        Points.post(em, h, Rules.CONVENTION_POINTS, Rules.Reason.CONVENTION, "V" + c.id, "同意楼门公约", "resident",
                a.agreedAt);
        return true;
    }
}
