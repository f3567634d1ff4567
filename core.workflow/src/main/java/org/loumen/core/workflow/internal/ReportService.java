package org.loumen.core.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.workflow.events.WorkflowTopics;
import org.loumen.core.model.Duty;
import org.loumen.core.model.HouseholdService;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.workflow.internal.ReportFlow.Status;
import org.loumen.core.workflow.internal.ReportFlow.Urgency;
import org.loumen.security.Caller;
import org.loumen.domain.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Problem reports (问题时报) as a closed loop. Events: {@code org/loumen/report/<STATUS>} on every move and
 * {@code org/loumen/report/ESCALATED} when a MAJOR report is filed (properties {@code report}, {@code community},
 * {@code duty}, {@code urgency}).
 */
@Component(service = ReportService.class, configurationPid = ReportService.PID)
@Designate(ocd = ReportService.Config.class)
public final class ReportService {

    static final String PID = "org.loumen.reports";
    static final String TOPIC_PREFIX = WorkflowTopics.REPORT_PREFIX;

    @ObjectClassDefinition(id = PID, name = "Loumen 问题时报 / problem reports",
            description = "各紧急程度的办结时限 / how soon reports must be resolved")
    public @interface Config {
        @AttributeDefinition(name = "一般问题时限（小时） / normal (hours)", min = "1", max = "2160")
        int normalHours() default 72;

        @AttributeDefinition(name = "紧急问题时限（小时） / urgent (hours)", min = "1", max = "720")
        int urgentHours() default 24;

        @AttributeDefinition(name = "重大问题时限（小时） / major (hours)", min = "1", max = "168")
        int majorHours() default 4;
    }

    /**
     * A report as staff and leaders see it.
     *
     * @param reporterKind  LEADER, STAFF or RESIDENT
     * @param residentPhone a resident's call-back phone: personal data, only for staff ({@link #withoutPhone})
     * @param number        the public number of a resident's report ({@code XXXX-XXXX-XXXX}), else {@code null}
     * @param photos        how many photos it has
     */
    record View(long id, String community, String place, Long household, Duty duty, String dutyName,
            Urgency urgency, String description, Status status, String reporter, String assignee, String resolution,
            boolean escalated, Instant createdAt, Instant dueAt, boolean overdue, long version, String statusLabel,
            String reporterKind, String residentPhone, String number, int photos) {

        /** The same view without the resident's phone, for leaders. */
        View withoutPhone() {
            return new View(id, community, place, household, duty, dutyName, urgency, description, status, reporter,
                    assignee, resolution, escalated, createdAt, dueAt, overdue, version, statusLabel, reporterKind,
                    null, number, photos);
        }
    }

    record Step(String from, String to, Instant at, String actor, String note) {
    }

    /** Who filed a report. */
    enum ReporterKind {
        LEADER, STAFF, RESIDENT
    }

    /** The account name recorded as the reporter of residents' reports. */
    static final String RESIDENT = "resident";

    private final JpaTemplate jpa;
    private final OrganisationService organisation;
    private final HouseholdService households;
    private final EventAdmin events;
    private final Clock clock = Clock.systemUTC();
    private volatile Config config;

    @Activate
    public ReportService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference OrganisationService organisation, @Reference HouseholdService households,
            @Reference EventAdmin events, Config config) {
        this.jpa = jpa;
        this.organisation = organisation;
        this.households = households;
        this.events = events;
        this.config = config;
    }

    @Modified
    void configure(Config c) {
        this.config = c;
    }

    /** Files a report on a unit, building or community the caller may reach (checked by the resource). */
    View file(Caller reporter, String place, Long household, Duty duty, Urgency urgency, String description)
            throws Refusal {
        ReporterKind kind = reporter.covers(place, Set.of(org.loumen.security.Role.COMMUNITY_SECRETARY))
                ? ReporterKind.STAFF : ReporterKind.LEADER;
        if (duty == null) {
            throw Refusal.invalidField("duty", "请选择问题类别（五员） / duty is required");
        }
        if (urgency == null) {
            throw Refusal.invalidField("urgency", "须为 NORMAL、URGENT 或 MAJOR / urgency is required");
        }
        String text = description == null ? "" : description.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw Refusal.invalidField("description", "问题描述须为 1 至 1000 个字符 / description must be 1-1000 "
                    + "characters");
        }
        String community = place.substring(0, 12);
        if (!placeExists(place)) {
            throw Refusal.invalidField("place", "没有此楼门、楼栋或社区 / no such unit, building or community");
        }
        if (household != null && households.household(household).filter(h -> h.unit().startsWith(place)
                || place.startsWith(h.unit())).isEmpty()) {
            throw Refusal.invalidField("household", "该住户不在所报楼门 / the household is not at that place");
        }
        Config c = config;
        long now = clock.millis();
        View v = jpa.txExpr(em -> {
            ReportEntity r = new ReportEntity();
            r.community = community;
            r.place = place;
            r.household = household;
            r.duty = duty.name();
            r.urgency = urgency.name();
            r.description = text;
            r.status = Status.REPORTED.name();
            r.reporter = reporter.username();
            r.reporterKind = kind.name();
            r.escalated = urgency == Urgency.MAJOR;
            r.createdAt = now;
            r.updatedAt = now;
            r.dueAt = ReportFlow.dueAt(now, urgency, c.normalHours(), c.urgentHours(), c.majorHours());
            em.persist(r);
            em.persist(step(r, null, Status.REPORTED, reporter.username(), null, now));
            return view(r, now, 0);
        });
        publish(v, Status.REPORTED.name());
        if (v.escalated()) {
            publish(v, "ESCALATED");
        }
        return v;
    }

    private boolean placeExists(String place) {
        try {
            if (place.length() == 12) {
                return organisation.community(place).isPresent();
            }
            return organisation.buildings(place.substring(0, 12)).stream().anyMatch(b -> b.code().equals(place)
                    || b.units().stream().anyMatch(u -> u.code().equals(place)));
        } catch (ModelException e) {
            return false;
        }
    }

    /**
     * Moves a report along its loop. Only the reporter confirms or reopens; an illegal move is 409 with the allowed
     * ones.
     */
    View move(long id, Status to, Caller actor, String note, String assignee, String resolution)
            throws Refusal {
        long now = clock.millis();
        Object outcome = jpa.txExpr(em -> {
            ReportEntity r = em.find(ReportEntity.class, id);
            Status from = Status.valueOf(r.status);
            if (!ReportFlow.legal(from, to)) {
                return new Refusal(Refusal.Kind.CONFLICT, "illegal-transition", "问题时报不能从 " + from + " 变为 " + to
                        + " / a report that is " + from + " cannot become " + to).with("from", from)
                        .with("allowed", ReportFlow.allowed(from));
            }
            if ((to == Status.CONFIRMED || to == Status.REOPENED) && !r.reporter.equals(actor.username())) {
                return new Refusal(Refusal.Kind.FORBIDDEN, "not-reporter",
                        "只有上报人可以确认或退回 / only the reporter confirms or "
                        + "reopens");
            }
            if (to == Status.ASSIGNED) {
                r.assignee = assignee;
            }
            if (to == Status.RESOLVED) {
                r.resolution = resolution;
            }
            r.status = to.name();
            r.updatedAt = now;
            em.persist(step(r, from, to, actor.username(), note, now));
            em.flush();
            return view(r, now, photoCounts(em, List.of(r.id)).getOrDefault(r.id, 0));
        });
        if (outcome instanceof Refusal e) {
            throw e;
        }
        View v = (View) outcome;
        publish(v, to.name());
        return v;
    }

    Optional<View> view(long id) {
        long now = clock.millis();
        return jpa.txExpr(em -> Optional.ofNullable(em.find(ReportEntity.class, id)).map(r -> view(r, now,
                photoCounts(em, List.of(id)).getOrDefault(id, 0))));
    }

    record Page(List<View> items, long total) {
    }

    /** Reports within scope, newest first; {@code overdueOnly} lists the open ones past their deadline. */
    Page list(Set<String> scopes, String street, String community, Status status, boolean overdueOnly, int page,
            int size) {
        long now = clock.millis();
        StringBuilder w = new StringBuilder(" where ").append(Scopes.clause("r.place", scopes));
        if (street != null) {
            w.append(" and r.community like :street");
        }
        if (community != null) {
            w.append(" and r.community = :community");
        }
        if (status != null) {
            w.append(" and r.status = :status");
        }
        if (overdueOnly) {
            w.append(" and r.dueAt < :now and r.status <> 'RESOLVED' and r.status <> 'CONFIRMED' "
                    + "and r.status <> 'SPAM'");
        }
        return jpa.txExpr(em -> {
            TypedQuery<Long> count = em.createQuery("select count(r) from ReportEntity r" + w, Long.class);
            TypedQuery<ReportEntity> items = em.createQuery("select r from ReportEntity r" + w
                    + " order by r.id desc", ReportEntity.class);
            for (TypedQuery<?> q : List.of(count, items)) {
                Scopes.bind(q, scopes);
                if (street != null) {
                    q.setParameter("street", street + "%");
                }
                if (community != null) {
                    q.setParameter("community", community);
                }
                if (status != null) {
                    q.setParameter("status", status.name());
                }
                if (overdueOnly) {
                    q.setParameter("now", now);
                }
            }
            long total = count.getSingleResult();
            List<ReportEntity> found = items.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
            Map<Long, Integer> photos = photoCounts(em, found.stream().map(r -> r.id).toList());
            return new Page(found.stream().map(r -> view(r, now, photos.getOrDefault(r.id, 0))).toList(), total);
        });
    }

    /** Counts for the street's guidance (街镇指导): by duty, with how many are open and overdue. */
    Map<String, Object> stats(Set<String> scopes, String street, String community) {
        List<View> all = Pages.all(n -> list(scopes, street, community, null, false, n, Pages.SIZE).items());
        Map<Duty, int[]> byDuty = new EnumMap<>(Duty.class);
        for (Duty d : Duty.values()) {
            byDuty.put(d, new int[3]);
        }
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        int overdue = 0;
        for (View v : all) {
            int[] c = byDuty.get(v.duty());
            c[0]++;
            c[1] += v.status().open() ? 1 : 0;
            c[2] += v.overdue() ? 1 : 0;
            overdue += v.overdue() ? 1 : 0;
            byStatus.merge(v.status(), 1, Integer::sum);
        }
        List<Map<String, Object>> duties = new ArrayList<>();
        byDuty.forEach((d, c) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("duty", d);
            m.put("name", d.zh());
            m.put("total", c[0]);
            m.put("open", c[1]);
            m.put("overdue", c[2]);
            duties.add(m);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", all.size());
        out.put("overdue", overdue);
        out.put("byStatus", byStatus);
        out.put("byDuty", duties);
        return out;
    }

    List<Step> history(long id) {
        return jpa.txExpr(em -> em.createQuery("select s from ReportStepEntity s where s.report = :r order by s.id",
                ReportStepEntity.class).setParameter("r", id).getResultList().stream()
                .map(s -> new Step(s.from, s.to, Instant.ofEpochMilli(s.at), s.actor, s.note)).toList());
    }

    static ReportStepEntity step(ReportEntity r, Status from, Status to, String actor, String note, long at) {
        ReportStepEntity s = new ReportStepEntity();
        s.report = r.id;
        s.from = from == null ? null : from.name();
        s.to = to.name();
        s.at = at;
        s.actor = actor;
        s.note = note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note;
        return s;
    }

    static View view(ReportEntity r, long now, int photos) {
        Duty duty = Duty.valueOf(r.duty);
        Status status = Status.valueOf(r.status);
        return new View(r.id, r.community, r.place, r.household, duty, duty.zh(), Urgency.valueOf(r.urgency),
                r.description, status, r.reporter, r.assignee, r.resolution, r.escalated,
                Instant.ofEpochMilli(r.createdAt), Instant.ofEpochMilli(r.dueAt),
                ReportFlow.overdue(status, r.dueAt, now), r.version, status.zh(),
                r.reporterKind == null ? ReporterKind.LEADER.name() : r.reporterKind, r.residentPhone,
                r.number == null ? null : BallotCodes.format(r.number), photos);
    }

    /** How many photos each of the reports has (those without any are left out). */
    static Map<Long, Integer> photoCounts(javax.persistence.EntityManager em, List<Long> ids) {
        Map<Long, Integer> counts = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] row : em.createQuery("select p.report, count(p) from PhotoEntity p where p.report in :ids "
                    + "group by p.report", Object[].class).setParameter("ids", ids).getResultList()) {
                counts.put((Long) row[0], ((Number) row[1]).intValue());
            }
        }
        return counts;
    }

    /** When a report of the urgency filed now is due, by the configured hours. */
    long dueAt(long createdAt, Urgency urgency) {
        Config c = config;
        return ReportFlow.dueAt(createdAt, urgency, c.normalHours(), c.urgentHours(), c.majorHours());
    }

    /** Announces a report filed elsewhere in the bundle (residents' reports), as {@link #file} does. */
    void filed(View v) {
        publish(v, Status.REPORTED.name());
    }

    private void publish(View v, String topic) {
        Map<String, Object> props = new LinkedHashMap<>(Map.of(WorkflowTopics.PROP_REPORT, v.id(),
                WorkflowTopics.PROP_COMMUNITY, v.community(), WorkflowTopics.PROP_DUTY, v.duty().name(),
                WorkflowTopics.PROP_URGENCY, v.urgency().name(), WorkflowTopics.PROP_PLACE, v.place()));
        if (!RESIDENT.equals(v.reporter())) {
            props.put(WorkflowTopics.PROP_REPORTER, v.reporter());
        }
        events.postEvent(new Event(TOPIC_PREFIX + topic, props));
    }
}
