package org.loumen.plugin.mediation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.data.LeaderView;
import org.loumen.web.ApiException;

/**
 * Demo data for 双港镇 (with {@code loumen.demo=true}): pairings (one ended), a screening round with disputes, and
 * cases in every state, dated around today, so each part of the page shows something. Leaders are read through the
 * declared data access, which needs a request: the street's first listing by its admin (or the district admin)
 * seeds, once — nothing is added when the street has any pairing already. The demo's mediator accounts
 * ({@value #MEDIATOR_A}, {@value #MEDIATOR_B}) are named by the pairings; a street admin who creates them and grants
 * 人民调解员 at the community can sign in as them.
 */
final class DemoSeed {

    static final String STREET = "120112103";
    static final String MEDIATOR_A = "sg-tiaojie";
    static final String MEDIATOR_B = "sg-tiaojie2";

    private final Store store;
    private volatile boolean done;

    DemoSeed(Store store) {
        this.store = store;
    }

    void seedFor(ProgrammeRequest r) throws ApiException {
        if (done || !STREET.equals(r.street()) || !Who.street(r)) {
            return;
        }
        synchronized (this) {
            if (done) {
                return;
            }
            if (store.pairings(STREET).isEmpty()) {
                seed(r.data().leaders(null));
                r.auditDetail("demo data seeded");
            }
            done = true;
        }
    }

    private void seed(List<LeaderView> leaders) {
        Map<String, List<LeaderView>> byCommunity = new LinkedHashMap<>();
        leaders.stream().sorted((a, b) -> a.community().compareTo(b.community()) != 0
                ? a.community().compareTo(b.community()) : Long.compare(a.id(), b.id()))
                .forEach(l -> byCommunity.computeIfAbsent(l.community(), c -> new ArrayList<>()).add(l));
        List<List<LeaderView>> groups = byCommunity.values().stream().filter(g -> g.size() >= 2).limit(2).toList();
        if (groups.isEmpty()) {
            return;
        }
        LocalDate t = Mediation.today();
        store.tx(em -> {
            List<LeaderView> a = groups.get(0);
            String ca = a.get(0).community();
            PairingEntity p1 = pairing(em, ca, MEDIATOR_A, "刘建华", "13900007701", a.get(0).id(), t.minusDays(120));
            PairingEntity p2 = pairing(em, ca, MEDIATOR_A, "刘建华", "13900007701", a.get(1).id(), t.minusDays(120));
            if (a.size() > 2) {
                PairingEntity old = pairing(em, ca, MEDIATOR_A, "刘建华", "13900007701", a.get(2).id(),
                        t.minusDays(300));
                old.endedOn = t.minusDays(100);
                old.endReason = "调整结对：楼门栋长改由其他调解员联系";
            }
            RoundEntity past = round(em, ca, "上月矛盾纠纷排查", t.minusDays(70), t.minusDays(40));
            RoundEntity now = round(em, ca, t.getMonthValue() + "月矛盾纠纷排查", t.minusDays(10), t.plusDays(20));
            dispute(em, past, p1, "DAMAGES", "1单元底层商户与2楼住户", "空调外机噪音和滴水，已当场协商解决", "LOW",
                    t.minusDays(60));
            DisputeEntity leak = dispute(em, now, p1, "NEIGHBOURS", "3单元501住户与401住户",
                    "楼上卫生间渗水，楼下天花板发霉，双方多次争吵", "MEDIUM", t.minusDays(9));
            dispute(em, now, p2, "PROPERTY_MANAGEMENT", "2单元业主W与物业公司", "楼道电动车充电被物业断电，业主不满", "LOW",
                    t.minusDays(7));
            dispute(em, now, p2, "FAMILY", "5单元302户老两口与儿子", "赡养费和房屋使用问题，老人情绪激动", "HIGH",
                    t.minusDays(3));

            CaseEntity c1 = kase(em, p1, "NEIGHBOURS", leak.parties, leak.summary, "MEDIUM", t.minusDays(8));
            c1.source = "SCREENING";
            c1.sourceId = leak.id;
            leak.caseId = c1.id;
            session(em, c1, t.minusDays(6), "双方当事人、楼门栋长、调解员", "现场查看渗水点，约定请物业检测防水层");
            c1.status = "IN_MEDIATION";

            kase(em, p2, "PROPERTY_MANAGEMENT", "4单元业主L与物业公司", "地下车位被占用，物业未及时处理", "LOW",
                    t.minusDays(10));

            CaseEntity c3 = kase(em, p1, "NEIGHBOURS", "1单元602住户与702住户", "装修噪音扰民，夜间施工", "LOW",
                    t.minusDays(40));
            session(em, c3, t.minusDays(38), "双方当事人、调解员", "听取双方意见");
            session(em, c3, t.minusDays(35), "双方当事人、楼门栋长、调解员", "约定施工时间");
            agree(em, c3, t.minusDays(33), "装修仅在工作日8时至18时进行，周末不施工");

            CaseEntity c4 = kase(em, p2, "DEBT", "6单元住户Z与外地租户", "押金退还争议，数额较大，双方分歧明显", "MEDIUM",
                    t.minusDays(50));
            session(em, c4, t.minusDays(48), "双方当事人、调解员", "双方各执一词，调解未果");
            c4.status = "REFERRED";
            c4.outcome = "REFERRED";
            c4.closedOn = t.minusDays(45);
            c4.referredTo = "双港镇司法所";
            c4.outcomeNote = "建议通过司法确认或诉讼解决";
            followUp(em, c4, t.minusDays(30), "已由司法所受理，当事人情绪平稳", true);

            CaseEntity c5 = kase(em, p1, "FAMILY", "3单元老人与女儿", "老人赡养分工争议", "MEDIUM", t.minusDays(90));
            session(em, c5, t.minusDays(85), "老人、女儿、楼门栋长、调解员", "明确各子女分工");
            agree(em, c5, t.minusDays(80), "子女轮流照看，每月共同负担护理费用");
            followUp(em, c5, t.minusDays(70), "协议履行良好", true);
            archive(em, c5, t.minusDays(60));

            CaseEntity c6 = kase(em, p2, "TENANCY", "2单元房东与租户", "租期未满提前退租的违约金争议", "LOW",
                    t.minusDays(120));
            session(em, c6, t.minusDays(110), "双方当事人、调解员", "核对租赁合同");
            agree(em, c6, t.minusDays(100), "租户承担半个月租金作为违约金");
            followUp(em, c6, t.minusDays(95), "双方已履行", true);
            archive(em, c6, t.minusDays(90));

            if (groups.size() > 1) {
                List<LeaderView> b = groups.get(1);
                PairingEntity p4 = pairing(em, b.get(0).community(), MEDIATOR_B, "陈淑芬", "13900007702", b.get(0).id(),
                        t.minusDays(90));
                CaseEntity c7 = kase(em, p4, "NEIGHBOURS", "7号楼1单元两户邻居", "楼道堆放杂物引发争执", "LOW",
                        t.minusDays(20));
                session(em, c7, t.minusDays(18), "双方当事人、楼门栋长、调解员", "现场清理");
                agree(em, c7, t.minusDays(12), "双方共同清理楼道，不再堆放杂物");
            }
            return null;
        });
    }

    private static PairingEntity pairing(EntityManager em, String community, String mediator, String name,
            String phone, long leader, LocalDate since) {
        PairingEntity p = new PairingEntity();
        p.street = STREET;
        p.community = community;
        p.mediator = mediator;
        p.mediatorName = name;
        p.mediatorPhone = phone;
        p.leader = leader;
        p.since = since;
        em.persist(p);
        em.flush();
        return p;
    }

    private static RoundEntity round(EntityManager em, String community, String title, LocalDate from, LocalDate to) {
        RoundEntity r = new RoundEntity();
        r.street = STREET;
        r.community = community;
        r.title = title;
        r.startsOn = from;
        r.endsOn = to;
        r.createdBy = "demo";
        em.persist(r);
        em.flush();
        return r;
    }

    private static DisputeEntity dispute(EntityManager em, RoundEntity round, PairingEntity p, String category,
            String parties, String summary, String risk, LocalDate on) {
        DisputeEntity d = new DisputeEntity();
        d.round = round.id;
        d.pairing = p.id;
        d.community = p.community;
        d.category = category;
        d.parties = parties;
        d.summary = summary;
        d.risk = risk;
        d.recordedOn = on;
        d.recordedBy = "demo";
        em.persist(d);
        em.flush();
        return d;
    }

    private static CaseEntity kase(EntityManager em, PairingEntity p, String category, String parties,
            String summary, String risk, LocalDate acceptedOn) {
        CaseEntity c = new CaseEntity();
        c.pairing = p.id;
        c.community = p.community;
        c.kind = category;
        c.parties = parties;
        c.summary = summary;
        c.risk = risk;
        c.status = "ACCEPTED";
        c.source = "DIRECT";
        c.openedOn = acceptedOn;
        c.createdBy = "demo";
        em.persist(c);
        em.flush();
        return c;
    }

    private static void session(EntityManager em, CaseEntity c, LocalDate on, String attendees, String notes) {
        SessionEntity s = new SessionEntity();
        s.caseId = c.id;
        s.heldOn = on;
        s.attendees = attendees;
        s.notes = notes;
        s.recordedBy = "demo";
        em.persist(s);
        c.status = "IN_MEDIATION";
    }

    private static void agree(EntityManager em, CaseEntity c, LocalDate on, String terms) {
        c.status = "AGREED";
        c.outcome = "AGREED";
        c.closedOn = on;
        c.outcomeNote = terms;
    }

    private static void followUp(EntityManager em, CaseEntity c, LocalDate on, String notes, boolean satisfied) {
        c.status = "FOLLOWED_UP";
        c.followedUpOn = on;
        c.followUpNote = notes;
        c.satisfied = satisfied;
    }

    private static void archive(EntityManager em, CaseEntity c, LocalDate on) {
        c.status = "ARCHIVED";
        c.archivedOn = on;
    }
}
