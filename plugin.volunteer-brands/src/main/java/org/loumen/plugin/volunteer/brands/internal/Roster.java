package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.TransactionType;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.data.LeaderView;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/** A brand's members (成员) and activities (服务活动). */
final class Roster {

    private final Store store;

    Roster(Store store) {
        this.store = store;
    }

    static ApiException forbidden() {
        return new ApiException(403, "forbidden", "仅本品牌的成员、带头人和社区工作人员可以查看或办理 / only the brand's "
                + "members, its lead and community staff may do this");
    }

    /** The brand in the path, for its members and managers (or only managers). */
    private BrandEntity brand(ProgrammeRequest r, boolean manage) throws ApiException {
        BrandEntity b = store.brand(r);
        if (Who.manages(r, b) || !manage && Who.self(r, b, store.members(b.id)) != null) {
            return b;
        }
        throw forbidden();
    }

    List<Views.Member> members(ProgrammeRequest r) throws ApiException {
        BrandEntity b = brand(r, false);
        Map<Long, LeaderView> leaders = Views.leaders(r);
        return store.members(b.id).stream().map(m -> Views.member(m, leaders, VolunteerBrands.today())).toList();
    }

    ApiResponse addMember(ProgrammeRequest r) throws ApiException {
        BrandEntity b = brand(r, true);
        Inputs.NewMember body = r.body(Inputs.NewMember.class);
        if (body.kind() == null || !Inputs.KINDS.contains(body.kind())) {
            throw ApiException.invalidField("kind", "须为 LEADER（楼门栋长）或 RESIDENT（居民）/ kind must be LEADER or "
                    + "RESIDENT");
        }
        Long leader = null;
        String name = null;
        if ("LEADER".equals(body.kind())) {
            if (body.leader() == null || body.name() != null) {
                throw ApiException.invalidField("leader", "请选择楼门栋长（不填姓名）/ leader is required, name is not "
                        + "given for a leader");
            }
            leader = r.data().leader(body.leader()).filter(l -> b.community.equals(l.community())).map(LeaderView::id)
                    .orElseThrow(() -> new ApiException(404, "not-found", "本社区没有此楼门栋长 / no such leader in "
                            + "the community", "leader"));
        } else {
            if (body.leader() != null) {
                throw ApiException.invalidField("leader", "居民成员不关联楼门栋长 / a resident has no leader");
            }
            name = Inputs.text("name", body.name(), 30, true);
        }
        String volunteerNo = Inputs.volunteerNo(body.volunteerNo());
        String skills = Inputs.skills(body.skills());
        LocalDate joinedOn = body.joinedOn() == null ? VolunteerBrands.today()
                : Inputs.pastDay("joinedOn", body.joinedOn(), VolunteerBrands.today(), 50);
        final Long leaderId = leader;
        final String residentName = name;
        MemberEntity saved = store.write(em -> {
            if (leaderId != null && em.createQuery("SELECT COUNT(m) FROM MemberEntity m WHERE m.brand = :b AND "
                    + "m.leader = :l AND m.leftOn IS NULL", Long.class).setParameter("b", b.id)
                    .setParameter("l", leaderId).getSingleResult() > 0) {
                return null;
            }
            return persistMember(em, b, body.kind(), leaderId, residentName, volunteerNo, skills, joinedOn,
                    r.caller().username());
        });
        if (saved == null) {
            throw new ApiException(409, "already-member", "这位楼门栋长已是本品牌成员 / the leader is a member already",
                    "leader");
        }
        r.auditDetail("member " + saved.id + " (" + saved.volunteerNo + ") of brand " + b.id);
        return ApiResponse.created(Views.member(saved, Views.leaders(r), VolunteerBrands.today()));
    }

    /**
     * Adds a member; without a volunteer number one is given ({@code V} + the community's 3 digits + the member's
     * number). A number already used in the street is a 409 naming {@code volunteerNo}.
     */
    static MemberEntity persistMember(EntityManager em, BrandEntity b, String kind, Long leader, String name,
            String volunteerNo, String skills, LocalDate joinedOn, String by) {
        if (volunteerNo != null && em.createQuery("SELECT COUNT(m) FROM MemberEntity m WHERE m.street = :s AND "
                + "m.volunteerNo = :v", Long.class).setParameter("s", b.street).setParameter("v", volunteerNo)
                .getSingleResult() > 0) {
            throw new VolunteerNoTaken();
        }
        MemberEntity m = new MemberEntity();
        m.brand = b.id;
        m.street = b.street;
        m.kind = kind;
        m.leader = leader;
        m.residentName = name;
        m.volunteerNo = volunteerNo == null ? "-" : volunteerNo;
        m.skills = skills;
        m.joinedOn = joinedOn;
        m.createdBy = by;
        em.persist(m);
        em.flush();
        if (volunteerNo == null) {
            m.volunteerNo = String.format("V%s%05d", b.community.substring(9), m.id);
            em.flush();
        }
        return m;
    }

    /** Thrown inside a transaction (rolling it back) when a volunteer number is in use; answered 409. */
    static final class VolunteerNoTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VolunteerNoTaken() {
            super("volunteer number taken", null, false, false);
        }
    }

    ApiResponse leave(ProgrammeRequest r) throws ApiException {
        BrandEntity b = brand(r, true);
        long id = r.pathId("member").orElse(-1L);
        Inputs.Leaving body = r.body(Inputs.Leaving.class);
        LocalDate leftOn = body.leftOn() == null ? VolunteerBrands.today()
                : Inputs.pastDay("leftOn", body.leftOn(), VolunteerBrands.today(), 5);
        MemberEntity m = store.jpa.txExpr(TransactionType.Required, em -> {
            MemberEntity e = em.find(MemberEntity.class, id);
            if (e == null || e.brand != b.id) {
                return null;
            }
            if (e.leftOn == null && !leftOn.isBefore(e.joinedOn)) {
                e.leftOn = leftOn;
            }
            return e;
        });
        if (m == null) {
            throw new ApiException(404, "not-found", "未找到成员 / no such member", "member");
        }
        if (!leftOn.equals(m.leftOn)) {
            throw new ApiException(409, "cannot-leave", "成员已退出，或退出日期早于加入日期 / the member left already, or "
                    + "leftOn is before joinedOn", "leftOn");
        }
        r.auditDetail("member " + m.id + " left brand " + b.id + " on " + leftOn);
        return ApiResponse.of(200, Views.member(m, Views.leaders(r), VolunteerBrands.today()));
    }

    List<Views.Activity> activities(ProgrammeRequest r) throws ApiException {
        BrandEntity b = brand(r, false);
        Map<Long, LeaderView> leaders = Views.leaders(r);
        Map<Long, MemberEntity> members = new HashMap<>();
        store.members(b.id).forEach(m -> members.put(m.id, m));
        Map<Long, List<Views.Participant>> taking = new HashMap<>();
        store.hours(List.of(b.id), null, null).stream().filter(h -> h.activity != null).sorted(
                java.util.Comparator.comparing(h -> h.id)).forEach(h -> {
                    MemberEntity m = members.get(h.member);
                    taking.computeIfAbsent(h.activity, k -> new ArrayList<>()).add(new Views.Participant(h.member,
                            m.volunteerNo, Views.name(m, leaders), h.hours));
                });
        return store.jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT a FROM ActivityEntity a WHERE a.brand = :b ORDER BY a.heldOn DESC, a.id DESC",
                ActivityEntity.class).setParameter("b", b.id).getResultList()).stream().map(a -> new Views.Activity(
                        a.id, a.brand, a.heldOn, a.title, a.place, a.volunteers, a.hours,
                        taking.getOrDefault(a.id, List.of()))).toList();
    }

    ApiResponse addActivity(ProgrammeRequest r) throws ApiException {
        BrandEntity b = brand(r, true);
        Inputs.NewActivity body = r.body(Inputs.NewActivity.class);
        Inputs.check(body, VolunteerBrands.today());
        String title = Inputs.text("title", body.title(), 100, true);
        String place = Inputs.text("place", body.place(), 100, false);
        if (!"ACTIVE".equals(b.status())) {
            throw new ApiException(409, "brand-inactive", "品牌已暂停或解散，不能再记录活动 / the brand is paused or "
                    + "dissolved");
        }
        String by = r.caller().username();
        ActivityEntity saved = store.write(em -> {
            ActivityEntity a = new ActivityEntity();
            a.brand = b.id;
            a.heldOn = body.heldOn();
            a.title = title;
            a.place = place;
            a.createdBy = by;
            if (body.participants() == null) {
                a.volunteers = body.volunteers();
                a.hours = body.hours();
                em.persist(a);
                em.flush();
                return a;
            }
            List<HoursEntity> entries = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Inputs.Participant p : body.participants()) {
                MemberEntity m = em.find(MemberEntity.class, p.member());
                if (m == null || m.brand != b.id || !m.activeOn(body.heldOn())) {
                    throw new Store.Refused(ApiException.invalidField("participants", "成员 " + p.member()
                            + " 在活动当天不是本品牌成员 / member " + p.member() + " was not a member on that day"));
                }
                BigDecimal hours = p.hours().setScale(1);
                try {
                    HoursRules.withinDay("participants", Store.recordedOn(em, m.id, body.heldOn()), hours);
                } catch (ApiException e) {
                    throw new Store.Refused(e);
                }
                HoursEntity h = new HoursEntity();
                h.brand = b.id;
                h.member = m.id;
                h.servedOn = body.heldOn();
                h.hours = hours;
                h.description = title;
                h.source = HoursRules.ACTIVITY;
                h.status = HoursRules.APPROVED;
                h.reportedBy = by;
                h.reportedAt = LocalDateTime.now(VolunteerBrands.CHINA);
                h.decidedBy = by;
                h.decidedAt = h.reportedAt;
                entries.add(h);
                total = total.add(hours);
            }
            a.volunteers = entries.size();
            a.hours = total;
            em.persist(a);
            em.flush();
            for (HoursEntity h : entries) {
                h.activity = a.id;
                em.persist(h);
            }
            return a;
        });
        r.auditDetail("activity " + saved.id + " of brand " + b.id + ", " + saved.volunteers + " volunteers, "
                + saved.hours + " h");
        return ApiResponse.created(activities(r).stream().filter(a -> a.id() == saved.id).findFirst().orElseThrow());
    }
}
