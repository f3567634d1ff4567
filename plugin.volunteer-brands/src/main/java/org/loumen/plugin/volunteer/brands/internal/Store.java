package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.web.ApiException;

/** The programme's reads of its own tables. */
final class Store {

    final JpaTemplate jpa;

    Store(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    List<BrandEntity> brands(String street) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT b FROM BrandEntity b WHERE b.street = :s ORDER BY b.community, b.id", BrandEntity.class)
                .setParameter("s", street).getResultList());
    }

    List<MemberEntity> members(String street) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT m FROM MemberEntity m WHERE m.street = :s ORDER BY m.brand, m.id", MemberEntity.class)
                .setParameter("s", street).getResultList());
    }

    List<MemberEntity> members(long brand) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT m FROM MemberEntity m WHERE m.brand = :b ORDER BY m.id", MemberEntity.class)
                .setParameter("b", brand).getResultList());
    }

    /** The hours of these brands, served between the days (inclusive; either may be null). */
    List<HoursEntity> hours(Collection<Long> brands, LocalDate from, LocalDate to) {
        if (brands.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT h FROM HoursEntity h WHERE h.brand IN :b AND h.servedOn >= :f AND h.servedOn <= :t "
                        + "ORDER BY h.servedOn DESC, h.id DESC", HoursEntity.class)
                .setParameter("b", brands).setParameter("f", from == null ? LocalDate.of(1900, 1, 1) : from)
                .setParameter("t", to == null ? LocalDate.of(2199, 12, 31) : to).getResultList());
    }

    List<HoursEntity> year(Collection<Long> brands, int year) {
        return hours(brands, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * A write in one transaction: an answer decided inside it ({@link Refused}) rolls it back and is thrown as the
     * {@link ApiException} it carries; a volunteer number in use is a 409 naming {@code volunteerNo}.
     */
    <T> T write(org.apache.aries.jpa.template.EmFunction<T> work) throws ApiException {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Refused refused) {
                    throw refused.answer();
                }
                if (t instanceof Roster.VolunteerNoTaken) {
                    throw new ApiException(409, "volunteer-no-taken", "志愿者编号已被使用 / the volunteer number is "
                            + "in use", "volunteerNo");
                }
            }
            throw e;
        }
    }

    /** An answer decided inside a transaction: thrown to roll it back, answered as its {@link ApiException}. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(ApiException answer) {
            super(answer.getMessage(), answer, false, false);
        }

        ApiException answer() {
            return (ApiException) getCause();
        }
    }

    /** The brand in the path, if it is in this street and the caller sees it; else the same 404. */
    BrandEntity brand(ProgrammeRequest r) throws ApiException {
        long id = r.pathId("brand").orElse(-1L);
        BrandEntity b = jpa.txExpr(TransactionType.Required, em -> em.find(BrandEntity.class, id));
        if (b == null || !Who.sees(r, b)) {
            throw new ApiException(404, "not-found", "未找到品牌 / no such brand");
        }
        return b;
    }

    /** A member's hours on a day that count towards the 24-hour limit (approved and pending). */
    static BigDecimal recordedOn(javax.persistence.EntityManager em, long member, LocalDate day) {
        return em.createQuery("SELECT h FROM HoursEntity h WHERE h.member = :m AND h.servedOn = :d AND h.status <> "
                + ":r", HoursEntity.class).setParameter("m", member).setParameter("d", day)
                .setParameter("r", HoursRules.REJECTED).getResultList().stream().map(h -> h.hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
