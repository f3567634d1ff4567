package org.loumen.core.model.internal;

import static org.loumen.core.model.internal.Reads.hint;
import static org.loumen.core.model.internal.Reads.labels;
import static org.loumen.core.model.internal.Reads.readOnly;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.loumen.core.model.Assignment;
import org.loumen.core.model.Education;
import org.loumen.core.model.Gender;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderQuery;
import org.loumen.core.model.LeaderRole;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.ModelException.Reason;
import org.loumen.core.model.Nomination;
import org.loumen.core.model.PhoneConsent;

/**
 * Reading leaders: the listing's filters as JPQL, leaders within the caller's scopes, their assignments with labels,
 * and leaders as DTOs. Shared by the leader services' parts ({@link LeaderRecords}, {@link LeaderImportExport},
 * {@link ProfileReport}, {@link LeaderDirectory}).
 */
final class LeaderQueries {

    /** The most leader ids one read of a page lists. */
    static final int IDS_PER_READ = 1000;

    private LeaderQueries() {
    }

    /**
     * The latest birth date of a person 60 or older on the day: {@code Period.between(birth, day).getYears() >= 60}
     * exactly when {@code birth} is not after it (the profile report's rule, leap days included).
     */
    static LocalDate sixtiethBirthdayCutoff(LocalDate day) {
        return day.minusYears(60);
    }

    /** The where clause of a listing; scopes become {@code community like 'code%'} alternatives. */
    static String where(Set<String> scopes, LeaderQuery f) {
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
        if (f.statuses() != null) {
            w.append(f.statuses().isEmpty() ? " and 1 = 0" : " and l.status in :statuses");
        }
        if (f.role() != null) {
            w.append(" and exists (select a.id from AssignmentEntity a where a.leader = l.id and a.role = :role and "
                    + AssignmentEntity.IN_FORCE + ")");
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

    static void bind(TypedQuery<?> query, Set<String> scopes, LeaderQuery f) {
        Tx.bindScopes(query, scopes);
        LocalDate today = LocalDate.now(Days.CHINA);
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
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            query.setParameter("statuses", f.statuses().stream().map(Enum::name).toList());
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

    /** How many leaders the filter selects, exactly. */
    static long countExact(EntityManager em, Set<String> scopes, LeaderQuery filter) {
        TypedQuery<Long> query = em.createQuery("select count(l) from LeaderEntity l" + where(scopes, filter),
                Long.class);
        bind(query, scopes, filter);
        return query.getSingleResult();
    }

    /**
     * How many leaders the listing selects, up to {@code cap + 1} ({@link PageTotals}): the community codes of the
     * scope are read from the community index alone, and the read stops after the cap.
     */
    static long count(EntityManager em, Set<String> scopes, LeaderQuery filter, int cap) {
        TypedQuery<String> query = em.createQuery("select l.community from LeaderEntity l" + where(scopes, filter),
                String.class);
        bind(query, scopes, filter);
        return PageTotals.countUpTo(query, cap);
    }

    static List<LeaderEntity> query(EntityManager em, Set<String> scopes, String street, String community,
            String q, String sort, int first, int max) {
        return query(em, scopes, LeaderQuery.of(street, community, q), sort, first, max);
    }

    static List<LeaderEntity> query(EntityManager em, Set<String> scopes, LeaderQuery filter, String sort,
            int first, int max) {
        TypedQuery<LeaderEntity> query = readOnly(em.createQuery("select l from LeaderEntity l"
                + where(scopes, filter) + " order by " + order(sort), LeaderEntity.class));
        bind(query, scopes, filter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    static String order(String sort) {
        return switch (sort == null ? "name" : sort) {
            case "-name" -> "l.name desc, l.id";
            case "birthDate" -> "l.birthDate, l.id";
            case "-birthDate" -> "l.birthDate desc, l.id";
            case "id" -> "l.id";
            case "-id" -> "l.id desc";
            default -> "l.name, l.id";
        };
    }

    /**
     * One page of a listing, keys first: the ids of the page are found in sort order from the sort's index (which
     * also holds the community the scope is checked on, so the rows skipped before a middle page are never read),
     * then only the page's rows are loaded. At city scale a middle page skips tens of thousands of leaders.
     */
    static List<LeaderEntity> page(EntityManager em, Set<String> scopes, LeaderQuery filter, String sort, int first,
            int max) {
        List<Long> ids;
        if (SortIndex.applies(scopes, filter)) {
            ids = SortIndex.keys(em, scopes, sort, first, max);
        } else {
            TypedQuery<Long> keys = em.createQuery("select l.id from LeaderEntity l" + where(scopes, filter)
                    + " order by " + order(sort), Long.class);
            bind(keys, scopes, filter);
            ids = keys.setFirstResult(first).setMaxResults(max).getResultList();
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, LeaderEntity> byId = new HashMap<>();
        // a bounded list a read: Derby compiles each id into the statement's class, and a district's 100,000 in one
        // list made a class too big to load ("statement too complex", a 500); PostgreSQL takes at most 32,767
        for (int i = 0; i < ids.size(); i += IDS_PER_READ) {
            for (LeaderEntity l : readOnly(em.createQuery("select l from LeaderEntity l where l.id in :ids",
                    LeaderEntity.class)).setParameter("ids", ids.subList(i, Math.min(ids.size(), i + IDS_PER_READ)))
                    .getResultList()) {
                byId.put(l.id, l);
            }
        }
        // a leader removed between the two reads is left out, never answered as null
        return ids.stream().map(byId::get).filter(l -> l != null).toList();
    }

    /** Assignments of the given leaders with their building and unit labels, in start order. */
    static Map<Long, List<Assignment>> assignments(EntityManager em, List<LeaderEntity> leaders,
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

    static List<Leader> dtos(EntityManager em, List<LeaderEntity> leaders, boolean reading) {
        Map<Long, List<Assignment>> assignments = assignments(em, leaders, reading);
        return leaders.stream().map(l -> dto(l, assignments.getOrDefault(l.id, List.of()))).toList();
    }

    static Leader dto(LeaderEntity l, List<Assignment> assignments) {
        return new Leader(l.id, l.name, Gender.valueOf(l.gender), l.birthDate, Education.valueOf(l.education),
                l.partyMember, l.phone, Nomination.valueOf(l.nomination), l.liaison, LeaderStatus.valueOf(l.status),
                l.street, l.community, l.workId, assignments, l.version, l.phoneConsentAt == null ? null
                        : new PhoneConsent(Instant.ofEpochMilli(l.phoneConsentAt), l.phoneConsentBy));
    }

    static LeaderEntity existing(EntityManager em, long id) {
        LeaderEntity l = em.find(LeaderEntity.class, id);
        if (l == null) {
            throw new Tx.Abort(new ModelException(Reason.NOT_FOUND, "id", "没有此楼门栋长 / no such leader: " + id));
        }
        return l;
    }
}
