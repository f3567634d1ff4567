package org.loumen.core.model.internal;

import static org.loumen.core.model.internal.LeaderQueries.assignments;
import static org.loumen.core.model.internal.LeaderQueries.query;
import static org.loumen.core.model.internal.Reads.names;
import static org.loumen.core.model.internal.Reads.readOnly;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Education;
import org.loumen.core.model.LeaderProfile.Counts;
import org.loumen.core.model.LeaderProfile.Figures;
import org.loumen.core.model.LeaderProfile.PlaceCoverage;
import org.loumen.core.model.LeaderProfile;

/**
 * The leaders' profile report (队伍结构): age, education, party membership and liaisons of the leaders in service,
 * district-wide and by street, and how many buildings and units have a leader. Part of {@link JpaLeaderService}.
 */
final class ProfileReport {

    private final JpaTemplate jpa;

    ProfileReport(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    LeaderProfile profile(LocalDate asOf, Set<String> scopes, String street, String community) {
        return jpa.txExpr(em -> {
            List<LeaderEntity> leaders = query(em, scopes, street, community, null, "id", 0, Integer.MAX_VALUE);
            Map<Long, List<Assignment>> assignments = assignments(em, leaders, true);
            List<LeaderEntity> serving = leaders.stream().filter(l -> assignments.getOrDefault(l.id, List.of())
                    .stream().anyMatch(a -> a.activeOn(asOf))).toList();
            Map<String, String> streetNames = names(em, "select s.code, s.name from StreetEntity s");
            Map<String, String> communityNames = names(em, "select c.code, c.name from CommunityEntity c");
            Map<String, List<LeaderEntity>> byStreet = new LinkedHashMap<>();
            serving.stream().sorted(Comparator.comparing(l -> l.street))
                    .forEach(l -> byStreet.computeIfAbsent(l.street, k -> new ArrayList<>()).add(l));
            List<LeaderProfile.StreetFigures> streets = byStreet.entrySet().stream()
                    .map(e -> new LeaderProfile.StreetFigures(e.getKey(), streetNames.get(e.getKey()),
                            figures(e.getValue(), asOf)))
                    .toList();
            return new LeaderProfile(asOf, figures(serving, asOf), streets,
                    coverage(em, scopes, street, community, asOf, streetNames, communityNames));
        });
    }

    /** The counts of a population; pure, and unit-tested for the rounding and age edges. */
    static Figures figures(List<LeaderEntity> leaders, LocalDate asOf) {
        int total = leaders.size();
        int under60 = 0;
        int college = 0;
        int masters = 0;
        int doctorates = 0;
        int party = 0;
        int liaisons = 0;
        for (LeaderEntity l : leaders) {
            if (Period.between(l.birthDate, asOf).getYears() < 60) {
                under60++;
            }
            Education e = Education.valueOf(l.education);
            college += e.collegeOrAbove() ? 1 : 0;
            masters += e == Education.MASTER ? 1 : 0;
            doctorates += e == Education.DOCTORATE ? 1 : 0;
            party += l.partyMember ? 1 : 0;
            liaisons += l.liaison ? 1 : 0;
        }
        return new Figures(total, under60, percent(under60, total), college, percent(college, total), masters,
                doctorates, party, percent(party, total), liaisons, percent(liaisons, total));
    }

    /** count / total x 100, rounded half-up to two decimals; 0.00 when total is 0. */
    static BigDecimal percent(int count, int total) {
        if (total == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    private static LeaderProfile.Coverage coverage(EntityManager em, Set<String> scopes, String street,
            String community, LocalDate asOf, Map<String, String> streetNames, Map<String, String> communityNames) {
        java.util.function.Predicate<String> within = code -> scopes.stream().anyMatch(code::startsWith)
                && (street == null || code.startsWith(street)) && (community == null || code.startsWith(community));
        Set<String> ledUnits = new HashSet<>();
        Set<String> ledBuildings = new HashSet<>();
        for (AssignmentEntity a : readOnly(em.createQuery("select a from AssignmentEntity a",
                AssignmentEntity.class)).getResultList()) {
            boolean active = (a.start == null || !a.start.isAfter(asOf)) && (a.end == null || a.end.isAfter(asOf));
            if (active && a.unit != null) {
                ledUnits.add(a.unit);
            } else if (active) {
                ledBuildings.add(a.building);
            }
        }
        // community code -> [units, units led, buildings, buildings led]
        Map<String, int[]> byCommunity = new java.util.TreeMap<>();
        for (BuildingEntity b : readOnly(em.createQuery("select b from BuildingEntity b", BuildingEntity.class))
                .getResultList()) {
            if (within.test(b.code)) {
                int[] c = byCommunity.computeIfAbsent(b.community, k -> new int[4]);
                c[2]++;
                c[3] += ledBuildings.contains(b.code) ? 1 : 0;
            }
        }
        for (UnitEntity u : readOnly(em.createQuery("select u from UnitEntity u", UnitEntity.class)).getResultList()) {
            if (within.test(u.code)) {
                int[] c = byCommunity.computeIfAbsent(u.code.substring(0, 12), k -> new int[4]);
                c[0]++;
                c[1] += ledUnits.contains(u.code) ? 1 : 0;
            }
        }
        Map<String, List<PlaceCoverage>> streets = new java.util.TreeMap<>();
        int[] all = new int[4];
        for (Map.Entry<String, int[]> e : byCommunity.entrySet()) {
            int[] c = e.getValue();
            for (int i = 0; i < 4; i++) {
                all[i] += c[i];
            }
            streets.computeIfAbsent(e.getKey().substring(0, 9), k -> new ArrayList<>()).add(new PlaceCoverage(
                    e.getKey(), communityNames.get(e.getKey()), counts(c[0], c[1]), counts(c[2], c[3]), List.of()));
        }
        List<PlaceCoverage> byStreet = streets.entrySet().stream().map(e -> {
            int[] s = new int[4];
            for (PlaceCoverage c : e.getValue()) {
                s[0] += c.units().total();
                s[1] += c.units().withLeader();
                s[2] += c.buildings().total();
                s[3] += c.buildings().withLeader();
            }
            return new PlaceCoverage(e.getKey(), streetNames.get(e.getKey()), counts(s[0], s[1]), counts(s[2], s[3]),
                    e.getValue());
        }).toList();
        return new LeaderProfile.Coverage(counts(all[0], all[1]), counts(all[2], all[3]), byStreet);
    }

    private static Counts counts(int total, int led) {
        return new Counts(total, led, total - led);
    }
}
