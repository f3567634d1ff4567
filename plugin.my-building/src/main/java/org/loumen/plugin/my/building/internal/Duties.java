package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.loumen.programme.ProgrammeRequest;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/**
 * Unit duties (公益岗): a rota of stairwell cleaning, greening, fire-exit and e-bike charging checks, notices, each due
 * on a day and assigned to a steward; recorded DONE or NOT_DONE (once) with a note and an optional photo. A duty done
 * earns its steward's household {@link Rules#DUTY_POINTS}. OPEN duties past their day are overdue: the lead steward,
 * the leader and the secretary see them.
 */
final class Duties {

    enum Status {
        OPEN, DONE, NOT_DONE
    }

    record Duty(long id, String unit, String kind, String kindLabel, boolean safety, String title, Long steward,
            String stewardName, LocalDate dueOn, String status, boolean overdue, LocalDate doneOn, String note,
            boolean photo) {
    }

    private final Tx tx;
    private final Places places;

    Duties(Tx tx, Places places) {
        this.tx = tx;
        this.places = places;
    }

    private static LocalDate today() {
        return LocalDate.now(MyBuilding.CHINA);
    }

    static Duty view(EntityManager em, DutyEntity d, LocalDate today) {
        Rules.DutyKind kind = Rules.DutyKind.valueOf(d.kind);
        StewardEntity s = d.steward == null ? null : em.find(StewardEntity.class, d.steward);
        return new Duty(d.id, d.unit, d.kind, kind.zh, kind.safety, d.title, d.steward, s == null ? null : s.name,
                d.dueOn, d.status, d.status.equals(Status.OPEN.name()) && d.dueOn.isBefore(today), d.doneOn, d.note,
                d.photoType != null);
    }

    /** GET /units/{unit}/duties: the last 60 days and what is planned. */
    List<Duty> list(ProgrammeRequest r) throws ApiException {
        String unit = places.unit(r, "unit", r.pathParam("unit"));
        LocalDate today = today();
        return tx.run(em -> em.createQuery("SELECT d FROM DutyEntity d WHERE d.unit = :u AND (d.dueOn >= :from OR "
                + "d.status = 'OPEN') ORDER BY d.dueOn, d.id", DutyEntity.class).setParameter("u", unit)
                .setParameter("from", today.minusDays(60)).getResultList().stream().map(d -> view(em, d, today))
                .toList());
    }

    /** GET /duties/overdue: OPEN duties past their day, in the caller's part of the street. */
    List<Duty> overdue(ProgrammeRequest r) throws ApiException {
        LocalDate today = today();
        return tx.run(em -> em.createQuery("SELECT d FROM DutyEntity d WHERE d.street = :s AND d.status = 'OPEN' AND "
                + "d.dueOn < :t ORDER BY d.dueOn, d.id", DutyEntity.class).setParameter("s", r.street())
                .setParameter("t", today).getResultList().stream().filter(d -> r.inScope(d.unit))
                .map(d -> view(em, d, today)).toList());
    }

    /** POST /units/{unit}/duties {kind, title, dueOn, steward, weeks}: one duty, or one a week for some weeks. */
    ApiResponse add(ProgrammeRequest r) throws ApiException {
        String unit = places.unit(r, "unit", r.pathParam("unit"));
        Rules.NewDuty b = r.body(Rules.NewDuty.class);
        Rules.check(b, today());
        String title = Rules.text("title", b.title(), 100, false);
        List<Duty> out = tx.run(em -> {
            if (b.steward() != null) {
                StewardEntity s = em.find(StewardEntity.class, b.steward());
                if (s == null || !s.unit.equals(unit) || !s.status.equals(Rules.StewardStatus.APPROVED.name())) {
                    throw Who.notFound("本楼门在任的楼门管家", "serving steward of the unit", "steward");
                }
            }
            List<Duty> made = new ArrayList<>();
            int weeks = b.weeks() == null ? 1 : b.weeks();
            for (int w = 0; w < weeks; w++) {
                DutyEntity d = create(em, unit, b.kind(), title, b.steward(), b.dueOn().plusWeeks(w));
                made.add(view(em, d, today()));
            }
            return made;
        });
        r.auditDetail(out.size() + " duties " + b.kind() + " in " + unit);
        return ApiResponse.created(out);
    }

    static DutyEntity create(EntityManager em, String unit, Rules.DutyKind kind, String title, Long steward,
            LocalDate dueOn) {
        DutyEntity d = new DutyEntity();
        d.street = unit.substring(0, 9);
        d.community = unit.substring(0, 12);
        d.unit = unit;
        d.kind = kind.name();
        d.title = title == null ? kind.zh : title;
        d.steward = steward;
        d.dueOn = dueOn;
        d.status = Status.OPEN.name();
        em.persist(d);
        em.flush();
        return d;
    }

    private DutyEntity find(EntityManager em, ProgrammeRequest r) throws ApiException {
        DutyEntity d = em.find(DutyEntity.class, r.pathId("duty").orElse(-1L));
        if (d == null || !d.street.equals(r.street()) || !r.inScope(d.unit)) {
            throw Who.notFound("公益岗任务", "duty", "duty");
        }
        return d;
    }

    /** POST /duties/{duty}/outcome {done, note}: recorded once; a duty done earns the steward's household points. */
    Duty outcome(ProgrammeRequest r) throws ApiException {
        Rules.Outcome b = r.body(Rules.Outcome.class);
        if (b.done() == null) {
            throw ApiException.invalidField("done", "须为 true（已完成）或 false（未完成）/ done must be true or false");
        }
        String note = Rules.text("note", b.note(), 500, false);
        Duty out = tx.run(em -> {
            DutyEntity d = find(em, r);
            if (!record(em, d, b.done(), note, Who.by(r), today())) {
                throw new ApiException(409, "already-recorded", "该任务已记录过 / the duty is recorded already: " + d.status);
            }
            em.refresh(d);
            return view(em, d, today());
        });
        r.auditDetail("duty " + out.id() + " " + out.status());
        return out;
    }

    /** Records a duty's outcome, only while OPEN (one conditional update: two at once record one). */
    static boolean record(EntityManager em, DutyEntity d, boolean done, String note, String by, LocalDate on) {
        int n = em.createQuery("UPDATE DutyEntity d SET d.status = :s, d.doneOn = :on, d.note = :n, d.recordedBy = :b, "
                + "d.version = d.version + 1 WHERE d.id = :id AND d.status = 'OPEN'")
                .setParameter("s", (done ? Status.DONE : Status.NOT_DONE).name()).setParameter("on", on)
                .setParameter("n", note).setParameter("b", by).setParameter("id", d.id).executeUpdate();
        if (n == 0) {
            return false;
        }
        if (done && d.steward != null) {
            StewardEntity s = em.find(StewardEntity.class, d.steward);
            HouseholdEntity h = s == null || s.household == null ? null : em.find(HouseholdEntity.class, s.household);
            if (h != null) {
                Points.post(em, h, Rules.DUTY_POINTS, Rules.Reason.DUTY, "D" + d.id,
                        Rules.DutyKind.valueOf(d.kind).zh + " " + on, by, on.atTime(12, 0));
            }
        }
        return true;
    }

    /** POST /duties/{duty}/photo (raw JPEG or PNG): the photo of a recorded duty; a later one replaces it. */
    Duty photo(ProgrammeRequest r) throws ApiException {
        Photos.Photo p = Photos.check(r.bytes());
        Duty out = tx.run(em -> {
            DutyEntity d = find(em, r);
            em.createQuery("DELETE FROM DutyPhotoEntity p WHERE p.duty = :d").setParameter("d", d.id).executeUpdate();
            DutyPhotoEntity e = new DutyPhotoEntity();
            e.duty = d.id;
            e.contentType = p.contentType();
            e.bytes = p.bytes();
            em.persist(e);
            d.photoType = p.contentType();
            em.flush();
            return view(em, d, today());
        });
        r.auditDetail("photo of duty " + out.id() + " (" + p.bytes().length + " bytes)");
        return out;
    }

    /** GET /duties/{duty}/photo */
    ApiResponse photoOf(ProgrammeRequest r) throws ApiException {
        DutyPhotoEntity p = tx.run(em -> {
            DutyEntity d = find(em, r);
            return em.createQuery("SELECT p FROM DutyPhotoEntity p WHERE p.duty = :d", DutyPhotoEntity.class)
                    .setParameter("d", d.id).getResultList().stream().findFirst()
                    .orElseThrow(() -> Who.notFound("照片", "photo", "photo"));
        });
        return ApiResponse.file(p.contentType, "duty-" + p.duty + (p.contentType.endsWith("png") ? ".png" : ".jpg"),
                p.bytes);
    }

    /** A day's noon (China time), for ledger entries of past days. */
    static LocalDateTime noon(LocalDate day) {
        return day.atTime(12, 0);
    }
}
