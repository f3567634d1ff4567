package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Household;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.SpecialGroup;
import org.loumen.core.model.Street;
import org.loumen.security.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What a leader sees of their own work (我的工作台): the meetings of their communities, the households they care for,
 * their evaluation results and their awards.
 */
@Component(service = LeaderViews.class)
public final class LeaderViews {

    static final int MEETINGS = 100;

    record ActionItem(String text, String owner, Long report, boolean mine) {
    }

    record MyMeeting(long id, MeetingService.Kind kind, String kindLabel, LocalDate scheduledOn, String status,
            String statusLabel, LocalDate heldOn, String minutes, Boolean attended, List<ActionItem> actionItems) {
    }

    record Group(SpecialGroup code, String label) {
    }

    record MyCare(long household, String unit, String unitLabel, String room, String headName, List<Group> groups,
            LocalDate lastVisitOn, LocalDate dueOn, boolean overdue) {
    }

    record MyEvaluation(long evaluation, String period, String periodLabel, String communityName, LocalDate closedOn,
            int ballots, int satisfied, int fairlySatisfied, int dissatisfied, BigDecimal satisfaction,
            boolean reappointed) {
    }

    record MyAward(String id, long round, String title, String level, String certificateNo, LocalDate awardedOn,
            boolean prioritySupport, boolean reservePool) {
    }

    record Certificate(String certificateNo, String leaderName, String communityName, String streetName, String title,
            LocalDate awardedOn, String issuer) {
    }

    /** An award with what the access check needs: whose it is and where. */
    record AwardOf(String certificateNo, long leader, String community) {
    }

    private final JpaTemplate jpa;
    private final MeetingService meetings;
    private final CareService care;
    private final EvaluationService evaluations;
    private final LeaderService leaders;
    private final OrganisationService organisation;

    @Activate
    public LeaderViews(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference MeetingService meetings, @Reference CareService care, @Reference EvaluationService evaluations,
            @Reference LeaderService leaders, @Reference OrganisationService organisation) {
        this.jpa = jpa;
        this.meetings = meetings;
        this.care = care;
        this.evaluations = evaluations;
        this.leaders = leaders;
        this.organisation = organisation;
    }

    /** The meetings of the communities of my places, newest first. */
    List<MyMeeting> meetings(Caller me) {
        Set<String> communities = new TreeSet<>();
        Me.places(me).forEach(p -> communities.add(p.substring(0, Math.min(12, p.length()))));
        Optional<Long> id = Me.leaderId(me);
        String name = id.flatMap(leaders::leader).map(Leader::name).orElse(me.displayName());
        List<MyMeeting> out = new ArrayList<>();
        for (MeetingService.View m : meetings.latest(communities, MEETINGS)) {
            boolean held = "HELD".equals(m.status());
            List<ActionItem> items = m.actionItems().stream().map(a -> new ActionItem(a.text(), a.owner(), a.report(),
                    a.owner() != null && a.owner().equals(name))).toList();
            out.add(new MyMeeting(m.id(), m.kind(), m.kind() == MeetingService.Kind.WEEKLY ? "每周沟通" : "按月例会",
                    m.scheduledOn(), m.status(), held ? "已召开" : "待召开", m.heldOn(), m.minutes(),
                    held && id.isPresent() ? m.attendees().contains(id.get()) : null, items));
        }
        return out;
    }

    /** The households with a visit plan in my units or buildings, soonest due first. */
    List<MyCare> care(Caller me) {
        List<MyCare> out = new ArrayList<>();
        for (Map.Entry<Household, CareService.Plan> e : care.cared(Me.places(me), h -> CareResource.caresFor(me, h))) {
            Household h = e.getKey();
            CareService.Plan p = e.getValue();
            out.add(new MyCare(h.id(), h.unit(), h.buildingLabel() + h.unitLabel(), h.room(), h.headName(),
                    h.specialGroups().stream().sorted().map(g -> new Group(g, g.zh())).toList(), p.lastVisit(),
                    p.nextDue(), p.overdue()));
        }
        return out;
    }

    /** My results in the closed evaluations of my community, newest first; none when my account is not linked. */
    List<MyEvaluation> evaluations(Caller me) {
        Optional<Leader> leader = Me.leaderId(me).flatMap(leaders::leader);
        if (leader.isEmpty()) {
            return List.of();
        }
        long id = leader.get().id();
        String communityName = organisation.community(leader.get().community()).map(c -> c.name()).orElse(null);
        List<EvaluationEntity> closed = jpa.txExpr(em -> em.createQuery("select e from EvaluationEntity e where "
                + "e.community = :c and e.status = 'CLOSED' order by e.period desc", EvaluationEntity.class)
                .setParameter("c", leader.get().community()).getResultList());
        List<MyEvaluation> out = new ArrayList<>();
        for (EvaluationEntity e : closed) {
            for (EvaluationService.Result r : evaluations.results(e.id)) {
                if (r.leader() == id) {
                    out.add(new MyEvaluation(e.id, e.period, Periods.label(e.period), communityName,
                            e.closedAt == null ? null : Instant.ofEpochMilli(e.closedAt).atZone(EvaluationService.CHINA)
                                    .toLocalDate(), r.ballots(), r.satisfied(), r.fairlySatisfied(), r.dissatisfied(),
                            r.satisfactionPercent(), r.outcome() != Satisfaction.Outcome.NOT_REAPPOINTED));
                }
            }
        }
        return out;
    }

    /** My awards; none when my account is not linked. */
    List<MyAward> awards(Caller me) {
        Optional<Long> id = Me.leaderId(me);
        if (id.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(em -> em.createQuery("select a from AwardEntity a where a.leader = :l order by "
                + "a.certificate desc", AwardEntity.class).setParameter("l", id.get()).getResultList().stream()
                .map(a -> {
                    AwardRoundEntity r = em.find(AwardRoundEntity.class, a.round);
                    return new MyAward(a.certificate, a.round, title(r), level(r), a.certificate, r.decidedOn,
                            a.prioritySupport, a.reservePool);
                }).toList());
    }

    Optional<AwardOf> award(String certificateNo) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(AwardEntity.class, certificateNo))
                .map(a -> new AwardOf(a.certificate, a.leader, a.community)));
    }

    /** What the printed certificate says. */
    Optional<Certificate> certificate(String certificateNo) {
        Optional<Object[]> found = jpa.txExpr(em -> Optional.ofNullable(em.find(AwardEntity.class, certificateNo))
                .map(a -> new Object[] { a, em.find(AwardRoundEntity.class, a.round) }));
        return found.map(f -> {
            AwardEntity a = (AwardEntity) f[0];
            AwardRoundEntity r = (AwardRoundEntity) f[1];
            Optional<org.loumen.core.model.Community> c = organisation.community(a.community);
            String streetName = c.flatMap(x -> organisation.street(x.street())).map(Street::name).orElse(null);
            return new Certificate(a.certificate, leaders.leader(a.leader).map(Leader::name).orElse(null),
                    c.map(x -> x.name()).orElse(null), streetName, title(r), r.decidedOn, issuer(r));
        });
    }

    private static String title(AwardRoundEntity r) {
        return r.period + "年度优秀楼门栋长";
    }

    /** DISTRICT or STREET: who ran the round. */
    private static String level(AwardRoundEntity r) {
        return r.node.length() == 6 ? "DISTRICT" : "STREET";
    }

    private String issuer(AwardRoundEntity r) {
        return r.node.equals(organisation.district().code()) ? organisation.district().name()
                : organisation.street(r.node).map(Street::name).orElse(r.node);
    }
}
