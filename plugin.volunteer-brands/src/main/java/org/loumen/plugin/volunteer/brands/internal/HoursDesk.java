package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.data.LeaderView;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;

/**
 * Service hours (服务时长): members report their own, the brand's lead or community staff approve or reject them;
 * the yearly ranking, a member's certificate and the CSV of hours.
 */
final class HoursDesk {

    private final Store store;

    HoursDesk(Store store) {
        this.store = store;
    }

    /** A member reports hours they served (申报时长): pending until decided. */
    ApiResponse report(ProgrammeRequest r) throws ApiException {
        BrandEntity b = store.brand(r);
        MemberEntity me = Who.self(r, b, store.members(b.id));
        if (me == null) {
            throw new ApiException(403, "not-a-member", "只有本品牌的成员可以申报自己的服务时长 / only the brand's "
                    + "members report their own hours");
        }
        if (!"ACTIVE".equals(b.status())) {
            throw new ApiException(409, "brand-inactive", "品牌已暂停或解散 / the brand is paused or dissolved");
        }
        Inputs.SelfReport body = r.body(Inputs.SelfReport.class);
        String description = Inputs.text("description", body.description(), 200, true);
        HoursEntity saved = store.write(em -> {
            try {
                HoursRules.checkSelfReport(body.servedOn(), body.hours(), me, Store.recordedOn(em, me.id,
                        body.servedOn() == null ? VolunteerBrands.today() : body.servedOn()), VolunteerBrands.today());
            } catch (ApiException e) {
                throw new Store.Refused(e);
            }
            HoursEntity h = new HoursEntity();
            h.brand = b.id;
            h.member = me.id;
            h.servedOn = body.servedOn();
            h.hours = body.hours().setScale(1);
            h.description = description;
            h.source = HoursRules.SELF_REPORT;
            h.status = HoursRules.PENDING;
            h.reportedBy = r.caller().username();
            h.reportedAt = LocalDateTime.now(VolunteerBrands.CHINA);
            em.persist(h);
            em.flush();
            return h;
        });
        r.auditDetail("hours " + saved.id + " reported: " + saved.hours + " h on " + saved.servedOn + ", brand "
                + b.id);
        return ApiResponse.created(view(r, saved, b, me, Views.leaders(r)));
    }

    private Views.Hours view(ProgrammeRequest r, HoursEntity h, BrandEntity b, MemberEntity m,
            Map<Long, LeaderView> leaders) {
        String me = r.caller().username();
        boolean mayDecide = HoursRules.PENDING.equals(h.status) && Who.manages(r, b) && !me.equals(h.reportedBy);
        return new Views.Hours(h.id, h.brand, b.name, h.member, m.volunteerNo, Views.name(m, leaders), h.activity,
                h.servedOn, h.hours, h.description, h.source, h.status, h.reportedAt, h.decidedBy, h.decidedAt,
                h.rejectReason, me.equals(h.reportedBy), mayDecide);
    }

    /** The brands in the street the caller manages or belongs to, with the caller's own member records. */
    private record Reach(Map<Long, BrandEntity> brands, Set<Long> managed, Map<Long, MemberEntity> members,
            Set<Long> mine) {
    }

    private Reach reach(ProgrammeRequest r, Long only) throws ApiException {
        Map<Long, BrandEntity> brands = new HashMap<>();
        Set<Long> managed = new java.util.HashSet<>();
        Set<Long> mine = new java.util.HashSet<>();
        Map<Long, MemberEntity> members = new HashMap<>();
        List<MemberEntity> all = store.members(r.street());
        all.forEach(m -> members.put(m.id, m));
        for (BrandEntity b : store.brands(r.street())) {
            if (!Who.sees(r, b) || only != null && b.id != only) {
                continue;
            }
            MemberEntity self = Who.self(r, b, all);
            if (Who.manages(r, b)) {
                managed.add(b.id);
            } else if (self == null) {
                continue;
            }
            brands.put(b.id, b);
            if (self != null) {
                mine.add(self.id);
            }
        }
        if (only != null && brands.isEmpty()) {
            throw new ApiException(404, "not-found", "未找到品牌 / no such brand", "brand");
        }
        return new Reach(brands, managed, members, mine);
    }

    private static Long brandParam(ProgrammeRequest r) throws ApiException {
        String v = r.query("brand").orElse(null);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid-parameter", "brand 须为数字 / brand must be a number", "brand");
        }
    }

    private static int year(ProgrammeRequest r) throws ApiException {
        int now = VolunteerBrands.today().getYear();
        return r.queryInt("year", now, 2000, now + 1);
    }

    /**
     * Hours the caller may see: every entry of the brands they manage, their own of the brands they belong to;
     * {@code ?status=PENDING|APPROVED|REJECTED}, {@code ?brand=}, {@code ?year=} (default: this year).
     */
    List<Views.Hours> hours(ProgrammeRequest r) throws ApiException {
        String status = r.query("status").orElse(null);
        if (status != null && !Set.of(HoursRules.PENDING, HoursRules.APPROVED, HoursRules.REJECTED).contains(status)) {
            throw new ApiException(400, "invalid-parameter", "status 须为 PENDING、APPROVED 或 REJECTED / status must be "
                    + "PENDING, APPROVED or REJECTED", "status");
        }
        Reach reach = reach(r, brandParam(r));
        int year = year(r);
        Map<Long, LeaderView> leaders = Views.leaders(r);
        return store.year(reach.brands().keySet(), year).stream()
                .filter(h -> (status == null || status.equals(h.status))
                        && (reach.managed().contains(h.brand) || reach.mine().contains(h.member)))
                .limit(ApiException.MAX_LISTED)
                .map(h -> view(r, h, reach.brands().get(h.brand), reach.members().get(h.member), leaders)).toList();
    }

    /** Approves or rejects a pending report (审核): the brand's lead or community staff, never the reporter. */
    Views.Hours decide(ProgrammeRequest r) throws ApiException {
        long id = r.pathId("entry").orElse(-1L);
        HoursEntity found = store.jpa.txExpr(org.apache.aries.jpa.template.TransactionType.Required,
                em -> em.find(HoursEntity.class, id));
        BrandEntity b = found == null ? null : store.brands(r.street()).stream().filter(x -> x.id == found.brand
                && Who.sees(r, x)).findFirst().orElse(null);
        if (b == null) {
            throw new ApiException(404, "not-found", "未找到时长记录 / no such entry");
        }
        if (!Who.manages(r, b)) {
            throw new ApiException(403, "forbidden", "只有品牌带头人和社区工作人员可以审核 / only the brand's lead and "
                    + "community staff decide");
        }
        Inputs.Decision body = r.body(Inputs.Decision.class);
        HoursEntity decided = store.write(em -> {
            HoursEntity h = em.find(HoursEntity.class, id);
            try {
                HoursRules.decide(h, r.caller().username(), body.approve(), body.reason(),
                        LocalDateTime.now(VolunteerBrands.CHINA));
            } catch (ApiException e) {
                throw new Store.Refused(e);
            }
            em.flush();
            return h;
        });
        r.auditDetail("hours " + id + " " + decided.status + (decided.rejectReason == null ? ""
                : ": " + decided.rejectReason));
        MemberEntity m = store.members(b.id).stream().filter(x -> x.id == decided.member).findFirst().orElseThrow();
        return view(r, decided, b, m, Views.leaders(r));
    }

    /** The year's ranking of members by approved hours, over the brands the caller manages or belongs to. */
    List<Views.Rank> ranking(ProgrammeRequest r) throws ApiException {
        Reach reach = reach(r, brandParam(r));
        int year = year(r);
        Map<Long, LeaderView> leaders = Views.leaders(r);
        List<MemberEntity> members = reach.members().values().stream().filter(m -> reach.brands()
                .containsKey(m.brand)).toList();
        List<Views.Rank> out = new ArrayList<>();
        for (Ranking.Line l : Ranking.of(year, members, store.year(reach.brands().keySet(), year))) {
            BrandEntity b = reach.brands().get(l.member().brand);
            out.add(new Views.Rank(l.rank(), l.member().id, b.id, b.name, l.member().volunteerNo,
                    Views.name(l.member(), leaders), l.member().kind, l.hours(), l.entries(), l.days()));
        }
        return out;
    }

    /** A member's service-hours certificate for a year: the brand's managers, and the member themself. */
    Certificate certificate(ProgrammeRequest r) throws ApiException {
        long id = r.pathId("member").orElse(-1L);
        int year = year(r);
        MemberEntity m = store.members(r.street()).stream().filter(x -> x.id == id).findFirst().orElse(null);
        BrandEntity b = m == null ? null : store.brands(r.street()).stream().filter(x -> x.id == m.brand
                && Who.sees(r, x)).findFirst().orElse(null);
        boolean self = b != null && m.leader != null && m.leader.equals(r.caller().leaderId());
        if (b == null || !Who.manages(r, b) && !self) {
            throw new ApiException(404, "not-found", "未找到成员 / no such member");
        }
        Certificate c = Certificate.of(year, b, m, Views.name(m, Views.leaders(r)), store.year(List.of(b.id), year),
                VolunteerBrands.today());
        r.auditDetail("certificate " + c.number());
        return c;
    }

    /** The year's hours as CSV (UTF-8 with BOM, formula-safe cells), of the brands the caller manages. */
    ApiResponse export(ProgrammeRequest r) throws ApiException {
        Long only = brandParam(r);
        Reach reach = reach(r, only);
        if (reach.managed().isEmpty() || only != null && !reach.managed().contains(only)) {
            throw new ApiException(403, "forbidden", "只有品牌带头人和社区工作人员可以导出 / only the brand's lead and "
                    + "community staff export");
        }
        int year = year(r);
        Map<Long, LeaderView> leaders = Views.leaders(r);
        List<List<String>> rows = new ArrayList<>();
        for (HoursEntity h : store.year(reach.managed(), year)) {
            BrandEntity b = reach.brands().get(h.brand);
            MemberEntity m = reach.members().get(h.member);
            rows.add(List.of(b.name, b.community, m.volunteerNo, nz(Views.name(m, leaders)),
                    "LEADER".equals(m.kind) ? "楼门栋长" : "居民", h.servedOn.toString(), h.hours.toPlainString(),
                    nz(h.description), HoursRules.ACTIVITY.equals(h.source) ? "服务活动" : "个人申报",
                    switch (h.status) {
                        case HoursRules.APPROVED -> "已通过";
                        case HoursRules.REJECTED -> "已退回";
                        default -> "待审核";
                    }, nz(h.rejectReason)));
        }
        r.auditDetail("export " + year + ": " + rows.size() + " rows");
        return ApiResponse.file("text/csv;charset=UTF-8", "志愿服务时长-" + year + ".csv", Csv.write(List.of("品牌",
                "社区代码", "志愿者编号", "姓名", "身份", "服务日期", "时长（小时）", "服务内容", "来源", "审核状态", "退回理由"),
                rows));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static BigDecimal sum(List<HoursEntity> hours) {
        return hours.stream().map(h -> h.hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
