package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.workflow.events.WorkflowTopics;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.workflow.internal.ReportFlow.Status;
import org.loumen.domain.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Selection of excellent leaders (优秀楼门栋长) at district and street level. Candidates are drawn from the data by the
 * round's rules: a leader in service whose best satisfaction in the year's closed evaluations reaches the minimum,
 * with at least the minimum of confirmed problem reports on their places. A recorded decision awards them:
 * certificate numbers, priority support for their projects, and the reserve pool. Event:
 * {@code org/loumen/award/DECIDED} ({@code round}, {@code node}, {@code period}, {@code awardees}).
 */
@Component(service = AwardService.class)
public final class AwardService {

    record RoundView(long id, String node, String period, BigDecimal minSatisfaction, int minReportsHandled,
            String status, LocalDate decidedOn, String decision) {
    }

    /** A round as the listing shows it: its rules, whether decided, and how many were awarded. */
    record ListedRound(long id, String node, String nodeName, String period, BigDecimal minSatisfaction,
            int minReportsHandled, boolean decided, LocalDate decidedOn, long awardees) {
    }

    record Candidate(long leader, String name, String community, BigDecimal satisfactionPercent,
            int reportsHandled) {
    }

    record Award(String certificate, long round, long leader, String name, String community,
            boolean prioritySupport, boolean reservePool) {
    }

    private static final LeaderQuery IN_SERVICE = LeaderQuery.inStatus(null, Set.of(LeaderStatus.IN_SERVICE));
    /** Up to this many candidates are read one by one; more, with the node's listing. */
    private static final int READ_ONE_BY_ONE = 200;

    private final JpaTemplate jpa;
    private final EvaluationService evaluations;
    private final ReportService reports;
    private final LeaderService leaders;
    private final EventAdmin events;
    private final OrganisationService organisation;

    @Activate
    public AwardService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference EvaluationService evaluations, @Reference ReportService reports,
            @Reference LeaderService leaders, @Reference EventAdmin events,
            @Reference OrganisationService organisation) {
        this.organisation = organisation;
        this.jpa = jpa;
        this.evaluations = evaluations;
        this.reports = reports;
        this.leaders = leaders;
        this.events = events;
    }

    RoundView open(String node, String period, BigDecimal minSatisfaction, Integer minReports) throws Refusal {
        if (period == null || !period.matches("20\\d\\d")) {
            throw Refusal.invalidField("period", "须为年份，如 2026 / period must be a year such as 2026");
        }
        BigDecimal min = minSatisfaction == null ? new BigDecimal("90.00") : minSatisfaction;
        if (min.compareTo(Satisfaction.THRESHOLD) < 0 || min.compareTo(new BigDecimal("100")) > 0) {
            throw Refusal.invalidField("minSatisfaction", "须在 60 至 100 之间 / must be from 60 to 100");
        }
        int reportsMin = minReports == null ? 0 : minReports;
        if (reportsMin < 0 || reportsMin > 10_000) {
            throw Refusal.invalidField("minReportsHandled", "须为非负整数 / must be zero or more");
        }
        RoundView v = jpa.txExpr(em -> {
            if (!em.createQuery("select r.id from AwardRoundEntity r where r.node = :n and r.period = :p", Long.class)
                    .setParameter("n", node).setParameter("p", period).getResultList().isEmpty()) {
                return null;
            }
            AwardRoundEntity r = new AwardRoundEntity();
            r.node = node;
            r.period = period;
            r.minSatisfaction = min.setScale(2, java.math.RoundingMode.HALF_UP);
            r.minReportsHandled = reportsMin;
            r.status = "OPEN";
            em.persist(r);
            return view(r);
        });
        if (v == null) {
            throw Refusal.conflict("round-exists", "本年度评选已存在 / a round for " + node + " in " + period
                    + " exists already");
        }
        return v;
    }

    Optional<RoundView> round(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(AwardRoundEntity.class, id)).map(AwardService::view));
    }

    /**
     * The rounds that concern the caller, newest period first: rounds at a node within their scopes and rounds at
     * a node above them (a street's secretaries see their street's and the district's rounds). With a street, only
     * rounds that concern that street (its own and the district's).
     */
    List<ListedRound> rounds(Set<String> scopes, String street) {
        List<AwardRoundEntity> all = jpa.txExpr(em -> em.createQuery("select r from AwardRoundEntity r order by "
                + "r.period desc, r.node, r.id desc", AwardRoundEntity.class).getResultList());
        Map<Long, Long> awarded = new HashMap<>();
        for (Object[] row : jpa.txExpr(em -> em.createQuery("select a.round, count(a) from AwardEntity a group by "
                + "a.round", Object[].class).getResultList())) {
            awarded.put((Long) row[0], ((Number) row[1]).longValue());
        }
        Map<String, String> names = new HashMap<>();
        List<ListedRound> out = new ArrayList<>();
        for (AwardRoundEntity r : all) {
            if (scopes.stream().noneMatch(s -> related(r.node, s)) || street != null && !related(r.node, street)) {
                continue;
            }
            String name = names.computeIfAbsent(r.node, n -> n.equals(organisation.district().code())
                    ? organisation.district().name()
                    : organisation.street(n).map(org.loumen.core.model.Street::name).orElse(null));
            out.add(new ListedRound(r.id, r.node, name, r.period, r.minSatisfaction, r.minReportsHandled,
                    "DECIDED".equals(r.status), r.decidedOn, awarded.getOrDefault(r.id, 0L)));
        }
        return out;
    }

    /** Whether one node lies within the other. */
    private static boolean related(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    /** The leaders the round's rules put forward, best satisfaction first. */
    List<Candidate> candidates(long id) {
        AwardRoundEntity r = jpa.txExpr(em -> em.find(AwardRoundEntity.class, id));
        Map<Long, BigDecimal> best = new HashMap<>();
        List<Long> closed = jpa.txExpr(em -> em.createQuery("select e.id from EvaluationEntity e where e.community "
                + "like :n and e.period like :p and e.status = 'CLOSED'", Long.class).setParameter("n", r.node + "%")
                .setParameter("p", r.period + "-%").getResultList());
        for (long evaluation : closed) {
            for (EvaluationService.Result res : evaluations.results(evaluation)) {
                if (res.outcome() == Satisfaction.Outcome.RETAINED) {
                    best.merge(res.leader(), res.satisfactionPercent(), BigDecimal::max);
                }
            }
        }
        // only leaders retained at or above the round's bar can be put forward: read those, not every leader of the
        // node (a district's listing with its assignments was the call's whole cost, even when no one qualified)
        List<Long> eligible = best.entrySet().stream().filter(e -> e.getValue().compareTo(r.minSatisfaction) >= 0)
                .map(Map.Entry::getKey).toList();
        Set<Long> serving = eligible.isEmpty() ? Set.of()
                : leaders.communities(Set.of(r.node), IN_SERVICE, eligible).keySet();
        if (serving.isEmpty()) {
            return List.of();
        }
        // a few are read one by one; many in one listing of the node's leaders in service
        List<Leader> pool = serving.size() <= READ_ONE_BY_ONE
                ? serving.stream().map(leaders::leader).flatMap(Optional::stream).toList()
                : leaders.find(Set.of(r.node), IN_SERVICE, 1, 100_000, "id").items().stream()
                        .filter(l -> serving.contains(l.id())).toList();
        List<ReportService.View> confirmed = Pages.all(n -> reports.list(Set.of(r.node), null, null,
                Status.CONFIRMED, false, n, Pages.SIZE).items());
        List<Candidate> out = new ArrayList<>();
        for (Leader l : pool) {
            if (l.status() != LeaderStatus.IN_SERVICE) {
                continue; // retired since the read above
            }
            Set<String> places = new LinkedHashSet<>();
            for (Assignment a : l.assignments()) {
                places.add(a.unit() != null ? a.unit() : a.building());
            }
            int handled = (int) confirmed.stream().filter(rep -> places.stream().anyMatch(
                    p -> rep.place().startsWith(p) || p.startsWith(rep.place()))).count();
            if (handled >= r.minReportsHandled) {
                out.add(new Candidate(l.id(), l.name(), l.community(), best.get(l.id()), handled));
            }
        }
        out.sort((a, b) -> b.satisfactionPercent().compareTo(a.satisfactionPercent()));
        return out;
    }

    /** Records the decision and awards the chosen candidates. */
    List<Award> decide(long id, LocalDate decidedOn, List<Long> awardees, String decision, String actor)
            throws Refusal {
        if (decidedOn == null || decidedOn.isAfter(LocalDate.now(EvaluationService.CHINA))) {
            throw Refusal.invalidField("decidedOn", "请填写决定日期（不晚于今天） / decidedOn is required, not in "
                    + "the future");
        }
        if (decision == null || decision.isBlank() || decision.length() > 1000) {
            throw Refusal.invalidField("decision", "请写明评审决定（会议、依据） / the decision is required (1-1000)");
        }
        if (awardees == null || awardees.isEmpty()) {
            throw Refusal.invalidField("awardees", "至少一名 / at least one awardee");
        }
        Map<Long, Candidate> candidates = new HashMap<>();
        candidates(id).forEach(c -> candidates.put(c.leader(), c));
        for (int i = 0; i < awardees.size(); i++) {
            if (!candidates.containsKey(awardees.get(i))) {
                throw Refusal.invalidField("awardees[" + i + "]", "不在候选名单中 / not among the candidates");
            }
        }
        List<Award> out = jpa.txExpr(em -> {
            AwardRoundEntity r = em.find(AwardRoundEntity.class, id);
            if (!"OPEN".equals(r.status)) {
                return null;
            }
            r.status = "DECIDED";
            r.decidedOn = decidedOn;
            r.decidedBy = actor;
            r.decision = decision.strip();
            List<Award> awards = new ArrayList<>();
            int n = 0;
            for (long leader : new LinkedHashSet<>(awardees)) {
                AwardEntity a = new AwardEntity();
                a.certificate = String.format("优秀楼门栋长-%s-%s-%03d", r.period, r.node, ++n);
                a.round = id;
                a.leader = leader;
                a.community = candidates.get(leader).community();
                a.prioritySupport = true;
                a.reservePool = true;
                em.persist(a);
                awards.add(award(a, candidates.get(leader).name()));
            }
            return awards;
        });
        if (out == null) {
            throw Refusal.conflict("round-decided", "本轮评选已有决定 / the round has been decided already");
        }
        RoundView r = round(id).orElseThrow();
        events.postEvent(new Event(WorkflowTopics.AWARD_DECIDED, Map.of(WorkflowTopics.PROP_ROUND, id,
                WorkflowTopics.PROP_NODE, r.node(), WorkflowTopics.PROP_PERIOD, r.period(), WorkflowTopics.PROP_AWARDEES, out.stream().map(Award::leader).toList())));
        return out;
    }

    /** Awards within scope; {@code reserveOnly} gives the reserve pool for the residents' committees. */
    List<Award> awards(Set<String> scopes, String node, boolean reserveOnly) {
        List<AwardEntity> all = jpa.txExpr(em -> em.createQuery("select a from AwardEntity a order by a.certificate",
                AwardEntity.class).getResultList());
        Map<Long, String> names = new HashMap<>();
        List<Award> out = new ArrayList<>();
        for (AwardEntity a : all) {
            if (scopes.stream().noneMatch(a.community::startsWith) || node != null && !a.community.startsWith(node)
                    || reserveOnly && !a.reservePool) {
                continue;
            }
            String name = names.computeIfAbsent(a.leader, l -> leaders.leader(l).map(Leader::name).orElse(null));
            out.add(award(a, name));
        }
        return out;
    }

    private static Award award(AwardEntity a, String name) {
        return new Award(a.certificate, a.round, a.leader, name, a.community, a.prioritySupport, a.reservePool);
    }

    private static RoundView view(AwardRoundEntity r) {
        return new RoundView(r.id, r.node, r.period, r.minSatisfaction, r.minReportsHandled, r.status, r.decidedOn,
                r.decision);
    }
}
