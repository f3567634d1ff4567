package org.loumen.core.workflow.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Street;
import org.loumen.domain.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A street's onboarding training batches (入职培训班) themselves: created, edited while not finished, listed within the
 * caller's scope, and shown with their figures. Who is enrolled, present, assessed and certified is {@link
 * TrainingService}'s.
 */
@Component(service = TrainingBatches.class)
public final class TrainingBatches {

    record BatchDraft(String title, LocalDate startsOn, LocalDate endsOn, String place, List<String> trainers,
            List<String> curriculum) {
    }

    /**
     * A batch as the API shows it. {@code state}: OPEN (may be edited, cancelled), ASSESSING (an assessment is
     * recorded: the batch is finished as far as edits go) or CANCELLED.
     */
    record Batch(long id, String street, String streetName, String title, LocalDate startsOn, LocalDate endsOn,
            String place, List<String> trainers, List<String> curriculum, List<LocalDate> days, int enrolled,
            int passed, int failed, int absent, int certified, String createdBy, String state, int withdrawn,
            Instant cancelledAt, String cancelReason) {
    }

    private final JpaTemplate jpa;
    private final OrganisationService organisation;

    @Activate
    public TrainingBatches(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference OrganisationService organisation) {
        this.jpa = jpa;
        this.organisation = organisation;
    }

    Batch create(String street, BatchDraft d, String actor) throws Refusal {
        if (organisation.street(street).isEmpty()) {
            throw Refusal.notFound("街镇", "street", street);
        }
        BatchDraft v = BatchDrafts.checked(d);
        long id = jpa.txExpr(em -> {
            TrainingBatchEntity b = new TrainingBatchEntity();
            b.street = street;
            BatchDrafts.fill(b, v);
            b.createdBy = actor;
            b.createdAt = System.currentTimeMillis();
            em.persist(b);
            em.flush();
            return b.id;
        });
        return batch(id).orElseThrow();
    }

    /**
     * Changes a batch's title, dates, place, trainers and curriculum while it is not finished: refused with 409 once
     * cancelled or once an assessment is recorded, and when attendance was recorded on a day the new dates leave out.
     */
    Batch update(long id, BatchDraft d, String actor) throws Refusal {
        BatchDraft v = BatchDrafts.checked(d);
        String problem = jpa.txExpr(em -> {
            TrainingBatchEntity b = em.find(TrainingBatchEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (b == null) {
                return "not-found";
            }
            String closed = closedProblem(em, b);
            if (closed != null) {
                return closed;
            }
            List<LocalDate> outside = em.createQuery("select distinct a.attendedOn from TrainingAttendanceEntity a "
                    + "where a.batch = :b and (a.attendedOn < :f or a.attendedOn > :t)", LocalDate.class)
                    .setParameter("b", id).setParameter("f", v.startsOn()).setParameter("t", v.endsOn())
                    .getResultList();
            if (!outside.isEmpty()) {
                return "attendance:" + outside.get(0);
            }
            BatchDrafts.fill(b, v);
            b.updatedBy = actor;
            b.updatedAt = System.currentTimeMillis();
            return null;
        });
        if ("not-found".equals(problem)) {
            throw Refusal.notFound("培训班", "batch", "" + id);
        }
        if (problem != null && problem.startsWith("attendance:")) {
            String day = problem.substring("attendance:".length());
            throw new Refusal(Refusal.Kind.CONFLICT, "attendance-outside", "已在 " + day + " 记录出勤，新的起止日期须包含这一天 / "
                    + "attendance is recorded on " + day + ": the new dates must include it", "startsOn");
        }
        refuseClosed(problem);
        return batch(id).orElseThrow();
    }

    /** Why the batch no longer changes (cancelled, or assessed), or null. */
    static String closedProblem(EntityManager em, TrainingBatchEntity b) {
        if (b.cancelledAt != null) {
            return "cancelled";
        }
        boolean assessed = !em.createQuery("select e.id from TrainingEnrolmentEntity e where e.batch = :b and "
                + TrainingService.ACTIVE + " and e.result is not null", Long.class).setParameter("b", b.id).setMaxResults(1)
                .getResultList().isEmpty();
        return assessed ? "finished" : null;
    }

    static void refuseClosed(String problem) throws Refusal {
        if ("cancelled".equals(problem)) {
            throw Refusal.conflict("batch-cancelled", "培训班已取消，不能再更改 / the batch is cancelled and no "
                    + "longer changes");
        }
        if ("finished".equals(problem)) {
            throw Refusal.conflict("batch-finished", "培训班已开始考核，不能再修改或取消 / the batch has "
                    + "assessment results: it can no longer be edited or cancelled");
        }
    }

    Optional<Batch> batch(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(TrainingBatchEntity.class, id)).map(b -> view(em, b)));
    }

    /** The street of a batch, for the access rule. */
    Optional<String> streetOf(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(TrainingBatchEntity.class, id)).map(b -> b.street));
    }

    /** The batches of the streets within the scopes (a street admin's street, the streets of a secretary's communities). */
    List<Batch> batches(Set<String> scopes, String street) {
        Set<String> streets = new TreeSet<>();
        for (String s : scopes) {
            if (s.length() <= 9) {
                for (Street st : organisation.streets()) {
                    if (st.code().startsWith(s)) {
                        streets.add(st.code());
                    }
                }
            } else {
                streets.add(s.substring(0, 9));
            }
        }
        if (street != null) {
            streets.retainAll(Set.of(street));
        }
        if (streets.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(em -> em.createQuery("select b from TrainingBatchEntity b where b.street in :s "
                + "order by b.startsOn desc, b.id desc", TrainingBatchEntity.class).setParameter("s", streets)
                .getResultList().stream().map(b -> view(em, b)).toList());
    }

    private Batch view(EntityManager em, TrainingBatchEntity b) {
        List<TrainingEnrolmentEntity> es = enrolments(em, b.id);
        int withdrawn = em.createQuery("select count(e) from TrainingEnrolmentEntity e where e.batch = :b and "
                + "e.withdrawnAt is not null", Long.class).setParameter("b", b.id).getSingleResult().intValue();
        int passed = 0;
        int failed = 0;
        int absent = 0;
        int certified = 0;
        for (TrainingEnrolmentEntity e : es) {
            passed += "PASSED".equals(e.result) ? 1 : 0;
            failed += "FAILED".equals(e.result) ? 1 : 0;
            absent += "ABSENT".equals(e.result) ? 1 : 0;
            certified += e.workId != null ? 1 : 0;
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = b.startsOn; !d.isAfter(b.endsOn); d = d.plusDays(1)) {
            days.add(d);
        }
        return new Batch(b.id, b.street, organisation.street(b.street).map(Street::name).orElse(b.street), b.title,
                b.startsOn, b.endsOn, b.place, Arrays.asList(b.trainers.split("\n")),
                Arrays.asList(b.curriculum.split("\n")), days, es.size(), passed, failed, absent, certified,
                b.createdBy, TrainingRules.batchState(b.cancelledAt != null, passed + failed + absent),
                withdrawn, b.cancelledAt == null ? null : Instant.ofEpochMilli(b.cancelledAt), b.cancelReason);
    }

    static List<TrainingEnrolmentEntity> enrolments(EntityManager em, long batch) {
        return em.createQuery("select e from TrainingEnrolmentEntity e where e.batch = :b and " + TrainingService.ACTIVE
                + " order by e.id", TrainingEnrolmentEntity.class).setParameter("b", batch).getResultList();
    }

    static TrainingBatchEntity existingBatch(EntityManager em, long id) {
        TrainingBatchEntity b = em.find(TrainingBatchEntity.class, id);
        if (b == null) {
            throw new IllegalStateException("batch " + id);
        }
        return b;
    }
}
