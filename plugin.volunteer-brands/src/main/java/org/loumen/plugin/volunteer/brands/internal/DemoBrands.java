package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.TransactionType;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.data.LeaderView;
import org.loumen.web.ApiException;

/**
 * Demo data (--demo, framework property {@code loumen.demo=true}): three brands of 双港镇's demo communities, as
 * Jinnan's communities run them — 爱心妈妈帮帮团, 橄榄绿志愿服务队 (veterans), 青春伴夕阳志愿服务队 (young people for
 * the elderly) — each founded by a demo leader, with members, activities and reported hours, so every page shows
 * something. Seeded by the first request of staff whose scope holds the community, after the street enabled the
 * programme (the founders are read through the declared data access, like any founder); a brand that exists is left
 * alone, so seeding twice adds nothing. The residents are invented.
 */
final class DemoBrands {

    static final String SHUANGGANG = "120112103";

    /** One demo brand: community, name, slogan, founder's name, leader members' names, residents and skills. */
    record Demo(String community, String name, String slogan, String founder, List<String> leaders,
            Map<String, List<String>> residents, List<String> activities) {
    }

    static final List<Demo> DEMOS = List.of(
            new Demo("120112103001", "爱心妈妈帮帮团", "妈妈的爱，温暖每一个楼门", "黄桂兰", List.of("白晓梅", "余志强"),
                    Map.of("张秀芝", List.of("缝补衣物", "社区达人"), "刘建军", List.of("家电维修"),
                            "陈晓雯", List.of("心理疏导", "亲子阅读")),
                    List.of("困境儿童周末陪伴", "独居老人上门包饺子", "楼道环境清洁日")),
            new Demo("120112103002", "橄榄绿志愿服务队", "退伍不褪色，服务在身边", "段卫东", List.of("梁建华", "顾国庆"),
                    Map.of("孙志刚", List.of("应急救护", "退役军人"), "马德胜", List.of("义务理发", "社区达人")),
                    List.of("小区夜间平安巡逻", "电动车飞线充电排查", "防汛沙袋准备")),
            new Demo("120112103003", "青春伴夕阳志愿服务队", "青春陪伴，夕阳更红", "薛春生", List.of("谢晓梅"),
                    Map.of("周雨桐", List.of("智能手机教学"), "吴昊然", List.of("书法", "社区达人")),
                    List.of("教老人用智能手机挂号", "重阳节书法送福", "陪老人聊天读报")));

    private final Store store;
    private final boolean enabled;

    DemoBrands(Store store, boolean enabled) {
        this.store = store;
        this.enabled = enabled;
    }

    /** Seeds the demo brands the caller's scope holds that do not exist yet. */
    void seed(ProgrammeRequest r) throws ApiException {
        if (!enabled || !SHUANGGANG.equals(r.street())) {
            return;
        }
        synchronized (this) {
            List<BrandEntity> existing = store.brands(r.street());
            for (Demo d : DEMOS) {
                if (!Who.staff(r, d.community()) || existing.stream().anyMatch(b -> b.community.equals(d.community())
                        && b.name.equals(d.name()))) {
                    continue;
                }
                List<LeaderView> leaders = r.data().leaders(d.community());
                Optional<LeaderView> founder = byName(leaders, d.founder()).or(() -> leaders.stream().findFirst());
                if (founder.isPresent()) {
                    seed(d, founder.get(), leaders);
                    r.auditDetail("demo brand " + d.name() + " seeded");
                }
            }
        }
    }

    private static Optional<LeaderView> byName(List<LeaderView> leaders, String name) {
        return leaders.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    private void seed(Demo d, LeaderView founder, List<LeaderView> leaders) {
        LocalDate today = VolunteerBrands.today();
        BrandEntity b = VolunteerBrands.create(store, SHUANGGANG, d.community(), d.name(), d.slogan(), founder.id(),
                today.minusYears(2).withDayOfMonth(1), "demo");
        if (b == null) {
            return;
        }
        store.jpa.tx(TransactionType.Required, em -> {
            LocalDate joined = today.minusYears(2);
            for (String name : d.leaders()) {
                byName(leaders, name).ifPresent(l -> Roster.persistMember(em, b, "LEADER", l.id(), null, null, null,
                        joined, "demo"));
            }
            d.residents().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> Roster.persistMember(em,
                    b, "RESIDENT", null, e.getKey(), null, String.join("、", e.getValue()), joined, "demo"));
            List<MemberEntity> members = em.createQuery("SELECT m FROM MemberEntity m WHERE m.brand = :b ORDER BY "
                    + "m.id", MemberEntity.class).setParameter("b", b.id).getResultList();
            LocalDateTime now = LocalDateTime.now(VolunteerBrands.CHINA);
            // activities this year and last year, each member taking part in some
            for (int i = 0; i < d.activities().size() * 2; i++) {
                LocalDate day = i % 2 == 0 ? today.minusDays(7L + 20L * i) : today.minusYears(1).minusDays(10L * i);
                ActivityEntity a = new ActivityEntity();
                a.brand = b.id;
                a.heldOn = day;
                a.title = d.activities().get(i % d.activities().size());
                a.place = d.community().endsWith("001") ? "港湾家园社区党群服务中心"
                        : d.community().endsWith("002") ? "春晖里社区广场" : "润泽园社区活动室";
                a.createdBy = "demo";
                a.volunteers = 0;
                a.hours = BigDecimal.ZERO;
                em.persist(a);
                em.flush();
                for (int j = 0; j < members.size(); j++) {
                    if ((i + j) % 3 == 2) {
                        continue;
                    }
                    BigDecimal h = BigDecimal.valueOf(2 + (i + j) % 3).setScale(1);
                    em.persist(hours(b, members.get(j), a.id, day, h, a.title, HoursRules.ACTIVITY,
                            HoursRules.APPROVED, now));
                    a.volunteers++;
                    a.hours = a.hours.add(h);
                }
            }
            // self-reports: one pending, one approved, one rejected (by a leader member)
            MemberEntity reporter = members.stream().filter(m -> m.leader != null && !m.leader.equals(founder.id()))
                    .findFirst().orElse(members.get(0));
            em.persist(hours(b, reporter, null, today.minusDays(2), new BigDecimal("1.5"), "帮独居老人取药",
                    HoursRules.SELF_REPORT, HoursRules.PENDING, now));
            em.persist(hours(b, reporter, null, today.minusDays(12), new BigDecimal("2.0"), "陪同居民到医院复诊",
                    HoursRules.SELF_REPORT, HoursRules.APPROVED, now));
            HoursEntity rejected = hours(b, reporter, null, today.minusDays(15), new BigDecimal("8.0"),
                    "参加社区会议", HoursRules.SELF_REPORT, HoursRules.REJECTED, now);
            rejected.rejectReason = "例会不计入志愿服务时长";
            em.persist(rejected);
        });
    }

    private static HoursEntity hours(BrandEntity b, MemberEntity m, Long activity, LocalDate day, BigDecimal hours,
            String description, String source, String status, LocalDateTime now) {
        HoursEntity h = new HoursEntity();
        h.brand = b.id;
        h.member = m.id;
        h.activity = activity;
        h.servedOn = day;
        h.hours = hours;
        h.description = description;
        h.source = source;
        h.status = status;
        h.reportedBy = HoursRules.SELF_REPORT.equals(source) ? "demo-member" : "demo";
        h.reportedAt = now;
        if (!HoursRules.PENDING.equals(status)) {
            h.decidedBy = "demo";
            h.decidedAt = now;
        }
        return h;
    }
}
