package org.loumen.core.model.internal;

import static org.loumen.core.model.internal.LeaderQueries.assignments;
import static org.loumen.core.model.internal.LeaderQueries.query;
import static org.loumen.core.model.internal.Reads.names;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.ImportException.Problem;
import org.loumen.core.model.ImportException;
import org.loumen.core.model.ImportResult;
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
                Set<String> phones = new HashSet<>(em.createQuery("select l.phone from LeaderEntity l", String.class)
                        .getResultList());
                WorkIds workIds = new WorkIds(em);
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
                for (Object[] pair : resolved) {
                    ImportRows.LeaderRow r = (ImportRows.LeaderRow) pair[0];
                    Places.Resolved at = (Places.Resolved) pair[1];
                    LeaderEntity l = new LeaderEntity();
                    l.name = r.name();
                    l.gender = r.gender().name();
                    l.birthDate = r.birthDate();
                    l.education = r.education().name();
                    l.partyMember = r.partyMember();
                    l.phone = r.phone();
                    l.nomination = r.nomination().name();
                    l.workId = r.workId();
                    l.liaison = r.liaison();
                    l.status = LeaderStatus.IN_SERVICE.name();
                    l.street = at.street();
                    l.community = at.community();
                    em.persist(l); // the table generator assigns the id here, so inserts are batched at commit
                    AssignmentEntity a = new AssignmentEntity();
                    a.leader = l.id;
                    a.role = r.role().name();
                    a.building = at.building();
                    a.unit = r.role() == LeaderRole.UNIT_LEADER ? at.unit() : null;
                    em.persist(a);
                }
                t[2] = System.nanoTime();
                return new ImportResult(resolved.size(), new ImportResult.Created(places.createdCommunities,
                        places.createdBuildings, places.createdUnits));
            })));
            long end = System.nanoTime();
            LOG.info("Imported {} leaders in {} ms (parse {}, resolve {}, persist {}, commit {})", result.imported(),
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

    byte[] exportLeaders(Set<String> scopes, String street) {
        LocalDate today = LocalDate.now(Days.CHINA);
        List<List<String>> rows = jpa.txExpr(em -> {
            List<LeaderEntity> leaders = query(em, scopes, street, null, null, "id", 0, Integer.MAX_VALUE);
            Map<Long, List<Assignment>> assignments = assignments(em, leaders, true);
            Map<String, String> communityNames = names(em, "select c.code, c.name from CommunityEntity c");
            Map<String, String> streetNames = names(em, "select s.code, s.name from StreetEntity s");
            List<List<String>> out = new ArrayList<>();
            for (LeaderEntity l : leaders) {
                for (Assignment a : assignments.getOrDefault(l.id, List.of())) {
                    if (!a.activeOn(today)) {
                        continue;
                    }
                    out.add(row(l, a, streetNames, communityNames));
                }
            }
            return out;
        });
        List<String> header = new ArrayList<>(ImportRows.LEADER_COLUMNS);
        header.addAll(ImportRows.LEADER_OPTIONAL_COLUMNS);
        return Csv.write(header, rows);
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
