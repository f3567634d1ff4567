package org.loumen.core.model.internal;

import static org.loumen.core.model.internal.Reads.names;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
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

    /**
     * Reports in memory, kept and invalidated as the leader listing's pages are ({@link DataVersion}: every write of
     * leaders, assignments or places — all the report reads — moves it on, on any node, and empties the cache), keyed
     * by the day, the caller's scopes and the filters. A district's report at city scale reads four tables of some
     * 100,000 rows each (Derby's runtime statistics: each a full scan, 86–165 ms apiece at 100,000 leaders); the
     * dashboard asks it on every visit while the leaders change a few times a day.
     */
    private final ReferenceCache reports;

    ProfileReport(JpaTemplate jpa) {
        this.jpa = jpa;
        this.reports = new ReferenceCache(() -> DataVersion.read(jpa), DataVersion.shared(jpa), 500);
    }

    LeaderProfile profile(LocalDate asOf, Set<String> scopes, String street, String community) {
        String key = asOf + "|" + new java.util.TreeSet<>(scopes) + "|" + street + "|" + community;
        return reports.get(key, () -> read(asOf, scopes, street, community));
    }

    private LeaderProfile read(LocalDate asOf, Set<String> scopes, String street, String community) {
        return jpa.txExpr(em -> {
            Map<String, String> streetNames = names(em, "select s.code, s.name from StreetEntity s");
            Map<String, String> communityNames = names(em, "select c.code, c.name from CommunityEntity c");
            // the columns counted, not entities: a city's 100,000 leaders are read as plain rows, once (issue 17)
            // the active assignments once: who serves, and which units and buildings have a leader
            Set<Long> serving = new HashSet<>();
            Set<String> ledUnits = new HashSet<>();
            Set<String> ledBuildings = new HashSet<>();
            for (Object[] a : em.createQuery("select a.leader, a.building, a.unit from AssignmentEntity a where "
                    + ACTIVE, Object[].class).setParameter("asOf", asOf).getResultList()) {
                serving.add(((Number) a[0]).longValue());
                if (a[2] != null) {
                    ledUnits.add((String) a[2]);
                } else {
                    ledBuildings.add((String) a[1]);
                }
            }
            LeaderQuery filter = LeaderQuery.of(street, community, null);
            TypedQuery<Object[]> rows = em.createQuery("select l.id, l.street, l.education, l.partyMember, l.liaison, "
                    + "l.birthDate from LeaderEntity l" + LeaderQueries.where(scopes, filter), Object[].class);
            LeaderQueries.bind(rows, scopes, filter);
            LocalDate cutoff = LeaderQueries.sixtiethBirthdayCutoff(asOf);
            Map<String, Tally> byStreet = new java.util.TreeMap<>();
            for (Object[] r : rows.getResultList()) {
                if (!serving.contains(((Number) r[0]).longValue())) {
                    continue;
                }
                Tally t = byStreet.computeIfAbsent((String) r[1], k -> new Tally());
                Education e = Education.valueOf((String) r[2]);
                t.total++;
                t.college += e.collegeOrAbove() ? 1 : 0;
                t.masters += e == Education.MASTER ? 1 : 0;
                t.doctorates += e == Education.DOCTORATE ? 1 : 0;
                t.party += Boolean.TRUE.equals(r[3]) ? 1 : 0;
                t.liaisons += Boolean.TRUE.equals(r[4]) ? 1 : 0;
                t.under60 += ((LocalDate) r[5]).isAfter(cutoff) ? 1 : 0; // under 60 exactly when born after it
            }
            Tally all = new Tally();
            byStreet.values().forEach(all::add);
            List<LeaderProfile.StreetFigures> streets = byStreet.entrySet().stream()
                    .map(e -> new LeaderProfile.StreetFigures(e.getKey(), streetNames.get(e.getKey()),
                            e.getValue().figures()))
                    .toList();
            return new LeaderProfile(asOf, all.figures(), streets,
                    coverage(em, scopes, street, community, ledUnits, ledBuildings, streetNames, communityNames));
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
            String community, Set<String> ledUnits, Set<String> ledBuildings, Map<String, String> streetNames,
            Map<String, String> communityNames) {
        java.util.function.Predicate<String> within = code -> scopes.stream().anyMatch(code::startsWith)
                && (street == null || code.startsWith(street)) && (community == null || code.startsWith(community));
        // community code -> [units, units led, buildings, buildings led]; codes only, never entities
        Map<String, int[]> byCommunity = new java.util.TreeMap<>();
        for (Object[] b : em.createQuery("select b.code, b.community from BuildingEntity b", Object[].class)
                .getResultList()) {
            if (within.test((String) b[0])) {
                int[] c = byCommunity.computeIfAbsent((String) b[1], k -> new int[4]);
                c[2]++;
                c[3] += ledBuildings.contains(b[0]) ? 1 : 0;
            }
        }
        for (String u : em.createQuery("select u.code from UnitEntity u", String.class).getResultList()) {
            if (within.test(u)) {
                int[] c = byCommunity.computeIfAbsent(u.substring(0, 12), k -> new int[4]);
                c[0]++;
                c[1] += ledUnits.contains(u) ? 1 : 0;
            }
        }
        return coverage(byCommunity, streetNames, communityNames);
    }

    private static final String ACTIVE = "(a.start is null or a.start <= :asOf) and (a.end is null or a.end > :asOf)";

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
                    List.copyOf(e.getValue())); // the report is kept and shared: nothing in it may change
        }).toList();
        return new LeaderProfile.Coverage(counts(all[0], all[1]), counts(all[2], all[3]), byStreet);
    }

    private static Counts counts(int total, int led) {
        return new Counts(total, led, total - led);
    }
}
