package org.loumen.core.model.internal;

import static org.loumen.core.model.internal.Reads.names;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

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

    ProfileReport(JpaTemplate jpa, BooleanSupplier shared) {
        this.jpa = jpa;
        this.reports = new ReferenceCache(() -> DataVersion.read(jpa), shared, 500);
    }

    LeaderProfile profile(LocalDate asOf, Set<String> scopes, String street, String community) {
        String key = asOf + "|" + new TreeSet<>(scopes) + "|" + street + "|" + community;
        return reports.get(key, () -> read(asOf, scopes, street, community));
    }

    private LeaderProfile read(LocalDate asOf, Set<String> scopes, String street, String community) {
        return jpa.txExpr(em -> {
            Map<String, String> streetNames = names(em, "select s.code, s.name from StreetEntity s");
            Map<String, String> communityNames = names(em, "select c.code, c.name from CommunityEntity c");
            // plain SQL over the transaction's connection: four reads of a city's ~100,000 rows each, columns only,
            // no entity and no EclipseLink row (issue 17: the first report after a write pays for all of them)
            Connection c = em.unwrap(Connection.class);
            try {
                // the active assignments once: who serves, and which units and buildings have a leader
                Set<Long> serving = new HashSet<>();
                Set<String> ledUnits = new HashSet<>();
                Set<String> ledBuildings = new HashSet<>();
                try (PreparedStatement p = c.prepareStatement("SELECT LEADER_ID, BUILDING, UNIT FROM MDL_ASSIGNMENT "
                        + "WHERE " + AssignmentEntity.IN_FORCE_SQL)) {
                    p.setDate(1, java.sql.Date.valueOf(asOf));
                    p.setDate(2, java.sql.Date.valueOf(asOf));
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            serving.add(r.getLong(1));
                            String unit = r.getString(3);
                            if (unit != null) {
                                ledUnits.add(unit);
                            } else {
                                ledBuildings.add(r.getString(2));
                            }
                        }
                    }
                }
                LocalDate cutoff = LeaderQueries.sixtiethBirthdayCutoff(asOf);
                Map<String, Tally> byStreet = new TreeMap<>();
                // a district's or a street's leaders in one pass over the table, not row by row from the community
                // index (WideScan)
                WideScan.Sql sql = WideScan.leaders("ID, STREET, EDUCATION, PARTY_MEMBER, LIAISON, BIRTH_DATE", scopes,
                        LeaderQuery.of(street, community, null), "");
                try (PreparedStatement p = sql.prepare(c); ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        if (!serving.contains(r.getLong(1))) {
                            continue;
                        }
                        Tally t = byStreet.computeIfAbsent(r.getString(2), k -> new Tally());
                        Education e = Education.valueOf(r.getString(3));
                        t.total++;
                        t.college += e.collegeOrAbove() ? 1 : 0;
                        t.masters += e == Education.MASTER ? 1 : 0;
                        t.doctorates += e == Education.DOCTORATE ? 1 : 0;
                        t.party += r.getBoolean(4) ? 1 : 0;
                        t.liaisons += r.getBoolean(5) ? 1 : 0;
                        // under 60 exactly when born after the cutoff
                        t.under60 += r.getDate(6).toLocalDate().isAfter(cutoff) ? 1 : 0;
                    }
                }
                Tally all = new Tally();
                byStreet.values().forEach(all::add);
                List<LeaderProfile.StreetFigures> streets = byStreet.entrySet().stream()
                        .map(e -> new LeaderProfile.StreetFigures(e.getKey(), streetNames.get(e.getKey()),
                                e.getValue().figures()))
                        .toList();
                return new LeaderProfile(asOf, all.figures(), streets,
                        coverage(c, scopes, street, community, ledUnits, ledBuildings, streetNames, communityNames));
            } catch (SQLException e) {
                throw new IllegalStateException("报表读取失败 / could not read the profile report: " + e.getMessage(), e);
            }
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

    private static LeaderProfile.Coverage coverage(Connection c, Set<String> scopes, String street,
            String community, Set<String> ledUnits, Set<String> ledBuildings, Map<String, String> streetNames,
            Map<String, String> communityNames) throws SQLException {
        java.util.function.Predicate<String> within = code -> scopes.stream().anyMatch(code::startsWith)
                && (street == null || code.startsWith(street)) && (community == null || code.startsWith(community));
        // community code -> [units, units led, buildings, buildings led]; codes only, never entities
        Map<String, int[]> byCommunity = new TreeMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT CODE, COMMUNITY FROM ORG_BUILDING");
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                String code = r.getString(1);
                if (within.test(code)) {
                    int[] n = byCommunity.computeIfAbsent(r.getString(2), k -> new int[4]);
                    n[2]++;
                    n[3] += ledBuildings.contains(code) ? 1 : 0;
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT CODE FROM ORG_UNIT"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                String u = r.getString(1);
                if (within.test(u)) {
                    int[] n = byCommunity.computeIfAbsent(u.substring(0, 12), k -> new int[4]);
                    n[0]++;
                    n[1] += ledUnits.contains(u) ? 1 : 0;
                }
            }
        }
        return coverage(byCommunity, streetNames, communityNames);
    }

    private static LeaderProfile.Coverage coverage(Map<String, int[]> byCommunity, Map<String, String> streetNames,
            Map<String, String> communityNames) {
        Map<String, List<PlaceCoverage>> streets = new TreeMap<>();
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
