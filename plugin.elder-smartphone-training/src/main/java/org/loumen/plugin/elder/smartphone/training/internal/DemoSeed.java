package org.loumen.plugin.elder.smartphone.training.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.data.HouseholdView;
import org.loumen.programme.data.LeaderView;
import org.loumen.web.ApiException;

/**
 * Demo data (with {@code loumen.demo=true}, in 双港镇): three courses of the community with the most households — one
 * running with lessons held, the roll taken, checklists part done and two certificates to print, one about to start,
 * one cancelled. A programme reads the core's households and leaders only through a request, within the caller's
 * scope and audited, so the demo is seeded on the first list or figures request in the street by a caller of the whole
 * street (its admin or the district's), once: a marker row ({@code ET_DEMO_SEED}) makes seeding again add nothing.
 */
final class DemoSeed {

    /** 双港镇: the demo street. */
    static final String STREET = "120112103";
    static final String VOLUNTEER = "刘晓雨";
    static final String VOLUNTEER_2 = "王建国";

    private final ElderSmartphoneTraining programme;
    private final JpaTemplate jpa;
    private final boolean enabled;
    private volatile boolean done;

    DemoSeed(ElderSmartphoneTraining programme, JpaTemplate jpa, boolean enabled) {
        this.programme = programme;
        this.jpa = jpa;
        this.enabled = enabled;
    }

    void seedIfDue(ProgrammeRequest r) throws ApiException {
        if (!enabled || done || !STREET.equals(r.street()) || !r.scopes().contains(r.street())) {
            return;
        }
        synchronized (programme) {
            if (jpa.txExpr(TransactionType.Required, em -> em.find(DemoSeedEntity.class, STREET)) != null) {
                done = true;
                return;
            }
            List<HouseholdView> households = r.data().households(null);
            String community = households.stream().filter(h -> h.unit() != null && h.unit().length() >= 12)
                    .collect(Collectors.groupingBy(h -> h.unit().substring(0, 12), Collectors.counting())).entrySet()
                    .stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(STREET + "001");
            List<HouseholdView> mine = households.stream().filter(h -> h.unit() != null
                    && h.unit().startsWith(community)).sorted(Comparator.comparing(HouseholdView::unit)
                    .thenComparing(HouseholdView::room)).toList();
            List<LeaderView> leaders = r.data().leaders(community).stream()
                    .filter(l -> "IN_SERVICE".equals(l.status())).toList();
            seed(community, mine, leaders.isEmpty() ? null : leaders.get(0), ElderSmartphoneTraining.today());
            jpa.txExpr(TransactionType.Required, em -> {
                DemoSeedEntity marker = new DemoSeedEntity();
                marker.street = STREET;
                marker.seededAt = Instant.now();
                em.persist(marker);
                return marker;
            });
            done = true;
            r.auditDetail("demo courses seeded in " + community);
        }
    }

    private void seed(String community, List<HouseholdView> households, LeaderView leader, LocalDate today) {
        // 1. running for four weeks: four lessons held, one to come
        CourseEntity first = programme.createCourse(STREET, community, new Courses.NewCourse(community,
                "智能手机入门班（第一期）", null, today.minusDays(28), 20, List.of(VOLUNTEER)));
        String place = "社区党群服务中心二楼活动室";
        String[] topics = { "健康码与预约挂号", "移动支付", "视频通话", "网约车与防诈骗", "复习与结业考核" };
        SessionEntity[] lessons = new SessionEntity[topics.length];
        for (int i = 0; i < topics.length; i++) {
            boolean byLeader = leader != null && i % 2 == 0;
            lessons[i] = programme.addSession(first, new Courses.NewSession(today.minusDays(28 - 7L * i), "09:30",
                    place, topics[i], byLeader ? leader.id() : null, byLeader ? null : VOLUNTEER),
                    byLeader ? leader.name() : VOLUNTEER);
        }
        int n = Math.min(8, households.size());
        TraineeEntity[] ts = new TraineeEntity[n];
        for (int i = 0; i < n; i++) {
            HouseholdView h = households.get(i);
            ts[i] = programme.addTrainee(first, h, h.headName(), today.getYear() - 62 - (i * 3) % 17,
                    today.minusDays(30));
        }
        // the roll of the four lessons held: most come; the sixth withdraws after the first lesson
        for (int lesson = 0; lesson < 4; lesson++) {
            Set<Long> present = new HashSet<>();
            List<TraineeEntity> active = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i == 5 && lesson > 0) {
                    continue;
                }
                active.add(ts[i]);
                if ((i + lesson) % 4 != 3) {
                    present.add(ts[i].id);
                }
            }
            programme.recordRoll(lessons[lesson], active, present, "demo");
        }
        if (n > 5) {
            jpa.txExpr(TransactionType.Required, em -> {
                em.find(TraineeEntity.class, ts[5].id).withdrawnOn = today.minusDays(20);
                return null;
            });
        }
        // the checklist: two done (certificates to print), the others part way
        List<Skill> all = Skill.CHECKLIST;
        int[] ticked = { 6, 6, 4, 3, 2, 0, 1, 5 };
        for (int i = 0; i < n; i++) {
            if (i == 5) {
                continue;
            }
            programme.setTicks(first, ts[i].id, all.subList(0, ticked[i]), List.of(), today.minusDays(7), "demo");
        }

        // 2. about to start, with a volunteer
        CourseEntity second = programme.createCourse(STREET, community, new Courses.NewCourse(community,
                "防诈骗与移动支付专题班", List.of(Skill.MOBILE_PAYMENT, Skill.FRAUD_PREVENTION), today.plusDays(5), 15,
                List.of(VOLUNTEER_2)));
        programme.addSession(second, new Courses.NewSession(today.plusDays(5), "14:30", place, "识别电信诈骗", null,
                VOLUNTEER_2), VOLUNTEER_2);
        programme.addSession(second, new Courses.NewSession(today.plusDays(12), "14:30", place, "安全使用移动支付",
                leader == null ? null : leader.id(), leader == null ? VOLUNTEER_2 : null),
                leader == null ? VOLUNTEER_2 : leader.name());
        for (int i = n; i < Math.min(n + 3, households.size()); i++) {
            HouseholdView h = households.get(i);
            programme.addTrainee(second, h, h.headName(), today.getYear() - 66 - i % 9, today.minusDays(2));
        }

        // 3. cancelled
        CourseEntity third = programme.createCourse(STREET, community, new Courses.NewCourse(community,
                "网约车体验课", List.of(Skill.RIDE_HAILING), today.plusDays(10), 10, null));
        jpa.txExpr(TransactionType.Required, em -> {
            CourseEntity c = em.find(CourseEntity.class, third.id);
            c.cancelledOn = today.minusDays(3);
            c.cancelReason = "报名人数不足，并入下一期入门班";
            return c;
        });
    }
}
