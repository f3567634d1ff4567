package org.loumen.plugin.my.building.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.loumen.core.model.DivisionCodes;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.throttle.Throttles;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/**
 * The resident side (unit page, door poster; no account): the convention and its count, upcoming activities, how
 * many stewards serve, the community's published ranking; and three writes a household makes with its household
 * code: sign up as a steward, agree to the convention, sign up for an activity. Nothing here shows a name, a phone
 * or a code; every write is throttled per client and wrong codes back off ({@link Throttle}).
 */
final class Residents {

    record Unit(String unit, Conventions.Version convention, List<Activities.Activity> activities, int stewards,
            boolean leadSteward, Map<String, Object> month, Map<String, Object> ranking) {
    }

    private final Tx tx;
    private final Households households;
    private final Stewards stewards;
    private final Throttle throttle;

    Residents(Tx tx, Households households, Stewards stewards, Throttles throttles, int writesPerHour) {
        this.tx = tx;
        this.households = households;
        this.stewards = stewards;
        this.throttle = new Throttle(throttles, writesPerHour);
    }

    private static String unit(ProgrammeRequest r) throws ApiException {
        String code = r.pathParam("unit");
        if (!DivisionCodes.hasUnitForm(code)) {
            throw ApiException.invalidField("unit", "楼门代码格式不对，请核对二维码 / malformed unit code");
        }
        return r.place("unit", code);
    }

    /** GET /units/{unit} (public) */
    Unit page(ProgrammeRequest r) throws ApiException {
        String unit = unit(r);
        LocalDateTime now = Activities.now();
        return tx.run(em -> {
            ConventionEntity c = Conventions.current(em, unit);
            Conventions.Version v = c == null ? null : Conventions.view(em, c);
            // the public view: no author
            Conventions.Version shown = v == null ? null : new Conventions.Version(v.id(), v.seq(), v.text(),
                    v.status(), v.publishedOn(), v.agreed(), v.households(), null, null);
            List<Activities.Activity> upcoming = em.createQuery("SELECT a FROM ActivityEntity a WHERE a.unit = :u AND "
                    + "a.startsAt >= :n ORDER BY a.startsAt", ActivityEntity.class).setParameter("u", unit)
                    .setParameter("n", now).setMaxResults(10).getResultList().stream()
                    .map(a -> Activities.Activity.of(a, now)).toList();
            List<StewardEntity> serving = stewards.of(em, unit).stream()
                    .filter(s -> s.status.equals(Rules.StewardStatus.APPROVED.name())).toList();
            return new Unit(unit, shown, upcoming, serving.size(), serving.stream().anyMatch(s -> s.lead),
                    month(em, unit), ranking(em, unit));
        });
    }

    /** This month's duties done and safety checks passed in the unit. */
    private static Map<String, Object> month(EntityManager em, String unit) {
        YearMonth m = YearMonth.now(MyBuilding.CHINA);
        List<DutyEntity> done = em.createQuery("SELECT d FROM DutyEntity d WHERE d.unit = :u AND d.status = 'DONE' AND "
                + "d.doneOn >= :f", DutyEntity.class).setParameter("u", unit).setParameter("f", m.atDay(1))
                .getResultList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", m.toString());
        out.put("dutiesDone", done.size());
        out.put("safetyChecks", done.stream().filter(d -> Rules.DutyKind.valueOf(d.kind).safety).count());
        return out;
    }

    /** The unit's place in its community's latest published ranking, or {@code null}. */
    private static Map<String, Object> ranking(EntityManager em, String unit) {
        String community = unit.substring(0, 12);
        String month = Ranking.latest(em, community);
        if (month == null) {
            return null;
        }
        List<Ranking.Line> lines = Ranking.published(em, community, month);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", month);
        out.put("of", lines.size());
        lines.stream().filter(l -> l.unit().equals(unit)).findFirst().ifPresent(l -> {
            out.put("rank", l.rank());
            out.put("perHousehold", l.perHousehold());
        });
        out.put("top", lines.stream().limit(3).toList());
        return out;
    }

    /** GET /communities/{community}/ranking?month= (public): a published month, the latest by default. */
    Map<String, Object> communityRanking(ProgrammeRequest r) throws ApiException {
        String community = r.community("community", r.pathParam("community"));
        String asked = r.query("month").orElse(null);
        if (asked != null) {
            asked = Rules.month("month", asked, LocalDate.now(MyBuilding.CHINA)).toString();
        }
        String wanted = asked;
        return tx.run(em -> {
            String month = wanted != null ? wanted : Ranking.latest(em, community);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("community", community);
            out.put("month", month);
            out.put("units", month == null ? List.of() : Ranking.published(em, community, month));
            return out;
        });
    }

    /** The household a code names in the unit; a wrong code counts against the client. */
    private HouseholdEntity household(EntityManager em, ProgrammeRequest r, String unit, String typed)
            throws ApiException {
        String code = Codes.normalise(typed);
        if (code == null) {
            throw ApiException.invalidField("householdCode", "户码为 8 位字母数字，如 K3M9-7QXD / householdCode has 8 "
                    + "letters and digits, e.g. K3M9-7QXD");
        }
        HouseholdEntity h = households.byCode(em, unit, code);
        if (h == null) {
            throw new ApiException(404, "not-found", "户码不对，请核对楼门长发给您的户码卡 / no household of this unit has "
                    + "this code", "householdCode");
        }
        return h;
    }

    /** Runs a resident's write: counted against the client's allowance; a wrong code makes it back off. */
    private <T> T write(ProgrammeRequest r, Tx.Work<T> work) throws ApiException {
        return write(r, work, null);
    }

    /** POST /units/{unit}/steward-applications {householdCode, name, phone} (public). */
    ApiResponse applyAsSteward(ProgrammeRequest r) throws ApiException {
        String unit = unit(r);
        Rules.Application b = r.body(Rules.Application.class);
        String name = Rules.text("name", b.name(), 40, true);
        String phone = Rules.phone("phone", b.phone());
        long id = write(r, em -> stewards.apply(em, household(em, r, unit, b.householdCode()), name, phone).id);
        r.auditDetail("steward application " + id + " in " + unit);
        return ApiResponse.created(Map.of("status", "PENDING", "message", "已报名，等待楼门长或社区审核 / signed up; the "
                + "leader or the community will decide"));
    }

    /** POST /units/{unit}/convention/agreements {householdCode} (public). */
    ApiResponse agree(ProgrammeRequest r) throws ApiException {
        String unit = unit(r);
        Rules.Agreement b = r.body(Rules.Agreement.class);
        long[] out = write(r, em -> {
            HouseholdEntity h = household(em, r, unit, b.householdCode());
            ConventionEntity c = Conventions.current(em, unit);
            if (c == null) {
                throw new ApiException(409, "no-convention", "本楼门还没有发布公约 / the unit has no convention yet");
            }
            if (!Conventions.agree(em, c, h)) {
                throw new ApiException(409, "already-agreed", "您家已同意过本公约 / your household has agreed already",
                        "householdCode");
            }
            return new long[] { c.id, Conventions.agreed(em, c.id) };
        }, new ApiException(409, "already-agreed", "您家已同意过本公约 / your household has agreed already",
                "householdCode"));
        r.auditDetail("convention " + out[0] + " agreed in " + unit);
        return ApiResponse.created(Map.of("agreed", out[1], "points", Rules.CONVENTION_POINTS));
    }

    private <T> T write(ProgrammeRequest r, Tx.Work<T> work, ApiException duplicate) throws ApiException {
        throttle.write(r.remoteAddress());
        try {
            return tx.run(work, duplicate);
        } catch (ApiException e) {
            if ("householdCode".equals(e.field()) && e.status() == 404) {
                throttle.wrongCode(r.remoteAddress());
            }
            throw e;
        }
    }

    /** POST /activities/{activity}/signups {householdCode, people} (public). */
    ApiResponse signUp(ProgrammeRequest r) throws ApiException {
        long id = r.pathId("activity").orElse(-1L);
        Rules.Signup b = r.body(Rules.Signup.class);
        int people = Rules.people(b.people());
        int[] out = write(r, em -> {
            ActivityEntity a = em.find(ActivityEntity.class, id);
            if (a == null || !a.street.equals(r.street())) {
                throw Who.notFound("活动", "activity", "activity");
            }
            if (a.startsAt.isBefore(Activities.now())) {
                throw new ApiException(409, "activity-past", "活动已开始或已结束 / the activity has begun or is over");
            }
            Activities.signUp(em, a, household(em, r, a.unit, b.householdCode()), people);
            em.refresh(a);
            return new int[] { a.taken, a.capacity };
        }, new ApiException(409, "already-signed-up", "您家已报名此活动 / your household has signed up already",
                "householdCode"));
        r.auditDetail("sign-up for activity " + id);
        return ApiResponse.created(Map.of("taken", out[0], "capacity", out[1]));
    }
}
