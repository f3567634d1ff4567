package org.loumen.core.model.internal;

import static org.loumen.core.model.internal.Reads.names;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.ImportException.Problem;
import org.loumen.core.model.ImportException;
import org.loumen.core.model.ImportResult;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.Nomination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaders in and out as spreadsheets (导入导出): the all-or-nothing CSV import, which creates the places it is missing,
 * and the export in the import's columns. Part of {@link JpaLeaderService}.
 */
final class LeaderImportExport {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderImportExport.class);

    private final JpaTemplate jpa;

    LeaderImportExport(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    ImportResult importLeaders(byte[] csv, Set<String> scopes) throws ImportException {
        long t0 = System.nanoTime();
        List<ImportRows.LeaderRow> rows = ImportRows.leaders(Csv.parse(csv, ImportRows.LEADER_COLUMNS));
        long[] t = new long[3];
        t[0] = System.nanoTime();
        try {
            ImportResult result = Tx.retrying(() -> jpa.txExpr(DataVersion.bumping(em -> {
                Places places = new Places(em);
                Set<String> phones = registered(places.connection());
                WorkIds workIds = new WorkIds(em, rows.stream().anyMatch(r -> r.workId() != null));
                List<Problem> problems = new ArrayList<>();
                List<Object[]> resolved = new ArrayList<>();
                for (ImportRows.LeaderRow r : rows) {
                    Places.Resolved at = places.resolve(r.row(), r.place(), scopes, problems);
                    String workIdProblem = at == null ? null : workIds.claim(at.street(), r.workId(), r.row());
                    if (phones.contains(r.phone())) {
                        problems.add(new Problem(r.row(), "phone", r.phone(),
                                "该手机号已登记为其他楼门栋长 / this phone number belongs to a leader already registered"));
                    } else if (workIdProblem != null) {
                        problems.add(new Problem(r.row(), "work_id", r.workId(), workIdProblem));
                    } else if (at != null) {
                        resolved.add(new Object[] { r, at });
                    }
                }
                if (!problems.isEmpty()) {
                    problems.sort(Comparator.comparingInt(Problem::row));
                    throw new Tx.Abort(new ImportException(problems));
                }
                t[1] = System.nanoTime();
                // plain rows over the transaction's connection, no entity objects (nothing to register and compare at
                // commit); ids from the generators' own sequence rows
                places.write();
                long leaderId = BulkRows.ids(places.connection(), "LEADER", resolved.size());
                long assignmentId = BulkRows.ids(places.connection(), "ASSIGNMENT", resolved.size());
                List<Object[]> leaders = new ArrayList<>(resolved.size());
                List<Object[]> assignments = new ArrayList<>(resolved.size());
                for (Object[] pair : resolved) {
                    ImportRows.LeaderRow r = (ImportRows.LeaderRow) pair[0];
                    Places.Resolved at = (Places.Resolved) pair[1];
                    long id = leaderId++;
                    // BulkRows.LEADERS: new leaders are in service; updatedAt 0 for an imported row never edited
                    leaders.add(new Object[] { id, r.name(), r.gender().name(), r.birthDate(), r.education().name(),
                            r.partyMember(), r.phone(), r.nomination().name(), r.liaison(),
                            LeaderStatus.IN_SERVICE.name(), at.street(), at.community(), r.workId(), 0L,
                            BulkRows.FIRST_VERSION });
                    assignments.add(new Object[] { assignmentId++, id, r.role().name(), at.building(),
                            r.role() == LeaderRole.UNIT_LEADER ? at.unit() : null });
                }
                BulkRows.insert(places.connection(), BulkRows.LEADERS, leaders);
                BulkRows.insert(places.connection(), BulkRows.ASSIGNMENTS, assignments);
                t[2] = System.nanoTime();
                return new ImportResult(resolved.size(), new ImportResult.Created(places.createdCommunities,
                        places.createdBuildings, places.createdUnits));
            })));
            long end = System.nanoTime();
            LOG.info("Imported {} leaders in {} ms (parse {}, resolve {}, write {}, commit {})", result.imported(),
                    (end - t0) / 1_000_000, (t[0] - t0) / 1_000_000, (t[1] - t[0]) / 1_000_000,
                    (t[2] - t[1]) / 1_000_000, (end - t[2]) / 1_000_000);
            return result;
        } catch (RuntimeException e) {
            ImportException refused = Tx.unwrap(e, ImportException.class);
            if (refused != null) {
                throw refused;
            }
            throw e;
        } finally {
            ReferenceCache.changed(); // the import may have added communities
        }
    }

    /**
     * The phone numbers already registered: every leader's, read from the unique phone index as plain JDBC rows over
     * the import's connection (through EclipseLink it was 5% of a city street's import: JFR, 100,000 leaders). (Asking
     * for the import's own numbers 500 at a time with {@code in (...)} grew with the city instead: Derby evaluated the
     * list against every row — the resolve phase of a 9,950-row import went 0.6 s, 7.1 s, 13.1 s over three streets.)
     */
    private static Set<String> registered(Connection c) {
        Set<String> phones = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement("SELECT PHONE FROM MDL_LEADER");
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                phones.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new BulkRows.Failed("MDL_LEADER (phones)", e);
        }
        return phones;
    }

    /**
     * The export: the leaders' and their active assignments' columns only (a report query, no entity objects and
     * nothing registered), in leader id order, each leader's assignments in id order.
     */
    byte[] exportLeaders(Set<String> scopes, String street) {
        LocalDate today = LocalDate.now(Days.CHINA);
        LeaderQuery filter = LeaderQuery.of(street, null, null);
        List<List<String>> rows = jpa.txExpr(em -> {
            TypedQuery<Object[]> q = em.createQuery("select l.id, l.street, l.community, l.name, l.gender, "
                    + "l.birthDate, l.education, l.partyMember, l.phone, l.nomination, l.workId, l.liaison "
                    + "from LeaderEntity l" + LeaderQueries.where(scopes, filter) + " order by l.id", Object[].class);
            LeaderQueries.bind(q, scopes, filter);
            List<LeaderEntity> leaders = new ArrayList<>();
            for (Object[] c : q.getResultList()) {
                LeaderEntity l = new LeaderEntity(); // a plain holder of the columns, never handed to JPA
                l.id = (Long) c[0];
                l.street = (String) c[1];
                l.community = (String) c[2];
                l.name = (String) c[3];
                l.gender = (String) c[4];
                l.birthDate = (LocalDate) c[5];
                l.education = (String) c[6];
                l.partyMember = (Boolean) c[7];
                l.phone = (String) c[8];
                l.nomination = (String) c[9];
                l.workId = (String) c[10];
                l.liaison = (Boolean) c[11];
                leaders.add(l);
            }
            Map<Long, List<Assignment>> assignments = active(em, leaders, today);
            Map<String, String> communityNames = names(em, "select c.code, c.name from CommunityEntity c");
            Map<String, String> streetNames = names(em, "select s.code, s.name from StreetEntity s");
            List<List<String>> out = new ArrayList<>();
            for (LeaderEntity l : leaders) {
                for (Assignment a : assignments.getOrDefault(l.id, List.of())) {
                    out.add(row(l, a, streetNames, communityNames));
                }
            }
            return out;
        });
        List<String> header = new ArrayList<>(ImportRows.LEADER_COLUMNS);
        header.addAll(ImportRows.LEADER_OPTIONAL_COLUMNS);
        return Csv.write(header, rows);
    }

    /** The assignments of the leaders active on the day, as columns, with their building and unit labels. */
    private static Map<Long, List<Assignment>> active(EntityManager em, List<LeaderEntity> leaders,
            LocalDate today) {
        Map<Long, List<Assignment>> out = new HashMap<>();
        if (leaders.isEmpty()) {
            return out;
        }
        String active = AssignmentEntity.IN_FORCE;
        List<Object[]> all = new ArrayList<>();
        Set<Long> wanted = new HashSet<>();
        leaders.forEach(l -> wanted.add(l.id));
        if (wanted.size() > 1000) {
            // one scan beats many IN lists, which Derby evaluates row by row
            for (Object[] a : em.createQuery("select a.leader, a.role, a.building, a.unit from AssignmentEntity a "
                    + "where " + active + " order by a.id", Object[].class).setParameter("today", today)
                    .getResultList()) {
                if (wanted.contains((Long) a[0])) {
                    all.add(a);
                }
            }
        } else {
            all.addAll(em.createQuery("select a.leader, a.role, a.building, a.unit from AssignmentEntity a "
                    + "where a.leader in :ids and " + active + " order by a.id", Object[].class)
                    .setParameter("ids", new ArrayList<>(wanted)).setParameter("today", today).getResultList());
        }
        Set<String> buildings = new HashSet<>();
        Set<String> units = new HashSet<>();
        for (Object[] a : all) {
            buildings.add((String) a[2]);
            if (a[3] != null) {
                units.add((String) a[3]);
            }
        }
        Map<String, String> labels = Reads.labels(em, buildings, units);
        for (Object[] a : all) {
            String unit = (String) a[3];
            out.computeIfAbsent((Long) a[0], k -> new ArrayList<>()).add(new Assignment(
                    LeaderRole.valueOf((String) a[1]), (String) a[2], labels.get(a[2]), unit,
                    unit == null ? null : labels.get(unit), null, null));
        }
        return out;
    }

    /**
     * One exported row in the import's columns ({@link ImportRows#LEADER_COLUMNS} then the optional ones): names of
     * the street and community (their codes when unnamed), labels, and the Chinese words the import reads back.
     */
    static List<String> row(LeaderEntity l, Assignment a, Map<String, String> streetNames,
            Map<String, String> communityNames) {
        return List.of(streetNames.getOrDefault(l.street, l.street),
                communityNames.getOrDefault(l.community, l.community), a.buildingLabel(),
                a.unitLabel() == null ? "" : a.unitLabel(), a.role().zh(), l.name,
                Gender.valueOf(l.gender).zh(), l.birthDate.toString(),
                Education.valueOf(l.education).zh(), l.partyMember ? "是" : "否", l.phone,
                Nomination.valueOf(l.nomination).zh(), l.workId == null ? "" : l.workId,
                l.liaison ? "是" : "否");
    }
}
