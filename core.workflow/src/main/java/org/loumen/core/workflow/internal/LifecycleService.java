package org.loumen.core.workflow.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.workflow.events.WorkflowTopics;
import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderDraft;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.domain.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The leader lifecycle (楼门栋长产生流程) as a state machine enforced here: every move is checked against
 * {@link Lifecycle}, kept in the history (who, when, why) and published on Event Admin as
 * {@code org/loumen/leader/<NEW STATUS>} (properties {@code leader}, {@code from}, {@code to}, {@code community}, and
 * for NOT_REAPPOINTED {@code evaluation} and {@code satisfactionPercent}).
 */
@Component(service = LifecycleService.class)
public final class LifecycleService {

    static final String TOPIC_PREFIX = WorkflowTopics.LEADER_PREFIX;

    /** A move of the history as the API shows it. */
    record Step(String from, String to, Instant at, String actor, String reason, String details) {
    }

    private final JpaTemplate jpa;
    private final LeaderService leaders;
    private final EventAdmin events;

    @Activate
    public LifecycleService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference LeaderService leaders, @Reference EventAdmin events) {
        this.jpa = jpa;
        this.leaders = leaders;
        this.events = events;
    }

    /** Records a nomination for a unit or building of the community. */
    Leader nominate(LeaderDraft person, String method, String nominatedBy, LeaderRole role, String place,
            String actor) throws Refusal {
        if (role == null) {
            throw Refusal.invalidField("role", "须为 UNIT_LEADER 或 BUILDING_LEADER / role is required");
        }
        String pattern = role == LeaderRole.UNIT_LEADER ? DivisionCodes.UNIT_FORM : DivisionCodes.BUILDING_FORM;
        if (place == null || !place.matches(pattern) || !place.startsWith(person.community())) {
            throw Refusal.invalidField("place", "须为本社区的" + (role == LeaderRole.UNIT_LEADER ? "单元" : "楼栋")
                    + "代码 / place must be a " + (role == LeaderRole.UNIT_LEADER ? "unit" : "building")
                    + " code of the community");
        }
        if (nominatedBy == null || nominatedBy.isBlank() || nominatedBy.length() > 60) {
            throw Refusal.invalidField("nominatedBy", "请写明推荐人（自荐写本人） / who nominated (1-60 characters)");
        }
        Leader l = leaders.nominate(person);
        jpa.tx(em -> {
            NominationEntity n = new NominationEntity();
            n.leader = l.id();
            n.method = method;
            n.nominatedBy = nominatedBy.strip();
            n.role = role.name();
            n.place = place;
            n.at = System.currentTimeMillis();
            em.persist(n);
        });
        record(l, null, LeaderStatus.NOMINATED, actor, null, method + " by " + nominatedBy.strip() + " for " + role
                + " " + place, Map.of());
        return l;
    }

    /**
     * Moves a leader, refusing an illegal move with 409 {@code illegal-transition} and the allowed moves.
     *
     * @param workId set on certification
     */
    Leader move(long id, LeaderStatus to, String actor, String reason, String details, String workId,
            Map<String, Object> extra) throws Refusal {
        Leader l = leaders.leader(id).orElseThrow(() -> Refusal.notFound("楼门栋长", "leader", "" + id));
        if (!Lifecycle.legal(l.status(), to)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "illegal-transition", "不能从" + l.status().zh() + "变为" + to.zh()
                    + " / a leader who is " + l.status() + " cannot become " + to)
                    .with("from", l.status()).with("allowed", Lifecycle.allowed(l.status()));
        }
        if (to == LeaderStatus.CERTIFIED && !TrainingRules.mayCertify(jpa.txExpr(em -> TrainingService.results(em,
                id)))) {
            throw new Refusal(Refusal.Kind.CONFLICT, "training-not-passed",
                    "入职培训考核合格后才能发放工作证 / a work ID is issued only "
                    + "after passing the onboarding training assessment", "leader");
        }
        Leader moved;
        if (to == LeaderStatus.IN_SERVICE && l.status() == LeaderStatus.CERTIFIED) {
            NominationEntity n = jpa.txExpr(em -> em.find(NominationEntity.class, id));
            if (n == null) {
                throw Refusal.conflict("no-nomination", "没有提名记录，无法确定上岗楼门 / no nomination says "
                        + "where the leader serves");
            }
            moved = leaders.assign(id, new LeaderDraft.Place(LeaderRole.valueOf(n.role), n.place,
                    LocalDate.now(EvaluationService.CHINA)));
        } else {
            moved = leaders.changeStatus(id, to, workId);
        }
        record(moved, l.status(), to, actor, reason, details, extra);
        return moved;
    }

    /**
     * The one move back of the lifecycle: a leader in training whose enrolment is withdrawn (退训, the batch cancelled,
     * or an enrolment a crash left half done) returns to APPROVED, the status they had — kept in the history like
     * every move. No route makes it directly; {@link Lifecycle#withdrawal} is its rule.
     */
    Leader returnToApproved(long id, String actor, String reason, String details) throws Refusal {
        Leader l = leaders.leader(id).orElseThrow(() -> Refusal.notFound("楼门栋长", "leader", "" + id));
        if (!Lifecycle.withdrawal(l.status(), LeaderStatus.APPROVED)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "illegal-transition", "不能从" + l.status().zh() + "退回"
                    + LeaderStatus.APPROVED.zh() + " / a leader who is " + l.status() + " cannot return to APPROVED")
                    .with("from", l.status());
        }
        Leader moved = leaders.changeStatus(id, LeaderStatus.APPROVED, null);
        record(moved, l.status(), LeaderStatus.APPROVED, actor, reason, details, Map.of());
        return moved;
    }

    List<Step> history(long id) {
        return jpa.txExpr(em -> em.createQuery("select s from LeaderStepEntity s where s.leader = :l order by s.id",
                LeaderStepEntity.class).setParameter("l", id).getResultList().stream()
                .map(s -> new Step(s.from, s.to, Instant.ofEpochMilli(s.at), s.actor, s.reason, s.details)).toList());
    }

    private void record(Leader l, LeaderStatus from, LeaderStatus to, String actor, String reason, String details,
            Map<String, Object> extra) {
        jpa.tx(em -> {
            LeaderStepEntity s = new LeaderStepEntity();
            s.leader = l.id();
            s.from = from == null ? null : from.name();
            s.to = to.name();
            s.at = System.currentTimeMillis();
            s.actor = actor;
            s.reason = reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
            s.details = details == null ? null : details.length() > 1000 ? details.substring(0, 1000) : details;
            em.persist(s);
        });
        Map<String, Object> props = new HashMap<>(extra);
        props.put(WorkflowTopics.PROP_LEADER, l.id());
        props.put(WorkflowTopics.PROP_TO, to.name());
        props.put(WorkflowTopics.PROP_COMMUNITY, l.community());
        if (from != null) {
            props.put(WorkflowTopics.PROP_FROM, from.name());
        }
        events.postEvent(new Event(TOPIC_PREFIX + to.name(), props));
    }
}
