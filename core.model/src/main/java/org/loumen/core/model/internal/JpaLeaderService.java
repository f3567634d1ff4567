package org.loumen.core.model.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.ImportException;
import org.loumen.core.model.ImportException.Problem;
import org.loumen.core.model.ImportResult;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderDraft;
import org.loumen.core.model.LeaderProfile;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderProfile.Counts;
import org.loumen.core.model.LeaderProfile.Figures;
import org.loumen.core.model.LeaderProfile.PlaceCoverage;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.ModelException.Reason;
import org.loumen.core.model.Nomination;
import org.loumen.core.model.Page;
import org.loumen.core.model.PhoneConsent;
import org.loumen.core.model.PublicLeader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Leaders in the {@code loumen.core} persistence unit. */
@Component(service = LeaderService.class)
public final class JpaLeaderService implements LeaderService {

    /** Days (birthdays, service dates, "today") are counted in China Standard Time. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = LoggerFactory.getLogger(JpaLeaderService.class);

    private final JpaTemplate jpa;

    @Activate
    public JpaLeaderService(@Reference(target = "(osgi.unit.name=loumen.core)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    // ---- import / export ----------------------------------------------------------------------------------------

    @Override
    public ImportResult importLeaders(byte[] csv, Set<String> scopes) throws ImportException {
        long t0 = System.nanoTime();
        List<ImportRows.LeaderRow> rows = ImportRows.leaders(Csv.parse(csv, ImportRows.LEADER_COLUMNS));
        long[] t = new long[3];
        t[0] = System.nanoTime();
        try {
            ImportResult result = Tx.retrying(() -> jpa.txExpr(em -> {
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
            }));
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
        }
    }

    @Override
    public byte[] exportLeaders(Set<String> scopes, String street) {
        LocalDate today = LocalDate.now(CHINA);
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
                    out.add(List.of(streetNames.getOrDefault(l.street, l.street),
                            communityNames.getOrDefault(l.community, l.community), a.buildingLabel(),
                            a.unitLabel() == null ? "" : a.unitLabel(), a.role().zh(), l.name,
                            Gender.valueOf(l.gender).zh(), l.birthDate.toString(),
                            Education.valueOf(l.education).zh(), l.partyMember ? "是" : "否", l.phone,
                            Nomination.valueOf(l.nomination).zh(), l.workId == null ? "" : l.workId,
                            l.liaison ? "是" : "否"));
                }
            }
            return out;
        });
        List<String> header = new ArrayList<>(ImportRows.LEADER_COLUMNS);
        header.addAll(ImportRows.LEADER_OPTIONAL_COLUMNS);
        return Csv.write(header, rows);
    }

    private static Map<String, String> names(EntityManager em, String jpql) {
        Map<String, String> m = new HashMap<>();
        for (Object[] r : em.createQuery(jpql, Object[].class).getResultList()) {
            m.put((String) r[0], (String) r[1]);
        }
        return m;
    }

    /**
     * Objects of a read are not registered for change detection: listings, exports and reports read thousands and
     * change none, and comparing them all at commit cost seconds.
     */
    static <T> TypedQuery<T> readOnly(TypedQuery<T> query) {
        return query.setHint("eclipselink.read-only", "true");
    }

    /**
     * Read-only only when reading: EclipseLink runs a read-only query outside the transaction's connection, where it
     * would wait on the row locks of the transaction's own uncommitted writes.
     */
    static <T> TypedQuery<T> hint(TypedQuery<T> query, boolean reading) {
        return reading ? readOnly(query) : query;
    }

    // ---- browse and edit ----------------------------------------------------------------------------------------

    @Override
    public Page<Leader> find(Set<String> scopes, String street, String community, String q, int page, int size,
            String sort) {
        return find(scopes, LeaderQuery.of(street, community, q), page, size, sort);
    }

    @Override
    public Page<Leader> find(Set<String> scopes, LeaderQuery filter, int page, int size, String sort) {
        return jpa.txExpr(em -> {
            long total = count(em, scopes, filter);
            List<LeaderEntity> leaders = query(em, scopes, filter, sort, (page - 1) * size, size);
            return new Page<>(dtos(em, leaders, true), total);
        });
    }

    /**
     * The latest birth date of a person 60 or older on the day: {@code Period.between(birth, day).getYears() >= 60}
     * exactly when {@code birth} is not after it (the profile report's rule, leap days included).
     */
    static LocalDate sixtiethBirthdayCutoff(LocalDate day) {
        return day.minusYears(60);
    }

    /** The where clause of a listing; scopes become {@code community like 'code%'} alternatives. */
    private static String where(Set<String> scopes, LeaderQuery f) {
        StringBuilder w = new StringBuilder(" where ").append(Tx.scopeClause("l.community", scopes));
        if (f.street() != null) {
            w.append(" and l.street = :street");
        }
        if (f.community() != null) {
            w.append(" and l.community = :community");
        }
        if (f.q() != null) {
            w.append(" and (l.name like :q escape '\\' or l.phone like :q escape '\\')");
        }
        if (f.status() != null) {
            w.append(" and l.status = :status");
        }
        if (f.role() != null) {
            w.append(" and exists (select a.id from AssignmentEntity a where a.leader = l.id and a.role = :role and "
                    + "(a.start is null or a.start <= :today) and (a.end is null or a.end > :today))");
        }
        if (f.age() != null) {
            w.append(f.age() == LeaderQuery.AgeBand.UNDER_60 ? " and l.birthDate > :cutoff"
                    : " and l.birthDate <= :cutoff");
        }
        if (f.educations() != null) {
            w.append(" and l.education in :educations");
        }
        return w.toString();
    }

    private static void bind(TypedQuery<?> query, Set<String> scopes, LeaderQuery f) {
        Tx.bindScopes(query, scopes);
        LocalDate today = LocalDate.now(CHINA);
        if (f.street() != null) {
            query.setParameter("street", f.street());
        }
        if (f.community() != null) {
            query.setParameter("community", f.community());
        }
        if (f.q() != null) {
            query.setParameter("q", Tx.contains(f.q())); // % and _ are searched for, not wildcards
        }
        if (f.status() != null) {
            query.setParameter("status", f.status().name());
        }
        if (f.role() != null) {
            query.setParameter("role", f.role().name()).setParameter("today", today);
        }
        if (f.age() != null) {
            query.setParameter("cutoff", sixtiethBirthdayCutoff(today));
        }
        if (f.educations() != null) {
            query.setParameter("educations", f.educations().stream().map(Enum::name).sorted().toList());
        }
    }

    private static long count(EntityManager em, Set<String> scopes, LeaderQuery filter) {
        TypedQuery<Long> query = em.createQuery("select count(l) from LeaderEntity l" + where(scopes, filter),
                Long.class);
        bind(query, scopes, filter);
        return query.getSingleResult();
    }

    private static List<LeaderEntity> query(EntityManager em, Set<String> scopes, String street, String community,
            String q, String sort, int first, int max) {
        return query(em, scopes, LeaderQuery.of(street, community, q), sort, first, max);
    }

    private static List<LeaderEntity> query(EntityManager em, Set<String> scopes, LeaderQuery filter, String sort,
            int first, int max) {
        String order = switch (sort == null ? "name" : sort) {
            case "-name" -> "l.name desc, l.id";
            case "birthDate" -> "l.birthDate, l.id";
            case "-birthDate" -> "l.birthDate desc, l.id";
            case "id" -> "l.id";
            case "-id" -> "l.id desc";
            default -> "l.name, l.id";
        };
        TypedQuery<LeaderEntity> query = readOnly(em.createQuery("select l from LeaderEntity l"
                + where(scopes, filter) + " order by " + order, LeaderEntity.class));
        bind(query, scopes, filter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** Assignments of the given leaders with their building and unit labels, in start order. */
    private static Map<Long, List<Assignment>> assignments(EntityManager em, List<LeaderEntity> leaders,
            boolean reading) {
        Map<Long, List<Assignment>> out = new HashMap<>();
        if (leaders.isEmpty()) {
            return out;
        }
        List<AssignmentEntity> all = new ArrayList<>();
        List<Long> ids = leaders.stream().map(l -> l.id).toList();
        if (ids.size() > 1000) {
            // an export or report: one scan beats many IN lists, which Derby evaluates row by row
            Set<Long> wanted = new HashSet<>(ids);
            for (AssignmentEntity a : hint(em.createQuery("select a from AssignmentEntity a order by a.id",
                    AssignmentEntity.class), reading).getResultList()) {
                if (wanted.contains(a.leader)) {
                    all.add(a);
                }
            }
        } else if (!ids.isEmpty()) {
            all.addAll(hint(em.createQuery("select a from AssignmentEntity a where a.leader in :ids order by a.id",
                    AssignmentEntity.class), reading).setParameter("ids", ids).getResultList());
        }
        Map<String, String> labels = labels(em, all.stream().map(a -> a.building).collect(Collectors.toSet()),
                all.stream().map(a -> a.unit).filter(u -> u != null).collect(Collectors.toSet()));
        for (AssignmentEntity a : all) {
            out.computeIfAbsent(a.leader, k -> new ArrayList<>()).add(new Assignment(LeaderRole.valueOf(a.role),
                    a.building, labels.get(a.building), a.unit, a.unit == null ? null : labels.get(a.unit), a.start,
                    a.end));
        }
        return out;
    }

    /** Labels of buildings and units by code. */
    static Map<String, String> labels(EntityManager em, Collection<String> buildings, Collection<String> units) {
        Map<String, String> labels = new HashMap<>();
        if (buildings.size() + units.size() > 1000) {
            for (Object[] r : em.createQuery("select b.code, b.label from BuildingEntity b", Object[].class)
                    .getResultList()) {
                labels.put((String) r[0], (String) r[1]);
            }
            for (Object[] r : em.createQuery("select u.code, u.label from UnitEntity u", Object[].class)
                    .getResultList()) {
                labels.put((String) r[0], (String) r[1]);
            }
            return labels;
        }
        if (!buildings.isEmpty()) {
            for (Object[] r : em.createQuery("select b.code, b.label from BuildingEntity b where b.code in :c",
                    Object[].class).setParameter("c", new ArrayList<>(buildings)).getResultList()) {
                labels.put((String) r[0], (String) r[1]);
            }
        }
        if (!units.isEmpty()) {
            for (Object[] r : em.createQuery("select u.code, u.label from UnitEntity u where u.code in :c",
                    Object[].class).setParameter("c", new ArrayList<>(units)).getResultList()) {
                labels.put((String) r[0], (String) r[1]);
            }
        }
        return labels;
    }

    private static List<Leader> dtos(EntityManager em, List<LeaderEntity> leaders, boolean reading) {
        Map<Long, List<Assignment>> assignments = assignments(em, leaders, reading);
        return leaders.stream().map(l -> dto(l, assignments.getOrDefault(l.id, List.of()))).toList();
    }

    private static Leader dto(LeaderEntity l, List<Assignment> assignments) {
        return new Leader(l.id, l.name, Gender.valueOf(l.gender), l.birthDate, Education.valueOf(l.education),
                l.partyMember, l.phone, Nomination.valueOf(l.nomination), l.liaison, LeaderStatus.valueOf(l.status),
                l.street, l.community, l.workId, assignments, l.version, l.phoneConsentAt == null ? null
                        : new PhoneConsent(java.time.Instant.ofEpochMilli(l.phoneConsentAt), l.phoneConsentBy));
    }

    @Override
    public Optional<Leader> leader(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(LeaderEntity.class, id))
                .map(l -> dtos(em, List.of(l), true).get(0)));
    }

    @Override
    public Leader create(LeaderDraft d) throws ModelException {
        requirePerson(d);
        if (d.assignments() == null || d.assignments().isEmpty()) {
            throw new ModelException(Reason.INVALID, "assignments", "至少需要一个楼门或楼栋 / at least one assignment");
        }
        return write(em -> {
            LeaderEntity l = new LeaderEntity();
            l.status = LeaderStatus.IN_SERVICE.name();
            apply(em, l, d);
            em.persist(l);
            em.flush();
            assign(em, l, d.assignments());
            em.flush();
            return dtos(em, List.of(l), false).get(0);
        });
    }

    @Override
    public Leader update(long id, LeaderDraft d, long expectedVersion) throws ModelException {
        if (d == null) {
            throw new ModelException(Reason.INVALID, "leader", "缺少请求体 / body is missing");
        }
        return write(em -> {
            LeaderEntity l = found(em, id, expectedVersion);
            apply(em, l, d);
            if (d.assignments() != null) {
                if (!l.status.equals(LeaderStatus.IN_SERVICE.name())) {
                    // only the certified serve: a new leader goes on duty through the lifecycle's activation
                    throw invalid("assignments", "只有在任的楼门栋长可以调整楼门；新任须经培训持证后上岗 / only a "
                            + "leader in service can be reassigned; a new leader starts through certification");
                }
                LocalDate today = LocalDate.now(CHINA);
                for (AssignmentEntity a : em.createQuery("select a from AssignmentEntity a where a.leader = :l",
                        AssignmentEntity.class).setParameter("l", id).getResultList()) {
                    if (a.end == null) {
                        a.end = today;
                    }
                }
                assign(em, l, d.assignments());
            }
            l.updatedAt = System.currentTimeMillis(); // always a change, so the version moves with new assignments too
            em.flush();
            return dtos(em, List.of(l), false).get(0);
        });
    }

    @Override
    public Leader retire(long id, LocalDate on, long expectedVersion) throws ModelException {
        LocalDate day = on == null ? LocalDate.now(CHINA) : on;
        return write(em -> {
            LeaderEntity l = found(em, id, expectedVersion);
            for (AssignmentEntity a : em.createQuery("select a from AssignmentEntity a where a.leader = :l",
                    AssignmentEntity.class).setParameter("l", id).getResultList()) {
                if (a.end == null || a.end.isAfter(day)) {
                    a.end = day;
                }
            }
            l.status = LeaderStatus.RETIRED.name();
            em.flush();
            return dtos(em, List.of(l), false).get(0);
        });
    }

    @Override
    public List<Leader> serving(String unitCode, LocalDate day) {
        if (unitCode == null || !unitCode.matches("\\d{12}B\\d{3}U\\d{2}")) {
            return List.of();
        }
        String building = unitCode.substring(0, unitCode.indexOf('U'));
        return jpa.txExpr(em -> {
            List<Long> ids = em.createQuery("select a.leader from AssignmentEntity a where a.unit = :u or "
                    + "(a.building = :b and a.unit is null)", Long.class).setParameter("u", unitCode)
                    .setParameter("b", building).getResultList();
            if (ids.isEmpty()) {
                return List.<Leader>of();
            }
            List<LeaderEntity> leaders = readOnly(em.createQuery("select l from LeaderEntity l where l.id in :ids "
                    + "order by l.id", LeaderEntity.class)).setParameter("ids", ids).getResultList();
            return dtos(em, leaders, true).stream().filter(l -> l.status() == LeaderStatus.IN_SERVICE
                    && l.assignments().stream().anyMatch(a -> a.activeOn(day) && (unitCode.equals(a.unit())
                            || a.unit() == null && building.equals(a.building())))).toList();
        });
    }

    @Override
    public Leader nominate(LeaderDraft d) throws ModelException {
        requirePerson(d);
        return write(em -> {
            LeaderEntity l = new LeaderEntity();
            l.status = LeaderStatus.NOMINATED.name();
            apply(em, l, d);
            em.persist(l);
            em.flush();
            return dtos(em, List.of(l), false).get(0);
        });
    }

    @Override
    public Leader changeStatus(long id, LeaderStatus to, String workId) throws ModelException {
        LocalDate today = LocalDate.now(CHINA);
        return write(em -> {
            LeaderEntity l = existing(em, id);
            if (workId != null) {
                boolean taken = !em.createQuery("select l.id from LeaderEntity l where l.street = :s and "
                        + "l.workId = :w and l.id <> :id", Long.class).setParameter("s", l.street)
                        .setParameter("w", workId).setParameter("id", id).getResultList().isEmpty();
                if (taken) {
                    throw new Tx.Abort(new ModelException(Reason.CONFLICT, "workId",
                            "本街道已有此工作证号 / this work ID is in use in the street"));
                }
                l.workId = workId;
            }
            if (to == LeaderStatus.RESIGNED || to == LeaderStatus.NOT_REAPPOINTED || to == LeaderStatus.RETIRED) {
                for (AssignmentEntity a : em.createQuery("select a from AssignmentEntity a where a.leader = :l",
                        AssignmentEntity.class).setParameter("l", id).getResultList()) {
                    if (a.end == null || a.end.isAfter(today)) {
                        a.end = today;
                    }
                }
            }
            l.status = to.name();
            l.updatedAt = System.currentTimeMillis();
            em.flush();
            return dtos(em, List.of(l), false).get(0);
        });
    }

    @Override
    public Leader assign(long id, LeaderDraft.Place place) throws ModelException {
        return write(em -> {
            LeaderEntity l = existing(em, id);
            if (!l.status.equals(LeaderStatus.CERTIFIED.name()) && !l.status.equals(LeaderStatus.IN_SERVICE.name())) {
                throw invalid("status", "只有持证的楼门栋长可以上岗 / only a certified leader may be assigned");
            }
            assign(em, l, List.of(place));
            l.status = LeaderStatus.IN_SERVICE.name();
            l.updatedAt = System.currentTimeMillis();
            em.flush();
            return dtos(em, List.of(l), false).get(0);
        });
    }

    private static LeaderEntity existing(EntityManager em, long id) {
        LeaderEntity l = em.find(LeaderEntity.class, id);
        if (l == null) {
            throw new Tx.Abort(new ModelException(Reason.NOT_FOUND, "id", "没有此楼门栋长 / no such leader: " + id));
        }
        return l;
    }

    private static LeaderEntity found(EntityManager em, long id, long expectedVersion) {
        LeaderEntity l = existing(em, id);
        if (l.version != expectedVersion) {
            throw new Tx.Abort(ModelException.stale());
        }
        return l;
    }

    /** Copies the given fields, validating each. */
    private static void apply(EntityManager em, LeaderEntity l, LeaderDraft d) {
        if (d.name() != null) {
            String name = d.name().strip();
            if (name.isEmpty() || name.length() > 40) {
                throw invalid("name", "姓名须为 1 至 40 个字符 / name must be 1-40 characters");
            }
            l.name = name;
        }
        if (d.gender() != null) {
            l.gender = d.gender().name();
        }
        if (d.birthDate() != null) {
            if (d.birthDate().isAfter(LocalDate.now(CHINA)) || d.birthDate().getYear() < 1900) {
                throw invalid("birthDate", "出生日期不合理 / not a plausible birth date");
            }
            l.birthDate = d.birthDate();
        }
        if (d.education() != null) {
            l.education = d.education().name();
        }
        if (d.partyMember() != null) {
            l.partyMember = d.partyMember();
        }
        if (d.nomination() != null) {
            l.nomination = d.nomination().name();
        }
        if (d.liaison() != null) {
            l.liaison = d.liaison();
        }
        if (d.phone() != null) {
            if (!ImportRows.MOBILE.matcher(d.phone()).matches()) {
                throw invalid("phone", "须为 11 位手机号码 / must be an 11-digit mobile number");
            }
            if (!d.phone().equals(l.phone) && !em.createQuery("select l.id from LeaderEntity l where l.phone = :p",
                    Long.class).setParameter("p", d.phone()).getResultList().isEmpty()) {
                throw new Tx.Abort(new ModelException(Reason.CONFLICT, "phone",
                        "该手机号已被其他楼门栋长使用 / phone number in use"));
            }
            if (!d.phone().equals(l.phone)) {
                // the consent was to publish the old number, not whatever number the leader has next
                l.phoneConsentAt = null;
                l.phoneConsentBy = null;
            }
            l.phone = d.phone();
        }
        if (d.community() != null) {
            CommunityEntity c = em.find(CommunityEntity.class, d.community());
            if (c == null) {
                throw invalid("community", "没有此社区 / no such community");
            }
            l.community = c.code();
            l.street = c.street();
        }
    }

    private static void assign(EntityManager em, LeaderEntity l, List<LeaderDraft.Place> places) {
        for (int i = 0; i < places.size(); i++) {
            LeaderDraft.Place p = places.get(i);
            String field = "assignments[" + i + "]";
            if (p == null || p.role() == null || p.place() == null) {
                throw invalid(field, "须给出 role 与 place / role and place are required");
            }
            AssignmentEntity a = new AssignmentEntity();
            a.leader = l.id;
            a.role = p.role().name();
            a.start = p.start();
            if (p.role() == LeaderRole.UNIT_LEADER) {
                UnitEntity u = em.find(UnitEntity.class, p.place());
                if (u == null || !u.code.startsWith(l.community)) {
                    throw new Tx.Abort(new ModelException(Reason.INVALID, field + ".place",
                            "本社区没有此单元 / no such unit in the leader's community"));
                }
                a.unit = u.code;
                a.building = u.building;
            } else {
                BuildingEntity b = em.find(BuildingEntity.class, p.place());
                if (b == null || !b.community.equals(l.community)) {
                    throw new Tx.Abort(new ModelException(Reason.INVALID, field + ".place",
                            "本社区没有此楼栋 / no such building in the leader's community"));
                }
                a.building = b.code;
            }
            em.persist(a);
        }
    }

    private static Tx.Abort invalid(String field, String message) {
        return new Tx.Abort(new ModelException(Reason.INVALID, field, message));
    }

    /** Every personal field is required when a person is first recorded. */
    private static void requirePerson(LeaderDraft d) throws ModelException {
        if (d == null) {
            throw new ModelException(Reason.INVALID, "leader", "缺少请求体 / body is missing");
        }
        require(d.name(), "name");
        require(d.gender(), "gender");
        require(d.birthDate(), "birthDate");
        require(d.education(), "education");
        require(d.partyMember(), "partyMember");
        require(d.phone(), "phone");
        require(d.nomination(), "nomination");
        require(d.community(), "community");
    }

    private static void require(Object value, String field) throws ModelException {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new ModelException(Reason.INVALID, field, "不能为空 / " + field + " is required");
        }
    }

    private Leader write(Function<EntityManager, Leader> work) throws ModelException {
        return Tx.write(jpa, work);
    }

    // ---- reports ------------------------------------------------------------------------------------------------

    @Override
    public LeaderProfile profile(LocalDate asOf, Set<String> scopes, String street, String community) {
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

    // ---- public directory ---------------------------------------------------------------------------------------

    @Override
    public List<PublicLeader> directory(String community) {
        LocalDate today = LocalDate.now(CHINA);
        return jpa.txExpr(em -> {
            List<LeaderEntity> leaders = readOnly(em.createQuery("select l from LeaderEntity l where l.community = :c "
                    + "and l.status = :s order by l.name", LeaderEntity.class)).setParameter("c", community)
                    .setParameter("s", LeaderStatus.IN_SERVICE.name()).getResultList();
            Map<Long, List<Assignment>> assignments = assignments(em, leaders, true);
            List<PublicLeader> out = new ArrayList<>();
            for (LeaderEntity l : leaders) {
                for (Assignment a : assignments.getOrDefault(l.id, List.of())) {
                    if (a.activeOn(today)) {
                        boolean consented = l.phoneConsentAt != null;
                        out.add(new PublicLeader(l.name, a.role().zh(), a.buildingLabel(), a.unitLabel(), l.workId,
                                consented ? l.phone : PublicLeader.maskPhone(l.phone), consented));
                    }
                }
            }
            out.sort(Comparator.comparing(PublicLeader::building, Comparator.nullsLast(String::compareTo))
                    .thenComparing(PublicLeader::unit, Comparator.nullsFirst(String::compareTo)));
            return out;
        });
    }

    @Override
    public Leader phoneConsent(long id, boolean consent, String by) throws ModelException {
        return write(em -> {
            LeaderEntity l = existing(em, id);
            l.phoneConsentAt = consent ? System.currentTimeMillis() : null;
            l.phoneConsentBy = consent ? by : null;
            l.updatedAt = System.currentTimeMillis();
            em.flush();
            return dtos(em, List.of(l), false).get(0);
        });
    }
}
