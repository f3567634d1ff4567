package org.loumen.core.workflow.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Household;
import org.loumen.core.model.HouseholdService;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.OrganisationService;
import org.loumen.domain.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The residents' side of the evaluation before they vote: what a ballot code is for (which evaluation, which
 * leaders), whether their unit's community is evaluating, and the sheets organisers print the codes on.
 */
@Component(service = BallotLookup.class)
public final class BallotLookup {

    /** A leader as a resident rates them: name and role for the resident's unit, no phone. */
    record RatedLeader(long id, String name, LeaderRole role, String roleLabel) {
    }

    record Ballot(long evaluation, String period, String periodLabel, String communityName, String unitLabel,
            String buildingLabel, List<RatedLeader> leaders) {
    }

    record SheetLeader(String name, String roleLabel) {
    }

    /** One printed ballot sheet: a household's code and the leaders it rates. */
    record Sheet(String code, String unit, String unitLabel, String buildingLabel, String room,
            List<SheetLeader> leaders) {
    }

    private final JpaTemplate jpa;
    private final EvaluationService evaluations;
    private final LeaderService leaders;
    private final HouseholdService households;
    private final OrganisationService organisation;

    @Activate
    public BallotLookup(@Reference(target = "(osgi.unit.name=loumen.workflow)") JpaTemplate jpa,
            @Reference EvaluationService evaluations, @Reference LeaderService leaders,
            @Reference HouseholdService households, @Reference OrganisationService organisation) {
        this.jpa = jpa;
        this.evaluations = evaluations;
        this.leaders = leaders;
        this.households = households;
        this.organisation = organisation;
    }

    /**
     * What a code is for. Refused like a vote with it would be; unknown codes count against the client.
     */
    Ballot lookup(String typed, String client) throws Refusal {
        long wait = evaluations.backoff().waitMillis(client);
        if (wait > 0) {
            throw BallotRefusals.mustWait(wait);
        }
        if (typed == null || typed.isBlank()) {
            throw BallotRefusals.missing();
        }
        String code = BallotCodes.normalise(typed);
        BallotCodeEntity found = code == null ? null : jpa.txExpr(em -> em.find(BallotCodeEntity.class, code));
        if (found == null) {
            evaluations.backoff().failed(client);
            throw BallotRefusals.unknown();
        }
        EvaluationEntity e = jpa.txExpr(em -> em.find(EvaluationEntity.class, found.evaluation));
        if (!"OPEN".equals(e.status)) {
            throw BallotRefusals.closed();
        }
        if (found.used) {
            throw BallotRefusals.used();
        }
        Optional<Places> place = Places.of(organisation, found.unit);
        List<RatedLeader> rated = new ArrayList<>();
        for (Leader l : leaders.serving(found.unit, today())) {
            LeaderRole role = roleAt(l, found.unit);
            rated.add(new RatedLeader(l.id(), l.name(), role, role.zh()));
        }
        rated.sort(Comparator.comparing(RatedLeader::role).thenComparing(RatedLeader::id));
        return new Ballot(e.id, e.period, Periods.label(e.period), place.map(Places::communityName).orElse(null),
                place.map(Places::unitLabel).orElse(null), place.map(Places::buildingLabel).orElse(null), rated);
    }

    /** Whether the unit's community is evaluating now: {open:true, evaluation, period, periodLabel} or {open:false}. */
    Map<String, Object> ofUnit(Places unit) {
        List<EvaluationEntity> open = jpa.txExpr(em -> em.createQuery("select e from EvaluationEntity e where "
                + "e.community = :c and e.status = 'OPEN' order by e.period desc", EvaluationEntity.class)
                .setParameter("c", unit.community()).getResultList());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("open", !open.isEmpty());
        if (!open.isEmpty()) {
            out.put("evaluation", open.get(0).id);
            out.put("period", open.get(0).period);
            out.put("periodLabel", Periods.label(open.get(0).period));
        }
        return out;
    }

    /** The sheets to print: one per unused code, by building, unit and room. */
    List<Sheet> sheets(long evaluation) {
        String community = evaluations.community(evaluation).orElseThrow();
        Map<Long, Household> byId = new HashMap<>();
        Pages.all(n -> households.find(Set.of(community), community, null, null, n, Pages.SIZE).items())
                .forEach(h -> byId.put(h.id(), h));
        List<BallotCodeEntity> unused = jpa.txExpr(em -> em.createQuery("select c from BallotCodeEntity c where "
                + "c.evaluation = :e and c.used = false", BallotCodeEntity.class).setParameter("e", evaluation)
                .getResultList());
        Map<String, List<SheetLeader>> serving = new HashMap<>();
        Map<String, Optional<Places>> places = new HashMap<>();
        List<Sheet> out = new ArrayList<>();
        for (BallotCodeEntity c : unused) {
            Household h = byId.get(c.household);
            Optional<Places> p = places.computeIfAbsent(c.unit, u -> Places.of(organisation, u));
            List<SheetLeader> rated = serving.computeIfAbsent(c.unit, u -> leaders.serving(u, today()).stream()
                    .map(l -> new SheetLeader(l.name(), roleAt(l, u).zh())).toList());
            out.add(new Sheet(BallotCodes.format(c.code), c.unit, p.map(Places::unitLabel).orElse(null),
                    p.map(Places::buildingLabel).orElse(null), h == null ? null : h.room(), rated));
        }
        out.sort(Comparator.comparing(Sheet::unit).thenComparing(s -> s.room() == null ? "" : s.room(),
                BallotLookup::naturally));
        return out;
    }

    /** Room numbers in the order people count them: 2 before 10. */
    static int naturally(String a, String b) {
        if (a.matches("\\d{1,9}") && b.matches("\\d{1,9}")) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        int byLength = a.matches("\\d+") && b.matches("\\d+") ? Integer.compare(a.length(), b.length()) : 0;
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    /** The leader's role for a unit: its unit leader, or the building leader of its building. */
    private static LeaderRole roleAt(Leader l, String unit) {
        for (Assignment a : l.assignments()) {
            if (unit.equals(a.unit())) {
                return LeaderRole.UNIT_LEADER;
            }
        }
        return LeaderRole.BUILDING_LEADER;
    }

    private static LocalDate today() {
        return LocalDate.now(EvaluationService.CHINA);
    }
}
