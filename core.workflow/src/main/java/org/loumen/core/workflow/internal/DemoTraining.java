package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.loumen.core.model.Building;
import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderDraft;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.Nomination;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.workflow.internal.TrainingRules.Result;
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
 * With {@code --demo}: onboarding and capacity training in 双港镇 so the pages are filled — a past batch (three passed,
 * two of them certified, one failed), the next batch with the failed one enrolled again, two approved candidates
 * waiting, the street's social-work station and a charity-venture project with sessions most serving leaders
 * attended. Invented people. Idempotent: nothing is added once the first batch exists.
 */
@Component(immediate = true)
public final class DemoTraining {

    static final String STREET = "120112103";
    static final String FIRST = "双港镇2026年第1期楼门栋长入职培训";
    private static final Logger LOG = LoggerFactory.getLogger(DemoTraining.class);

    /** name, gender, birth year, community, phone */
    private static final String[][] CANDIDATES = {
        { "林晓燕", "FEMALE", "1979", "120112103001", "13900009001" },
        { "郑建国", "MALE", "1968", "120112103002", "13900009002" },
        { "孙玉兰", "FEMALE", "1972", "120112103003", "13900009003" },
        { "高志强", "MALE", "1985", "120112103001", "13900009004" },
        { "何秀英", "FEMALE", "1970", "120112103002", "13900009005" },
        { "罗文军", "MALE", "1976", "120112103003", "13900009006" } };

    @Activate
    public DemoTraining(BundleContext context, @Reference TrainingService training,
            @Reference TrainingBatches batches, @Reference CapacityTrainingService capacity, @Reference LifecycleService lifecycle,
            @Reference LeaderService leaders, @Reference OrganisationService organisation,
            @Reference(target = "(osgi.condition.id=loumen.model.demo-checked)",
                    cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            Condition checked) {
        // active without it, so that health is UP while a warm start checks the demo after start; made again
        // with it (greedy) once the demo data's check is over
        if (checked == null) {
            return;
        }
        if (!Boolean.parseBoolean(context.getProperty("loumen.demo")) || organisation.street(STREET).isEmpty()) {
            return;
        }
        try {
            if (batches.batches(Set.of(STREET), STREET).stream().anyMatch(b -> b.title().equals(FIRST))) {
                return;
            }
            seed(training, batches, capacity, lifecycle, leaders, organisation);
        } catch (Exception e) {
            LOG.warn("Demo training data not added: {}", e.toString());
        }
    }

    private static void seed(TrainingService training, TrainingBatches batches, CapacityTrainingService capacity,
            LifecycleService lifecycle, LeaderService leaders, OrganisationService organisation) throws Exception {
        String actor = "system";
        LocalDate today = LocalDate.now(EvaluationService.CHINA);
        List<Leader> approved = new ArrayList<>();
        for (String[] c : CANDIDATES) {
            List<Building> buildings = organisation.buildings(c[3]);
            if (buildings.isEmpty() || buildings.get(0).units().isEmpty()) {
                continue;
            }
            String unit = buildings.get(buildings.size() - 1).units().get(0).code();
            LeaderDraft person = new LeaderDraft(c[0], Gender.valueOf(c[1]), LocalDate.of(Integer.parseInt(c[2]), 3,
                    12), Education.JUNIOR_COLLEGE, Boolean.FALSE, c[4], Nomination.RECOMMENDED, Boolean.FALSE, c[3],
                    null);
            Leader l = lifecycle.nominate(person, Nomination.RECOMMENDED.name(), "社区党组织", LeaderRole.UNIT_LEADER,
                    unit, actor);
            approved.add(lifecycle.move(l.id(), LeaderStatus.APPROVED, actor, "居(村)民代表会议 " + today.minusDays(60),
                    "attendees 21, for 17, against 2, abstained 2", null, Map.of()));
        }
        if (approved.size() < 6) {
            LOG.warn("Demo training data: 双港镇 lacks the communities it needs");
            return;
        }
        List<String> trainers = List.of("镇社工站 王静（演示）", "镇司法所 刘明（演示）");
        List<String> curriculum = List.of("楼门栋长职责与“五员”分工", "问题时报与平台使用", "矛盾纠纷排查与调解",
                "关怀走访与特殊群体服务", "平安巡查与消防常识");
        TrainingBatches.Batch first = batches.create(STREET, new TrainingBatches.BatchDraft(FIRST,
                today.minusDays(40), today.minusDays(38), "双港镇党群服务中心三楼会议室", trainers, curriculum), actor);
        List<Long> four = approved.subList(0, 4).stream().map(Leader::id).toList();
        training.enrol(first.id(), four, actor);
        for (LocalDate d : first.days()) {
            List<Long> present = d.equals(first.startsOn().plusDays(1)) ? four.subList(0, 3) : four;
            training.attendance(first.id(), d, present);
        }
        training.assess(first.id(), four.get(0), Result.PASSED, "笔试 92 分", actor);
        training.assess(first.id(), four.get(1), Result.PASSED, "笔试 85 分", actor);
        training.assess(first.id(), four.get(2), Result.PASSED, null, actor);
        training.assess(first.id(), four.get(3), Result.FAILED, "缺课一天，实操考核未通过，参加下一期", actor);
        training.certify(first.id(), four.get(0), null, first.endsOn().plusDays(3), actor);
        training.certify(first.id(), four.get(1), null, first.endsOn().plusDays(3), actor);

        TrainingBatches.Batch second = batches.create(STREET, new TrainingBatches.BatchDraft(
                "双港镇2026年第2期楼门栋长入职培训", today.plusDays(7), today.plusDays(8), "双港镇社工站培训室", trainers,
                curriculum), actor);
        training.enrol(second.id(), List.of(four.get(3)), actor);

        var station = capacity.addProvider(STREET, CapacityTrainingService.ProviderKind.STATION, "双港镇社工站（演示）",
                "022-0000 0000（演示）");
        var venture = capacity.addProvider(STREET, CapacityTrainingService.ProviderKind.VENTURE,
                "港湾家园“楼门微课堂”公益创投项目（演示）", null);
        List<Long> serving = new ArrayList<>();
        for (Leader l : Pages.all(n -> leaders.find(Set.of(STREET), new LeaderQuery(STREET, null, null,
                LeaderStatus.IN_SERVICE, null, null, null), n, Pages.SIZE, "id").items())) {
            serving.add(l.id());
        }
        if (serving.size() < 4) {
            return;
        }
        int n = serving.size();
        LocalDate early = today.minusDays(60).getYear() == today.getYear() ? today.minusDays(60) : today.withDayOfYear(1);
        capacity.addSession(STREET, new CapacityTrainingService.SessionDraft(station.id(), early, "矛盾纠纷调解技巧",
                new BigDecimal("2"), "双港镇社工站培训室", serving.subList(0, n * 2 / 3)), actor);
        capacity.addSession(STREET, new CapacityTrainingService.SessionDraft(venture.id(), today.minusDays(20)
                .getYear() == today.getYear() ? today.minusDays(20) : today, "帮老人用智能手机：适老化服务",
                new BigDecimal("1.5"), "港湾家园社区活动室", serving.subList(n / 4, n * 3 / 4)), actor);
        capacity.addSession(STREET, new CapacityTrainingService.SessionDraft(station.id(), today.minusDays(5)
                .getYear() == today.getYear() ? today.minusDays(5) : today, "心理疏导与情绪支持入门",
                new BigDecimal("2.5"), "双港镇党群服务中心", serving.subList(0, n / 3)), actor);
        LOG.info("Demo training data added for 双港镇");
    }
}
