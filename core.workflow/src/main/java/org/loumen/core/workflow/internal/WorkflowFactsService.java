package org.loumen.core.workflow.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Community;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Street;
import org.loumen.core.workflow.AwardFact;
import org.loumen.core.workflow.EvaluationOutcome;
import org.loumen.core.workflow.MissedMeeting;
import org.loumen.core.workflow.ReportFact;
import org.loumen.core.workflow.WorkflowFacts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The exported, read-only {@link WorkflowFacts}, answered from the workflow's own tables and services. */
@Component(service = WorkflowFacts.class)
public final class WorkflowFactsService implements WorkflowFacts {

    private static final int MAX_REPORTS = 500;

    private final JpaTemplate jpa;
    private final CareService care;
    private final LeaderService leaders;
    private final EvaluationService evaluations;

    private final OrganisationService organisation;

    @Activate
    public WorkflowFactsService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference LeaderService leaders, @Reference EvaluationService evaluations, @Reference CareService care,
            @Reference OrganisationService organisation) {
        this.organisation = organisation;
        this.care = care;
        this.jpa = jpa;
        this.leaders = leaders;
        this.evaluations = evaluations;
    }

    private static boolean within(Set<String> scopes, String code) {
        return code != null && scopes != null && scopes.stream().anyMatch(code::startsWith);
    }

    @Override
    public List<AwardFact> awards(Set<String> scopes) {
        return awards(scopes, false);
    }

    @Override
    public List<AwardFact> reservePool(Set<String> scopes) {
        return awards(scopes, true);
    }

    private List<AwardFact> awards(Set<String> scopes, boolean reserveOnly) {
        List<AwardEntity> all = jpa.txExpr(em -> em.createQuery("select a from AwardEntity a order by a.certificate",
                AwardEntity.class).getResultList());
        Map<Long, String> periods = new HashMap<>();
        List<AwardFact> out = new ArrayList<>();
        for (AwardEntity a : all) {
            if (!within(scopes, a.community) || reserveOnly && !a.reservePool) {
                continue;
            }
            String period = periods.computeIfAbsent(a.round, id -> Optional.ofNullable(
                    jpa.txExpr(em -> em.find(AwardRoundEntity.class, id))).map(r -> r.period).orElse(null));
            out.add(new AwardFact(a.certificate, a.round, period, a.leader, a.community, a.prioritySupport,
                    a.reservePool));
        }
        return out;
    }

    private Optional<Leader> leader(Set<String> scopes, long id) {
        return leaders.leader(id).filter(l -> within(scopes, l.community()));
    }

    @Override
    public List<EvaluationOutcome> outcomes(Set<String> scopes, long leader) {
        Optional<Leader> l = leader(scopes, leader);
        if (l.isEmpty()) {
            return List.of();
        }
        List<EvaluationEntity> closed = jpa.txExpr(em -> em.createQuery("select e from EvaluationEntity e where "
                + "e.community = :c and e.status = 'CLOSED' order by e.period, e.id", EvaluationEntity.class)
                .setParameter("c", l.get().community()).getResultList());
        List<EvaluationOutcome> out = new ArrayList<>();
        for (EvaluationEntity e : closed) {
            for (EvaluationService.Result r : evaluations.results(e.id)) {
                if (r.leader() == leader) {
                    out.add(new EvaluationOutcome(e.id, e.community, e.period, leader, r.ballots(),
                            r.satisfactionPercent(), r.outcome() == null ? null : r.outcome().name()));
                }
            }
        }
        return out;
    }

    @Override
    public Optional<LeaderStatus> status(Set<String> scopes, long leader) {
        return leader(scopes, leader).map(Leader::status);
    }

    @Override
    public List<ReportFact> reports(Set<String> scopes, String place) {
        if (place == null || place.length() < 12 || !within(scopes, place)) {
            return List.of();
        }
        String community = place.substring(0, 12);
        List<ReportEntity> rows = jpa.txExpr(em -> em.createQuery("select r from ReportEntity r where "
                + "r.community = :c order by r.createdAt desc, r.id desc", ReportEntity.class)
                .setParameter("c", community).getResultList());
        List<ReportFact> out = new ArrayList<>();
        for (ReportEntity r : rows) {
            if (place.length() > 12 && (r.place == null || !r.place.startsWith(place))) {
                continue;
            }
            out.add(new ReportFact(r.id, r.community, r.place, r.duty, r.urgency, r.status, r.escalated,
                    Instant.ofEpochMilli(r.createdAt), Instant.ofEpochMilli(r.dueAt)));
            if (out.size() >= MAX_REPORTS) {
                break;
            }
        }
        return out;
    }

    @Override
    public List<ReportFact> overdueReports(Set<String> scopes, Instant at, long afterId, int limit) {
        if (scopes == null || scopes.isEmpty() || at == null || limit < 1) {
            return List.of();
        }
        List<ReportEntity> rows = jpa.txExpr(em -> em.createQuery("select r from ReportEntity r where r.id > :after "
                + "and r.dueAt < :at and r.status in ('REPORTED', 'ACCEPTED', 'ASSIGNED', 'REOPENED') order by r.id",
                ReportEntity.class).setParameter("after", afterId).setParameter("at", at.toEpochMilli())
                .setMaxResults(Math.min(limit, 5000)).getResultList());
        List<ReportFact> out = new ArrayList<>();
        for (ReportEntity r : rows) {
            if (within(scopes, r.community)) {
                out.add(new ReportFact(r.id, r.community, r.place, r.duty, r.urgency, r.status, r.escalated,
                        Instant.ofEpochMilli(r.createdAt), Instant.ofEpochMilli(r.dueAt)));
            }
        }
        return out;
    }

    @Override
    public List<org.loumen.core.workflow.CareDue> overdueCare(Set<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            return List.of();
        }
        List<org.loumen.core.workflow.CareDue> out = new ArrayList<>();
        for (CareService.Plan p : care.plans(scopes, null, null, h -> true, true)) {
            out.add(new org.loumen.core.workflow.CareDue(p.household(), p.unit(), p.nextDue()));
        }
        return out;
    }

    /** The codes of the communities within scope. */
    private List<String> communities(Set<String> scopes) {
        List<String> out = new ArrayList<>();
        for (Street s : organisation.streets()) {
            try {
                organisation.communities(s.code()).stream().map(Community::code)
                        .filter(c -> within(scopes, c)).forEach(out::add);
            } catch (ModelException e) {
                // a street removed meanwhile
            }
        }
        return out;
    }

    @Override
    public List<MissedMeeting> missedMeetings(Set<String> scopes,
            LocalDate today) {
        if (scopes == null || scopes.isEmpty()) {
            return List.of();
        }
        LocalDate weekFrom = today.with(TemporalAdjusters.previousOrSame(
                DayOfWeek.MONDAY)).minusWeeks(1);
        YearMonth month = YearMonth.from(today).minusMonths(1);
        LocalDate since = weekFrom.isBefore(month.atDay(1)) ? weekFrom : month.atDay(1);
        Map<String, List<LocalDate>> weekly = new HashMap<>();
        Map<String, List<LocalDate>> monthly = new HashMap<>();
        for (Object[] r : jpa.txExpr(em -> em.createQuery("select m.community, m.kind, m.heldOn from MeetingEntity m "
                + "where m.status = 'HELD' and m.heldOn >= :since", Object[].class).setParameter("since", since)
                .getResultList())) {
            (r[1].equals("WEEKLY") ? weekly : monthly).computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add((LocalDate) r[2]);
        }
        List<MissedMeeting> out = new ArrayList<>();
        for (String c : communities(scopes)) {
            if (Cadence.missedWeeks(weekly.getOrDefault(c, List.of()), today, 1) > 0) {
                out.add(new org.loumen.core.workflow.MissedMeeting(c, "WEEKLY", weekFrom, weekFrom.plusDays(6)));
            }
            if (Cadence.missedMonths(monthly.getOrDefault(c, List.of()), today, 1) > 0) {
                out.add(new org.loumen.core.workflow.MissedMeeting(c, "MONTHLY", month.atDay(1), month.atEndOfMonth()));
            }
        }
        return out;
    }

    @Override
    public List<String> withoutClosedEvaluation(Set<String> scopes, String period) {
        if (scopes == null || scopes.isEmpty() || period == null) {
            return List.of();
        }
        Set<String> closed = new HashSet<>(jpa.txExpr(em -> em.createQuery("select e.community from "
                + "EvaluationEntity e where e.period = :p and e.status = 'CLOSED'", String.class)
                .setParameter("p", period).getResultList()));
        return communities(scopes).stream().filter(c -> !closed.contains(c)).toList();
    }
}
