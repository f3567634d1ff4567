package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Household;
import org.loumen.core.model.HouseholdService;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.OrganisationService;
import org.loumen.domain.Refusal;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.condition.Condition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code --demo}: projects, an award of 双新街道 for last year (so its leader's projects come first), the
 * sub-committee reserve, publicity campaigns with activities and unit consultations with answers, in the demo
 * communities of 双新街道 and 双港镇, so their pages are filled. Idempotent: each part is seeded once (skipped when its
 * first record exists). Invented people only.
 */
@Component(immediate = true)
public final class CivicDemo {

    static final String SHUANGXIN = "120112001";
    static final String XINHUALI = "120112001001";
    static final String HEPINGYUAN = "120112001002";
    static final String GANGWAN = "120112103001";
    static final String AWARDED = "13900000028"; // 龚永红, 新华里 1号楼1单元
    static final String CAMPAIGN = "颂歌献给伟大的中国共产党 系列宣传活动";
    private static final Logger LOG = LoggerFactory.getLogger(CivicDemo.class);

    private final JpaTemplate jpa;
    private final LeaderService leaders;
    private final OrganisationService organisation;
    private final HouseholdService households;
    private final ReserveService reserve;
    private final CampaignService campaigns;
    private final ConsultationService consultations;

    @Activate
    public CivicDemo(BundleContext context, @Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference LeaderService leaders, @Reference OrganisationService organisation,
            @Reference HouseholdService households, @Reference ReserveService reserve,
            @Reference CampaignService campaigns, @Reference ConsultationService consultations,
            @Reference(target = "(osgi.condition.id=loumen.model.demo-checked)",
                    cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Condition checked) {
        this.jpa = jpa;
        this.leaders = leaders;
        this.organisation = organisation;
        this.households = households;
        this.reserve = reserve;
        this.campaigns = campaigns;
        this.consultations = consultations;
        // active without it, so that health is UP while a warm start checks the demo after start; made again
        // with it (greedy) once the demo data's check is over
        if (checked == null) {
            return;
        }
        if (!Boolean.parseBoolean(context.getProperty("loumen.demo"))) {
            return;
        }
        try {
            seedAward();
            seedProjects();
            seedReserve();
            seedCampaigns();
            seedConsultations();
        } catch (Refusal | RuntimeException e) {
            LOG.warn("Demo projects, reserve, campaigns or consultations not seeded completely: {}", e.toString());
        }
    }

    private Optional<Leader> leader(String phone) {
        return leaders.find(Set.of(organisation.district().code()), LeaderQuery.of(null, null, phone), 1, 5, "id")
                .items().stream().filter(l -> phone.equals(l.phone())).findFirst();
    }

    private static Set<String> places(Leader l) {
        Set<String> out = new TreeSet<>();
        for (Assignment a : l.assignments()) {
            out.add(a.unit() != null ? a.unit() : a.building());
        }
        return out;
    }

    /** 双新街道's round of last year, decided, with 龚永红 and 和平苑's leader awarded. */
    private void seedAward() {
        String period = String.valueOf(Civic.today().getYear() - 1);
        boolean exists = !jpa.txExpr(em -> em.createQuery("select r.id from AwardRoundEntity r where r.node = :n and "
                + "r.period = :p", Long.class).setParameter("n", SHUANGXIN).setParameter("p", period).getResultList())
                .isEmpty();
        if (exists) {
            return; // a warm start: no district-wide search for the leaders (run before UP)
        }
        Optional<Leader> first = leader(AWARDED);
        Optional<Leader> second = leader("13900000038");
        if (first.isEmpty() || second.isEmpty()) {
            return;
        }
        jpa.tx(em -> {
            AwardRoundEntity r = new AwardRoundEntity();
            r.node = SHUANGXIN;
            r.period = period;
            r.minSatisfaction = new BigDecimal("90.00");
            r.minReportsHandled = 0;
            r.status = "DECIDED";
            r.decidedOn = LocalDate.of(Civic.today().getYear(), 1, 15);
            r.decidedBy = "shuangxin";
            r.decision = "街道评审会议决定（演示） / the street's review meeting (demo)";
            em.persist(r);
            em.flush();
            int n = 0;
            for (Leader l : List.of(first.get(), second.get())) {
                AwardEntity a = new AwardEntity();
                a.certificate = String.format("优秀楼门栋长-%s-%s-%03d", period, SHUANGXIN, ++n);
                a.round = r.id;
                a.leader = l.id();
                a.community = l.community();
                a.prioritySupport = true;
                a.reservePool = true;
                em.persist(a);
            }
        });
    }

    private record Seed(String phone, String kind, String title, String budget, int daysAgo, String status,
            String granted, String description) {
    }

    private void seedProjects() {
        if (jpa.txExpr(em -> em.createQuery("select count(p) from ProjectEntity p where p.proposedBy like '139000000%'",
                Long.class).getSingleResult()) > 0) {
            return;
        }
        List<Seed> seeds = List.of(
                new Seed("13900000029", "UNIT_IMPROVEMENT", "1号楼2单元楼门口加装助老扶手", "4800", 12, "FORWARDED", null,
                        "楼门口台阶三级，老人上下不便，拟加装不锈钢扶手两侧。"),
                new Seed(AWARDED, "UNIT_IMPROVEMENT", "1号楼1单元楼道声控照明改造", "3200", 4, "FORWARDED", null,
                        "楼道灯具老化，夜间照明不足，拟更换为声控 LED 灯 12 盏。"),
                new Seed("13900000038", "VOLUNTEER_SERVICE", "邻里守望志愿服务队", "2000", 20, "APPROVED", "1800",
                        "组织楼内 8 名志愿者，每周两次探望独居老人。"),
                new Seed("13900000029", "VOLUNTEER_SERVICE", "楼门读书角", "1500", 30, "DECLINED", null,
                        "在楼门口设读书角，添置书架和图书。"),
                new Seed("13900000030", "UNIT_IMPROVEMENT", "2号楼楼顶防水修缮", "9000", 2, "PROPOSED", null,
                        "顶层住户反映雨天渗水，拟做局部防水。"),
                new Seed("13900000005", "UNIT_IMPROVEMENT", "2号楼2单元电动车充电桩", "6000", 6, "PROPOSED", null,
                        "避免飞线充电，拟在楼下加装 4 个充电桩。"),
                new Seed("13900000001", "VOLUNTEER_SERVICE", "楼门小课堂", "1200", 25, "APPROVED", "1200",
                        "周末为楼内学生答疑，志愿者 5 名。"));
        LocalDate today = Civic.today();
        for (Seed s : seeds) {
            Optional<Leader> l = leader(s.phone());
            if (l.isEmpty() || places(l.get()).isEmpty()) {
                continue;
            }
            jpa.tx(em -> {
                ProjectEntity p = new ProjectEntity();
                p.kind = s.kind();
                p.title = s.title();
                p.place = places(l.get()).iterator().next();
                p.community = p.place.substring(0, 12);
                p.leader = l.get().id();
                p.proposedBy = s.phone();
                p.proposedOn = today.minusDays(s.daysAgo());
                p.budgetAsked = new BigDecimal(s.budget()).setScale(2);
                p.description = s.description();
                p.status = s.status();
                if (!s.status().equals("PROPOSED")) {
                    p.communityBy = "demo";
                    p.communityOn = p.proposedOn.plusDays(1);
                    p.communityNote = s.status().equals("DECLINED") ? "本年度社区已有同类项目 / a similar project runs "
                            + "already" : "社区同意，报街道 / forwarded to the street";
                    p.declinedAt = s.status().equals("DECLINED") ? "COMMUNITY" : null;
                }
                if (s.status().equals("APPROVED")) {
                    p.streetBy = "demo";
                    p.streetOn = p.proposedOn.plusDays(5);
                    p.amountGranted = new BigDecimal(s.granted()).setScale(2);
                    p.streetNote = "同意扶持 / supported";
                }
                em.persist(p);
            });
        }
    }

    private void seedReserve() throws Refusal {
        if (jpa.txExpr(em -> em.createQuery("select count(e) from ReserveEntity e where e.source = 'MANUAL' and "
                + "e.community like :s", Long.class).setParameter("s", SHUANGXIN + "%").getSingleResult()) > 0) {
            return; // a warm start (the reserve's listing syncs the awards itself)
        }
        reserve.syncAwards();
        Optional<Leader> l = leader("13900000029");
        if (l.isPresent()) {
            reserve.add(l.get().community(), l.get().id(), "长期参与楼内邻里纠纷调解，居民认可（演示） / long a trusted "
                    + "mediator among neighbours (demo)", "demo");
        }
        Optional<Leader> awarded = leader("13900000038");
        if (awarded.isPresent()) {
            for (ReserveService.Entry e : reserve.list(Set.of(SHUANGXIN), null, awarded.get().community())) {
                if (e.leader() == awarded.get().id() && e.appointedTo() == null) {
                    reserve.appoint(e.id(), "MEDIATION", Civic.today().minusDays(10), "社区居委会会议通过（演示）", "demo");
                }
            }
        }
        reserve.addMember(XINHUALI, "HEALTH", "周雅琴（演示）", Civic.today().minusDays(200), "社区卫生服务站护士", "demo");
    }

    private void seedCampaigns() throws Refusal {
        if (jpa.txExpr(em -> em.createQuery("select count(c) from CampaignEntity c where c.theme = :t", Long.class)
                .setParameter("t", CAMPAIGN).getSingleResult()) > 0) {
            return;
        }
        LocalDate today = Civic.today();
        CampaignService.View c = campaigns.create(SHUANGXIN, CAMPAIGN, today.minusDays(30), today.plusDays(30),
                List.of("宣传折页 500 份", "主题海报 40 张", "《党的故事》短视频"), "demo");
        activity(c.id(), AWARDED, 12, "1号楼1单元楼门口", 3);
        activity(c.id(), AWARDED, 3, "1号楼前小广场", 3);
        activity(c.id(), "13900000029", 8, "1号楼2单元楼道", 3);
        activity(c.id(), "13900000038", 5, "1号楼2单元门前", 2);
        CampaignService.View sg = campaigns.create("120112103", "平安建设 法治宣传月", today.minusDays(10),
                today.plusDays(20), List.of("反诈宣传单 300 份", "平安建设知识手册"), "demo");
        activity(sg.id(), "13900000005", 2, "2号楼2单元楼门口", 3);
    }

    private void activity(long campaign, String phone, int daysAgo, String venue, int reached) throws Refusal {
        Optional<Leader> l = leader(phone);
        if (l.isPresent() && !places(l.get()).isEmpty()) {
            Set<String> places = places(l.get());
            campaigns.record(campaign, phone, l.get().id(), places, Civic.today().minusDays(daysAgo),
                    places.iterator().next(), venue, reached, "发放宣传折页，讲解政策（演示）");
        }
    }

    private void seedConsultations() throws Refusal {
        if (jpa.txExpr(em -> em.createQuery("select count(c) from ConsultationEntity c where c.openedBy = 'demo'",
                Long.class).getSingleResult()) > 0) {
            return;
        }
        LocalDate today = Civic.today();
        String unit = XINHUALI + "B001U01";
        if (Places.of(organisation, unit).isEmpty()) {
            return;
        }
        ConsultationService.View open = consultations.open(unit, "楼道内是否统一张贴电动车禁停提示并设集中停放点？",
                "OPTIONS", List.of("同意", "不同意", "无所谓"), today, today.plusDays(14), "demo", null);
        List<Household> homes = households.find(Set.of(unit), XINHUALI, null, null, 1, 10).items();
        if (!homes.isEmpty()) {
            consultations.answerAtDoor(open.id(), homes.get(0).id(), 0, null, "demo");
        }
        String gangwan = GANGWAN + "B002U02";
        if (Places.of(organisation, gangwan).isPresent()) {
            ConsultationService.View g = consultations.open(gangwan, "楼门口闲置空地改作什么用？", "OPTIONS",
                    List.of("晾晒区", "自行车棚", "绿化"), today, today.plusDays(10), "demo", null);
            List<Household> gh = households.find(Set.of(gangwan), GANGWAN, null, null, 1, 10).items();
            for (int i = 0; i < Math.min(2, gh.size()); i++) {
                consultations.answerAtDoor(g.id(), gh.get(i).id(), i == 0 ? 1 : 2, null, "demo");
            }
        }
        String building = HEPINGYUAN + "B002";
        if (Places.of(organisation, building).isPresent()) {
            ConsultationService.View free = consultations.open(building, "对楼栋环境整治有什么建议？", "FREE", List.of(),
                    today, today.plusDays(7), "demo", null);
            List<Household> bh = households.find(Set.of(building), HEPINGYUAN, null, null, 1, 10).items();
            if (!bh.isEmpty()) {
                consultations.answerAtDoor(free.id(), bh.get(0).id(), null, "希望清理楼道堆物，增加垃圾分类指引。", "demo");
            }
            consultations.close(free.id());
        }
    }
}
