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
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Education;
import org.loumen.core.model.LeaderProfile.Counts;
import org.loumen.core.model.LeaderProfile.Figures;
import org.loumen.core.model.LeaderProfile.PlaceCoverage;
import org.loumen.core.model.LeaderProfile;
import org.loumen.core.model.LeaderQuery;

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
            Map<String, String> streetNames = names(em, "select s.code, s.name from StreetEntity s");
            Map<String, String> communityNames = names(em, "select c.code, c.name from CommunityEntity c");
            // counted by the database: a city's 100,000 leaders are never loaded to be counted (issue 17)
            Map<String, Tally> byStreet = new java.util.TreeMap<>();
            LeaderQuery filter = LeaderQuery.of(street, community, null);
            String serving = " and exists (select a.id from AssignmentEntity a where a.leader = l.id and "
                    + "(a.start is null or a.start <= :asOf) and (a.end is null or a.end > :asOf))";
            TypedQuery<Object[]> groups = em.createQuery("select l.street, l.education, l.partyMember, l.liaison, "
                    + "count(l) from LeaderEntity l" + LeaderQueries.where(scopes, filter) + serving
                    + " group by l.street, l.education, l.partyMember, l.liaison", Object[].class);
            LeaderQueries.bind(groups, scopes, filter);
            for (Object[] r : groups.setParameter("asOf", asOf).getResultList()) {
                Tally t = byStreet.computeIfAbsent((String) r[0], k -> new Tally());
                int n = ((Number) r[4]).intValue();
                Education e = Education.valueOf((String) r[1]);
                t.total += n;
                t.college += e.collegeOrAbove() ? n : 0;
                t.masters += e == Education.MASTER ? n : 0;
                t.doctorates += e == Education.DOCTORATE ? n : 0;
                t.party += Boolean.TRUE.equals(r[2]) ? n : 0;
                t.liaisons += Boolean.TRUE.equals(r[3]) ? n : 0;
            }
            TypedQuery<Object[]> young = em.createQuery("select l.street, count(l) from LeaderEntity l"
                    + LeaderQueries.where(scopes, filter) + serving + " and l.birthDate > :cutoff group by l.street",
                    Object[].class);
            LeaderQueries.bind(young, scopes, filter);
            for (Object[] r : young.setParameter("asOf", asOf)
                    .setParameter("cutoff", LeaderQueries.sixtiethBirthdayCutoff(asOf)).getResultList()) {
                byStreet.computeIfAbsent((String) r[0], k -> new Tally()).under60 += ((Number) r[1]).intValue();
            }
            Tally all = new Tally();
            byStreet.values().forEach(all::add);
            List<LeaderProfile.StreetFigures> streets = byStreet.entrySet().stream()
                    .map(e -> new LeaderProfile.StreetFigures(e.getKey(), streetNames.get(e.getKey()),
                            e.getValue().figures()))
                    .toList();
            return new LeaderProfile(asOf, all.figures(), streets,
                    coverage(em, scopes, street, community, asOf, streetNames, communityNames));
        });
    }

    /** Counts of one population, added up from the database's groups. */
    private static final class Tally {
        int total;
        int under60;
        int college;
        int masters;
        int doctorates;
        int party;
        int liaisons;

        void add(Tally t) {
            total += t.total;
            under60 += t.under60;
            college += t.college;
            masters += t.masters;
            doctorates += t.doctorates;
            party += t.party;
            liaisons += t.liaisons;
        }

        Figures figures() {
            return new Figures(total, under60, percent(under60, total), college, percent(college, total), masters,
                    doctorates, party, percent(party, total), liaisons, percent(liaisons, total));
        }
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
        // community code -> [units, units led, buildings, buildings led]
        Map<String, int[]> byCommunity = scopes.stream().allMatch(s -> s.length() <= 12)
                ? countedByCommunity(em, asOf, within) : loadedByCommunity(em, asOf, within);
        return coverage(byCommunity, streetNames, communityNames);
    }

    private static final String ACTIVE = "(a.start is null or a.start <= :asOf) and (a.end is null or a.end > :asOf)";

    /**
     * The coverage counted by the database, a community at a time: for callers whose scopes are whole communities or
     * wider (the report's readers), so that no building, unit or assignment row is loaded.
     */
    private static Map<String, int[]> countedByCommunity(EntityManager em, LocalDate asOf,
            java.util.function.Predicate<String> within) {
        Map<String, int[]> byCommunity = new java.util.TreeMap<>();
        String[] queries = {
            "select b.community, count(u) from UnitEntity u, BuildingEntity b where u.building = b.code "
                    + "group by b.community",
            "select b.community, count(distinct u.code) from AssignmentEntity a, UnitEntity u, BuildingEntity b "
                    + "where a.unit = u.code and u.building = b.code and " + ACTIVE + " group by b.community",
            "select b.community, count(b) from BuildingEntity b group by b.community",
            "select b.community, count(distinct b.code) from AssignmentEntity a, BuildingEntity b "
                    + "where a.unit is null and a.building = b.code and " + ACTIVE + " group by b.community" };
        for (int i = 0; i < queries.length; i++) {
            TypedQuery<Object[]> q = em.createQuery(queries[i], Object[].class);
            if (queries[i].contains(":asOf")) {
                q.setParameter("asOf", asOf);
            }
            for (Object[] r : q.getResultList()) {
                if (within.test((String) r[0])) {
                    byCommunity.computeIfAbsent((String) r[0], k -> new int[4])[i] += ((Number) r[1]).intValue();
                }
            }
        }
        return byCommunity;
    }

    /** The coverage of a caller scoped below a community (a building or a unit): its rows read and counted here. */
    private static Map<String, int[]> loadedByCommunity(EntityManager em, LocalDate asOf,
            java.util.function.Predicate<String> within) {
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
        return byCommunity;
    }

    private static LeaderProfile.Coverage coverage(Map<String, int[]> byCommunity, Map<String, String> streetNames,
            Map<String, String> communityNames) {
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
