package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;
import java.util.List;

import javax.persistence.EntityManager;

import org.loumen.programme.ProgrammeRequest;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/**
 * Unit activities (楼门活动): a category, a place, a time and a capacity. Households sign up from the unit page with
 * their code (one sign-up per household; places taken by one conditional update, so parallel sign-ups never pass the
 * capacity); the organiser records attendance, which earns the household {@link Rules#ACTIVITY_POINTS} once.
 */
final class Activities {

    record Activity(long id, String unit, String category, String categoryLabel, String title, String place,
            LocalDateTime startsAt, int capacity, int taken, boolean past) {
        static Activity of(ActivityEntity a, LocalDateTime now) {
            return new Activity(a.id, a.unit, a.category, Rules.Category.valueOf(a.category).zh, a.title, a.place,
                    a.startsAt, a.capacity, a.taken, a.startsAt.isBefore(now));
        }
    }

    record Signup(long id, long household, String room, int people, boolean attended, LocalDateTime signedAt) {
    }

    private final Tx tx;
    private final Places places;

    Activities(Tx tx, Places places) {
        this.tx = tx;
        this.places = places;
    }

    static LocalDateTime now() {
        return LocalDateTime.now(MyBuilding.CHINA);
    }

    /** GET /units/{unit}/activities */
    List<Activity> list(ProgrammeRequest r) throws ApiException {
        String unit = places.unit(r, "unit", r.pathParam("unit"));
        LocalDateTime now = now();
        return tx.run(em -> em.createQuery("SELECT a FROM ActivityEntity a WHERE a.unit = :u ORDER BY a.startsAt DESC",
                ActivityEntity.class).setParameter("u", unit).setMaxResults(100).getResultList().stream()
                .map(a -> Activity.of(a, now)).toList());
    }

    /** POST /units/{unit}/activities */
    ApiResponse add(ProgrammeRequest r) throws ApiException {
        String unit = places.unit(r, "unit", r.pathParam("unit"));
        Rules.NewActivity b = r.body(Rules.NewActivity.class);
        Rules.check(b, now());
        Activity out = tx.run(em -> Activity.of(create(em, unit, b.category(), Rules.text("title", b.title(), 100, true),
                Rules.text("place", b.place(), 100, true), b.startsAt(), b.capacity(), Who.by(r)), now()));
        r.auditDetail("activity " + out.id() + " in " + unit);
        return ApiResponse.created(out);
    }

    static ActivityEntity create(EntityManager em, String unit, Rules.Category category, String title, String place,
            LocalDateTime startsAt, int capacity, String by) {
        ActivityEntity a = new ActivityEntity();
        a.street = unit.substring(0, 9);
        a.community = unit.substring(0, 12);
        a.unit = unit;
        a.category = category.name();
        a.title = title;
        a.place = place;
        a.startsAt = startsAt.withSecond(0).withNano(0);
        a.capacity = capacity;
        a.createdBy = by;
        em.persist(a);
        em.flush();
        return a;
    }

    private ActivityEntity find(EntityManager em, ProgrammeRequest r) throws ApiException {
        ActivityEntity a = em.find(ActivityEntity.class, r.pathId("activity").orElse(-1L));
        if (a == null || !a.street.equals(r.street()) || !r.inScope(a.unit)) {
            throw Who.notFound("活动", "activity", "activity");
        }
        return a;
    }

    /** GET /activities/{activity}/signups: rooms only (the household code is not shown). */
    List<Signup> signups(ProgrammeRequest r) throws ApiException {
        return tx.run(em -> {
            ActivityEntity a = find(em, r);
            return em.createQuery("SELECT s FROM SignupEntity s WHERE s.activity = :a ORDER BY s.id", SignupEntity.class)
                    .setParameter("a", a.id).getResultList().stream().map(s -> {
                        HouseholdEntity h = em.find(HouseholdEntity.class, s.household);
                        return new Signup(s.id, s.household, h == null ? null : h.room, s.people, s.attended,
                                s.signedAt);
                    }).toList();
        });
    }

    /**
     * A household signs up (from the unit page): the places are taken by one conditional update and the sign-up is a
     * unique row, in one transaction, so a full activity or a second sign-up changes nothing.
     */
    static SignupEntity signUp(EntityManager em, ActivityEntity a, HouseholdEntity h, int people) throws ApiException {
        long already = em.createQuery("SELECT COUNT(s) FROM SignupEntity s WHERE s.activity = :a AND s.household = :h",
                Long.class).setParameter("a", a.id).setParameter("h", h.id).getSingleResult();
        if (already > 0) {
            throw new ApiException(409, "already-signed-up", "您家已报名此活动 / your household has signed up already",
                    "householdCode");
        }
        int n = em.createQuery("UPDATE ActivityEntity a SET a.taken = a.taken + :p, a.version = a.version + 1 WHERE "
                + "a.id = :id AND a.taken + :p <= a.capacity").setParameter("p", people).setParameter("id", a.id)
                .executeUpdate();
        if (n == 0) {
            throw new ApiException(409, "activity-full", "名额已满 / the activity is full", "people");
        }
        SignupEntity s = new SignupEntity();
        s.activity = a.id;
        s.household = h.id;
        s.people = people;
        s.signedAt = LocalDateTime.now(MyBuilding.CHINA);
        em.persist(s);
        em.flush();
        return s;
    }

    /** POST /activities/{activity}/attendance {household, attended}: recorded once per sign-up. */
    Signup attend(ProgrammeRequest r) throws ApiException {
        Rules.Attendance b = r.body(Rules.Attendance.class);
        if (b.household() == null) {
            throw ApiException.invalidField("household", "须指明住户 / household is required");
        }
        if (b.attended() == null || !b.attended()) {
            throw ApiException.invalidField("attended", "只记录到场的住户 / record the households that came (attended: "
                    + "true)");
        }
        Signup out = tx.run(em -> {
            ActivityEntity a = find(em, r);
            SignupEntity s = em.createQuery("SELECT s FROM SignupEntity s WHERE s.activity = :a AND s.household = :h",
                    SignupEntity.class).setParameter("a", a.id).setParameter("h", b.household()).getResultList()
                    .stream().findFirst().orElseThrow(() -> Who.notFound("该住户的报名", "sign-up of the household",
                            "household"));
            if (!attend(em, a, s, Who.by(r))) {
                throw new ApiException(409, "already-recorded", "已记录到场 / attendance is recorded already",
                        "household");
            }
            HouseholdEntity h = em.find(HouseholdEntity.class, s.household);
            return new Signup(s.id, s.household, h.room, s.people, true, s.signedAt);
        });
        r.auditDetail("attendance of household " + out.household() + " at activity " + r.pathParam("activity"));
        return out;
    }

    static boolean attend(EntityManager em, ActivityEntity a, SignupEntity s, String by) {
        int n = em.createQuery("UPDATE SignupEntity s SET s.attended = :yes, s.version = s.version + 1 WHERE s.id = :id "
                + "AND s.attended = :no").setParameter("yes", Boolean.TRUE).setParameter("no", Boolean.FALSE)
                .setParameter("id", s.id).executeUpdate();
        if (n == 0) {
            return false;
        }
        HouseholdEntity h = em.find(HouseholdEntity.class, s.household);
        Points.post(em, h, Rules.ACTIVITY_POINTS, Rules.Reason.ACTIVITY, "A" + a.id, a.title, by,
                a.startsAt);
        return true;
    }
}
