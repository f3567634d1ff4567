package org.loumen.core.model.internal;

import static org.loumen.core.model.internal.LeaderQueries.dtos;
import static org.loumen.core.model.internal.LeaderQueries.existing;
import static org.loumen.core.model.internal.Reads.readOnly;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderDraft;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.ModelException.Reason;
import org.loumen.core.model.Page;

/**
 * Browsing and editing leaders (楼门栋长信息): listing and search, create, update, retire, nomination, status moves
 * (the workflow decides which are legal) and assignment to a building or unit. Part of {@link JpaLeaderService}.
 */
final class LeaderRecords {

    private final JpaTemplate jpa;

    /**
     * Pages of the listing in memory (a community's page of 20 is read far more often than its leaders change): kept
     * and invalidated as the public directory is ({@link DataVersion}: every write of leaders, assignments or places
     * moves it on, on any node), keyed by the caller's scopes, the filter, the page, its size, the order and the day
     * (the age filter counts years up to today). The caller's access is decided before, and each read is still audited
     * by the dispatcher; only pages of at most {@link #CACHED_PAGE} rows are kept, at most 2,000 entries in all.
     */
    private final ReferenceCache pages;
    static final int CACHED_PAGE = 200;
    private volatile int countCap = PageTotals.CAP;

    LeaderRecords(JpaTemplate jpa, BooleanSupplier shared) {
        this.jpa = jpa;
        this.pages = new ReferenceCache(() -> DataVersion.read(jpa), shared, 2_000);
    }

    Page<Leader> find(Set<String> scopes, String street, String community, String q, int page, int size,
            String sort) {
        return find(scopes, LeaderQuery.of(street, community, q), page, size, sort);
    }

    Page<Leader> find(Set<String> scopes, LeaderQuery filter, int page, int size, String sort) {
        if (size > CACHED_PAGE) {
            return load(scopes, filter, page, size, sort);
        }
        String key = new TreeSet<>(scopes) + "|" + filter + "|" + page + "|" + size + "|" + sort + "|"
                + LocalDate.now(Days.CHINA) + "|" + countCap;
        return pages.get(key, () -> load(scopes, filter, page, size, sort));
    }

    private Page<Leader> load(Set<String> scopes, LeaderQuery filter, int page, int size, String sort) {
        return jpa.txExpr(em -> {
            int cap = countCap;
            long counted = LeaderQueries.count(em, scopes, filter, cap);
            int first = (page - 1) * size;
            List<LeaderEntity> leaders = LeaderQueries.page(em, scopes, filter, sort, first, size);
            return PageTotals.page(dtos(em, leaders, true), counted, cap, first, size);
        });
    }

    SortedMap<Long, String> communities(Set<String> scopes, LeaderQuery filter) {
        return jpa.txExpr(em -> {
            TypedQuery<Object[]> q = Reads.readOnly(em.createQuery("select l.id, l.community from LeaderEntity l"
                    + LeaderQueries.where(scopes, filter), Object[].class));
            LeaderQueries.bind(q, scopes, filter);
            SortedMap<Long, String> out = new TreeMap<>();
            for (Object[] row : q.getResultList()) {
                out.put(((Number) row[0]).longValue(), (String) row[1]);
            }
            return out;
        });
    }

    /**
     * Of the given leaders, those within scope matching the query, with their communities: found by primary key
     * ({@code ID IN (...)} alone, at most {@link #AMONG_PER_READ} ids a read, so that Derby probes the key instead of
     * weighing the scope's {@code like} against it), the scope, street, community and statuses checked on each row read
     * ({@link WideScan#matches}, the same filter {@link WideScan#leaders} writes in SQL); a longer
     * list is answered by one read of the whole scope, filtered here.
     */
    SortedMap<Long, String> communities(Set<String> scopes, LeaderQuery filter, Collection<Long> among) {
        if (among.isEmpty()) {
            return new TreeMap<>();
        }
        List<Long> ids = new ArrayList<>(new TreeSet<>(among));
        boolean plain = WideScan.plain(filter);
        if (!plain || ids.size() > AMONG_PER_READ * 4) {
            SortedMap<Long, String> all = communities(scopes, filter);
            all.keySet().retainAll(new HashSet<>(ids));
            return all;
        }
        return jpa.txExpr(em -> {
            SortedMap<Long, String> out = new TreeMap<>();
            Connection c = em.unwrap(Connection.class);
            for (int i = 0; i < ids.size(); i += AMONG_PER_READ) {
                List<Long> part = ids.subList(i, Math.min(ids.size(), i + AMONG_PER_READ));
                String sql = "SELECT ID, COMMUNITY, STREET, STATUS FROM MDL_LEADER WHERE ID IN ("
                        + "?, ".repeat(part.size() - 1) + "?)";
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    for (int k = 0; k < part.size(); k++) {
                        p.setLong(k + 1, part.get(k));
                    }
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            String community = r.getString(2);
                            if (WideScan.matches(scopes, filter, r.getString(3), community, r.getString(4))) {
                                out.put(r.getLong(1), community);
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("读取失败 / could not read leaders: " + e.getMessage(), e);
                }
            }
            return out;
        });
    }

    /** Ids per {@code in} list of {@link #communities(Set, LeaderQuery, Collection)} and {@link #names}. */
    static final int AMONG_PER_READ = 500;

    /**
     * How many leaders within scope match, per community: one grouped count in the database ({@link WideScan}: one
     * pass over the table for a street or wider; the community index for a community's).
     */
    SortedMap<String, Long> countsByCommunity(Set<String> scopes, LeaderQuery filter) {
        boolean plain = WideScan.plain(filter);
        return jpa.txExpr(em -> {
            SortedMap<String, Long> out = new TreeMap<>();
            if (plain) {
                WideScan.Sql sql = WideScan.leaders("COMMUNITY, COUNT(*)", scopes, filter, " GROUP BY COMMUNITY");
                try (PreparedStatement p = sql.prepare(em.unwrap(Connection.class));
                        ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getLong(2));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("读取失败 / could not count leaders: " + e.getMessage(), e);
                }
                return out;
            }
            TypedQuery<Object[]> q = Reads.readOnly(em.createQuery("select l.community, count(l) from LeaderEntity l"
                    + LeaderQueries.where(scopes, filter) + " group by l.community", Object[].class));
            LeaderQueries.bind(q, scopes, filter);
            for (Object[] row : q.getResultList()) {
                out.put((String) row[0], ((Number) row[1]).longValue());
            }
            return out;
        });
    }

    void countCap(int cap) {
        countCap = cap;
    }

    long count(Set<String> scopes, LeaderQuery filter) {
        return jpa.txExpr(em -> LeaderQueries.countExact(em, scopes, filter));
    }

    Optional<Leader> leader(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(LeaderEntity.class, id))
                .map(l -> dtos(em, List.of(l), true).get(0)));
    }

    Map<Long, String> names(Collection<Long> ids) {
        List<Long> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += AMONG_PER_READ) {
            List<Long> part = distinct.subList(from, Math.min(distinct.size(), from + AMONG_PER_READ));
            for (Object[] row : jpa.txExpr(em -> em.createQuery("select l.id, l.name from LeaderEntity l where l.id "
                    + "in :ids", Object[].class).setParameter("ids", part).getResultList())) {
                names.put(((Number) row[0]).longValue(), (String) row[1]);
            }
        }
        return names;
    }

    Leader create(LeaderDraft d) throws ModelException {
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

    Leader update(long id, LeaderDraft d, long expectedVersion) throws ModelException {
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
                LocalDate today = LocalDate.now(Days.CHINA);
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

    Leader retire(long id, LocalDate on, long expectedVersion) throws ModelException {
        LocalDate day = on == null ? LocalDate.now(Days.CHINA) : on;
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

    /** Who serves the unit on the day; kept like the listing's pages (a ballot and a resident page ask it). */
    List<Leader> serving(String unitCode, LocalDate day) {
        if (!DivisionCodes.hasUnitForm(unitCode)) {
            return List.of();
        }
        return pages.get("serving|" + unitCode + "|" + day, () -> loadServing(unitCode, day));
    }

    private List<Leader> loadServing(String unitCode, LocalDate day) {
        String building = unitCode.substring(0, unitCode.indexOf('U'));
        return jpa.txExpr(em -> {
            // the unit's own leaders and its building's: both in the building's index (a unit's assignment names
            // its building too); "unit = :u or building = :b" read the whole table, every assignment of the city
            List<Long> ids = em.createQuery("select a.leader from AssignmentEntity a where a.building = :b and "
                    + "(a.unit = :u or a.unit is null)", Long.class).setParameter("u", unitCode)
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

    Leader nominate(LeaderDraft d) throws ModelException {
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

    Leader changeStatus(long id, LeaderStatus to, String workId) throws ModelException {
        LocalDate today = LocalDate.now(Days.CHINA);
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

    Leader assign(long id, LeaderDraft.Place place) throws ModelException {
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

    private static LeaderEntity found(EntityManager em, long id, long expectedVersion) {
        LeaderEntity l = existing(em, id);
        if (l.version != expectedVersion) {
            throw new Tx.Abort(ModelException.stale());
        }
        return l;
    }

    /** Copies the given fields, validating each. */
    static void apply(EntityManager em, LeaderEntity l, LeaderDraft d) {
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
            if (d.birthDate().isAfter(LocalDate.now(Days.CHINA)) || d.birthDate().getYear() < 1900) {
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
    static void requirePerson(LeaderDraft d) throws ModelException {
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
        return DataVersion.write(jpa, work);
    }
}
