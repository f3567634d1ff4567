package org.loumen.core.workflow.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.workflow.events.WorkflowTopics;
import org.loumen.core.model.Household;
import org.loumen.core.model.HouseholdService;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.SpecialGroup;
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
 * Care for special and vulnerable households (特殊困难群体关爱): visit plans by tag, visit records, overdue visits.
 * Event: {@code org/loumen/care/VISITED} ({@code household}, {@code community}, {@code visitedOn}).
 */
@Component(service = CareService.class, configurationPid = CareService.PID)
@Designate(ocd = CareService.Config.class)
public final class CareService {

    static final String PID = "org.loumen.care";

    @ObjectClassDefinition(id = PID, name = "Loumen 关爱走访 / care visits",
            description = "各类特殊群体的走访周期（天） / days between visits, by group")
    public @interface Config {
        @AttributeDefinition(name = "独居老人 / elderly living alone", min = "1", max = "365")
        int elderlyLivingAloneDays() default 7;

        @AttributeDefinition(name = "空巢老人 / empty-nest elderly", min = "1", max = "365")
        int emptyNestElderlyDays() default 14;

        @AttributeDefinition(name = "残疾人 / disabled", min = "1", max = "365")
        int disabledDays() default 14;

        @AttributeDefinition(name = "低保 / low income", min = "1", max = "365")
        int lowIncomeDays() default 30;

        @AttributeDefinition(name = "优抚对象 / entitled group", min = "1", max = "365")
        int entitledGroupDays() default 30;

        @AttributeDefinition(name = "困境儿童 / child in difficulty", min = "1", max = "365")
        int childInDifficultyDays() default 14;

        @AttributeDefinition(name = "大病患者 / serious illness", min = "1", max = "365")
        int seriousIllnessDays() default 7;

        @AttributeDefinition(name = "特困人员 / extreme poverty", min = "1", max = "365")
        int extremePovertyDays() default 14;
    }

    record Plan(long household, String unit, String address, Set<SpecialGroup> specialGroups, int intervalDays,
            LocalDate lastVisit, LocalDate nextDue, boolean overdue) {
    }

    record Visit(long id, long household, String visitor, LocalDate visitedOn, String note, Instant recordedAt) {
    }

    private final JpaTemplate jpa;
    private final HouseholdService households;
    private final EventAdmin events;
    private final OrganisationService organisation;
    private volatile Map<SpecialGroup, Integer> intervals;

    @Activate
    public CareService(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference HouseholdService households, @Reference EventAdmin events,
            @Reference OrganisationService organisation, Config config) {
        this.organisation = organisation;
        this.events = events;
        this.jpa = jpa;
        this.households = households;
        configure(config);
    }

    @Modified
    void configure(Config c) {
        Map<SpecialGroup, Integer> m = new EnumMap<>(SpecialGroup.class);
        m.put(SpecialGroup.ELDERLY_LIVING_ALONE, c.elderlyLivingAloneDays());
        m.put(SpecialGroup.EMPTY_NEST_ELDERLY, c.emptyNestElderlyDays());
        m.put(SpecialGroup.DISABLED, c.disabledDays());
        m.put(SpecialGroup.LOW_INCOME, c.lowIncomeDays());
        m.put(SpecialGroup.ENTITLED_GROUP, c.entitledGroupDays());
        m.put(SpecialGroup.CHILD_IN_DIFFICULTY, c.childInDifficultyDays());
        m.put(SpecialGroup.SERIOUS_ILLNESS, c.seriousIllnessDays());
        m.put(SpecialGroup.EXTREME_POVERTY, c.extremePovertyDays());
        intervals = m;
    }

    /**
     * The plans of the tagged households within scope that the caller may see the tags of.
     *
     * @param mayCare whether the caller cares for a household (its secretary, or a leader bound to its place)
     */
    List<Plan> plans(Set<String> scopes, String community, String unit, Predicate<Household> mayCare,
            boolean overdueOnly) {
        List<Household> tagged = tagged(scopes, community, unit).stream().filter(mayCare).toList();
        List<Plan> out = new ArrayList<>();
        for (Plan p : plans(tagged)) {
            if (!overdueOnly || p.overdue()) {
                out.add(p);
            }
        }
        out.sort((a, b) -> a.nextDue().compareTo(b.nextDue()));
        return out;
    }

    /** Per community: how many visit plans and how many overdue. Counts only, no household or tag. */
    record CommunityOverdue(String community, String communityName, int plans, int overdue) {
    }

    record OverdueSummary(List<CommunityOverdue> items, int plans, int overdue) {
    }

    /**
     * The overdue visits of every community within scope (of a street or one community if given) that has visit
     * plans, by the same rule as {@link #plans}: most overdue first, then by code.
     */
    OverdueSummary overdue(Set<String> scopes, String street, String community) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Plan p : plans(tagged(Scopes.within(scopes, street), community, null))) {
            int[] n = counts.computeIfAbsent(p.unit().substring(0, 12), k -> new int[2]);
            n[0]++;
            n[1] += p.overdue() ? 1 : 0;
        }
        Map<String, String> names = Scopes.communityNames(organisation, counts.keySet());
        List<CommunityOverdue> items = new ArrayList<>();
        int plans = 0;
        int overdue = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            items.add(new CommunityOverdue(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1]));
            plans += e.getValue()[0];
            overdue += e.getValue()[1];
        }
        items.sort((a, b) -> Integer.compare(b.overdue(), a.overdue()));
        return new OverdueSummary(items, plans, overdue);
    }

    /** The households within scope that carry a special-group tag, and so have a visit plan. */
    private List<Household> tagged(Set<String> scopes, String community, String unit) {
        return households.tagged(scopes, community, unit);
    }

    /** The tagged households within the scopes that the caller may care for, each with its plan. */
    List<Map.Entry<Household, Plan>> cared(Set<String> scopes, Predicate<Household> mayCare) {
        List<Household> tagged = tagged(scopes, null, null).stream().filter(mayCare).toList();
        List<Plan> plans = plans(tagged);
        List<Map.Entry<Household, Plan>> out = new ArrayList<>();
        for (int i = 0; i < tagged.size(); i++) {
            out.add(Map.entry(tagged.get(i), plans.get(i)));
        }
        out.sort((a, b) -> a.getValue().nextDue().compareTo(b.getValue().nextDue()));
        return out;
    }

    /** The one place the plan of a tagged household is worked out: interval, last visit, next due, overdue. */
    private List<Plan> plans(List<Household> tagged) {
        LocalDate today = LocalDate.now(EvaluationService.CHINA);
        Map<Long, LocalDate> last = lastVisits(tagged.stream().map(Household::id).toList());
        List<Plan> out = new ArrayList<>();
        for (Household h : tagged) {
            int interval = CarePlans.intervalDays(h.specialGroups(), intervals);
            LocalDate next = CarePlans.nextDue(last.get(h.id()), interval, today);
            out.add(new Plan(h.id(), h.unit(), h.buildingLabel() + h.unitLabel() + h.room(), h.specialGroups(),
                    interval, last.get(h.id()), next, CarePlans.overdue(next, today)));
        }
        return out;
    }

    private Map<Long, LocalDate> lastVisits(List<Long> ids) {
        Map<Long, LocalDate> m = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + 1000));
            jpa.txExpr(em -> em.createQuery("select v.household, max(v.visitedOn) from VisitEntity v where "
                    + "v.household in :h group by v.household", Object[].class).setParameter("h", part)
                    .getResultList()).forEach(r -> m.put((Long) r[0], (LocalDate) r[1]));
        }
        return m;
    }

    Visit record(Household h, String visitor, LocalDate visitedOn, String note) throws Refusal {
        LocalDate today = LocalDate.now(EvaluationService.CHINA);
        if (visitedOn == null || visitedOn.isAfter(today) || visitedOn.isBefore(today.minusDays(90))) {
            throw Refusal.invalidField("visitedOn", "走访日期须为近 90 天内 / visitedOn must be within the last 90 "
                    + "days and not in the future");
        }
        if (note != null && note.length() > 1000) {
            throw Refusal.invalidField("note", "最长 1000 个字符 / at most 1000 characters");
        }
        Visit recorded = jpa.txExpr(em -> {
            VisitEntity v = new VisitEntity();
            v.household = h.id();
            v.community = h.community();
            v.visitor = visitor;
            v.visitedOn = visitedOn;
            v.note = note == null ? null : note.strip();
            v.createdAt = System.currentTimeMillis();
            em.persist(v);
            return new Visit(v.id, v.household, v.visitor, v.visitedOn, v.note, Instant.ofEpochMilli(v.createdAt));
        });
        events.postEvent(new Event(WorkflowTopics.CARE_VISITED, Map.of(WorkflowTopics.PROP_HOUSEHOLD, h.id(),
                WorkflowTopics.PROP_COMMUNITY, h.community(), WorkflowTopics.PROP_VISITED_ON, visitedOn.toString())));
        return recorded;
    }

    List<Visit> visits(long household) {
        return jpa.txExpr(em -> em.createQuery("select v from VisitEntity v where v.household = :h order by "
                + "v.visitedOn desc, v.id desc", VisitEntity.class).setParameter("h", household).getResultList()
                .stream().map(v -> new Visit(v.id, v.household, v.visitor, v.visitedOn, v.note,
                        Instant.ofEpochMilli(v.createdAt))).toList());
    }
}
