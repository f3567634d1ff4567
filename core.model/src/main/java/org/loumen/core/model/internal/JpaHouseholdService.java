package org.loumen.core.model.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Household;
import org.loumen.core.model.HouseholdDraft;
import org.loumen.core.model.HouseholdService;
import org.loumen.core.model.ImportException;
import org.loumen.core.model.ImportException.Problem;
import org.loumen.core.model.ImportResult;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.ModelException.Reason;
import org.loumen.core.model.Page;
import org.loumen.core.model.SpecialGroup;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/** Households in the {@code loumen.core} persistence unit. */
@Component(service = HouseholdService.class, configurationPid = ListingConfig.PID)
public final class JpaHouseholdService implements HouseholdService {

    private final JpaTemplate jpa;
    private volatile int countCap;

    @Activate
    public JpaHouseholdService(@Reference CoreStore store, ListingConfig listing) {
        this.jpa = store.jpa();
        modified(listing);
    }

    @Modified
    void modified(ListingConfig listing) {
        countCap = PageTotals.cap(listing);
    }

    @Override
    public ImportResult importHouseholds(byte[] csv, Set<String> scopes) throws ImportException {
        List<ImportRows.HouseholdRow> rows = ImportRows.households(Csv.parse(csv, ImportRows.HOUSEHOLD_COLUMNS));
        try {
            return Tx.retrying(() -> jpa.txExpr(DataVersion.bumping(em -> {
                Places places = new Places(em);
                List<Problem> problems = new ArrayList<>();
                List<Object[]> resolved = new ArrayList<>();
                for (ImportRows.HouseholdRow r : rows) {
                    Places.Resolved at = places.resolve(r.row(), r.place(), scopes, problems);
                    if (at != null) {
                        resolved.add(new Object[] { r, at });
                    }
                }
                // the rooms already taken in the import's communities only: a city holds millions of households
                List<String> communities = resolved.stream().map(p -> ((Places.Resolved) p[1]).community())
                        .distinct().toList();
                Set<String> taken = new HashSet<>();
                for (int i = 0; i < communities.size(); i += 500) {
                    for (Object[] r : em.createQuery("select h.unit, h.room from HouseholdEntity h "
                            + "where h.community in :c", Object[].class)
                            .setParameter("c", communities.subList(i, Math.min(communities.size(), i + 500)))
                            .getResultList()) {
                        taken.add(r[0] + "|" + r[1]);
                    }
                }
                List<Object[]> out = new ArrayList<>();
                for (Object[] pair : resolved) {
                    ImportRows.HouseholdRow r = (ImportRows.HouseholdRow) pair[0];
                    Places.Resolved at = (Places.Resolved) pair[1];
                    if (taken.contains(at.unit() + "|" + r.room())) {
                        problems.add(new Problem(r.row(), "room", r.room(),
                                "该户已登记 / this household is already registered"));
                        continue;
                    }
                    // BulkRows.HOUSEHOLDS, the id set below
                    out.add(new Object[] { null, at.community(), at.unit(), r.room(), r.headName(), r.members(),
                            r.phone(), join(r.specialGroups()), BulkRows.FIRST_VERSION });
                }
                if (!problems.isEmpty()) {
                    problems.sort(Comparator.comparingInt(Problem::row));
                    throw new Tx.Abort(new ImportException(problems));
                }
                // plain rows over the transaction's connection, no entity objects; ids from the generator's row
                places.write();
                long id = BulkRows.ids(places.connection(), "HOUSEHOLD", out.size());
                for (Object[] h : out) {
                    h[0] = id++;
                }
                BulkRows.insert(places.connection(), BulkRows.HOUSEHOLDS, out);
                return new ImportResult(out.size(), new ImportResult.Created(places.createdCommunities,
                        places.createdBuildings, places.createdUnits));
            })));
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

    static String join(Set<SpecialGroup> groups) {
        return groups == null ? "" : groups.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<SpecialGroup> split(String groups) {
        Set<SpecialGroup> out = EnumSet.noneOf(SpecialGroup.class);
        if (groups != null && !groups.isEmpty()) {
            Arrays.stream(groups.split(",")).map(SpecialGroup::valueOf).forEach(out::add);
        }
        return out;
    }

    @Override
    public Page<Household> find(Set<String> scopes, String community, String unit, SpecialGroup group, int page,
            int size) {
        return jpa.txExpr(em -> page(em, new HouseholdQueries(scopes, community, unit, group, null),
                (long) (page - 1) * size, size));
    }

    @Override
    public Page<Household> findAfter(Set<String> scopes, String community, String unit, SpecialGroup group,
            String after, int size) throws ModelException {
        HouseholdQueries filter = new HouseholdQueries(scopes, community, unit, group,
                after == null ? null : HouseholdCursor.decode(after));
        return jpa.txExpr(em -> page(em, filter, after == null ? 0 : -1, size));
    }

    /**
     * A page: {@code first} rows skipped ({@code OFFSET}, read through in the index), or -1 when the filter starts
     * after a cursor. One key more than the page is read to know whether there is a next page.
     */
    private Page<Household> page(EntityManager em, HouseholdQueries filter, long first, int size) {
        // counted up to the cap (PageTotals): the scope's unit codes from the (UNIT, ROOM) index alone
        HouseholdQueries all = filter.fromStart();
        TypedQuery<String> count = em.createQuery("select h.unit from HouseholdEntity h" + all.where(), String.class);
        all.bind(count);
        // keys first: the page's (unit, room) pairs in order from the unique index on them alone (the rows
        // skipped before a middle page are never read), then the page's rows of those units
        TypedQuery<Object[]> keys = em.createQuery("select h.unit, h.room from HouseholdEntity h" + filter.where()
                + " order by h.unit, h.room", Object[].class);
        filter.bind(keys);
        int cap = countCap;
        long counted = PageTotals.countUpTo(count, cap);
        List<Object[]> wanted = new ArrayList<>(keys.setFirstResult((int) Math.min(Integer.MAX_VALUE,
                Math.max(0, first))).setMaxResults(size + 1).getResultList());
        String next = null;
        if (wanted.size() > size) {
            wanted = wanted.subList(0, size);
            Object[] last = wanted.get(size - 1);
            next = new HouseholdCursor((String) last[0], (String) last[1]).encode();
        }
        List<Household> items = List.of();
        if (!wanted.isEmpty()) {
            Map<String, HouseholdEntity> byKey = new java.util.HashMap<>();
            for (HouseholdEntity h : Reads.readOnly(em.createQuery("select h from HouseholdEntity h "
                    + "where h.unit in :units", HouseholdEntity.class)).setParameter("units",
                            wanted.stream().map(k -> (String) k[0]).distinct().toList()).getResultList()) {
                byKey.put(h.unit + "|" + h.room, h);
            }
            // a household removed between the two reads is left out, never answered as null
            items = dtos(em, wanted.stream().map(k -> byKey.get(k[0] + "|" + k[1])).filter(h -> h != null)
                    .toList());
        }
        return PageTotals.page(items, counted, cap, first, size, next);
    }

    @Override
    public List<Household> tagged(Set<String> scopes, String community, String unit) {
        // untagged households hold '' (never null): "> ''" is a range of the tags index, not a scan of every row
        HouseholdQueries filter = new HouseholdQueries(scopes, community, unit, null, null);
        return jpa.txExpr(em -> {
            TypedQuery<HouseholdEntity> q = Reads.readOnly(em.createQuery("select h from HouseholdEntity h"
                    + filter.where("h.specialGroups > ''") + " order by h.unit, h.room", HouseholdEntity.class));
            filter.bind(q);
            return dtos(em, q.getResultList());
        });
    }

    private static List<Household> dtos(EntityManager em, List<HouseholdEntity> list) {
        Set<String> units = list.stream().map(h -> h.unit).collect(Collectors.toSet());
        Set<String> buildings = units.stream().map(u -> u.substring(0, u.indexOf('U'))).collect(Collectors.toSet());
        Map<String, String> labels = Reads.labels(em, buildings, units);
        return list.stream().map(h -> {
            String building = h.unit.substring(0, h.unit.indexOf('U'));
            return new Household(h.id, h.community.substring(0, 9), h.community, building, labels.get(building),
                    h.unit, labels.get(h.unit), h.room, h.headName, h.members, h.phone, split(h.specialGroups),
                    h.version);
        }).toList();
    }

    @Override
    public Optional<Household> household(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(HouseholdEntity.class, id))
                .map(h -> dtos(em, List.of(h)).get(0)));
    }

    @Override
    public Household create(HouseholdDraft d) throws ModelException {
        if (d == null || d.unit() == null) {
            throw new ModelException(Reason.INVALID, "unit", "缺少单元 / unit is required");
        }
        return write(em -> {
            HouseholdEntity h = new HouseholdEntity();
            apply(em, h, d, true);
            em.persist(h);
            em.flush();
            return dtos(em, List.of(h)).get(0);
        });
    }

    @Override
    public Household update(long id, HouseholdDraft d, long expectedVersion) throws ModelException {
        if (d == null) {
            throw new ModelException(Reason.INVALID, "household", "缺少请求体 / body is missing");
        }
        return write(em -> {
            HouseholdEntity h = em.find(HouseholdEntity.class, id);
            if (h == null) {
                throw new Tx.Abort(new ModelException(Reason.NOT_FOUND, "id", "没有此住户 / no such household"));
            }
            if (h.version != expectedVersion) {
                throw new Tx.Abort(ModelException.stale());
            }
            apply(em, h, d, false);
            em.flush();
            return dtos(em, List.of(h)).get(0);
        });
    }

    private static void apply(EntityManager em, HouseholdEntity h, HouseholdDraft d, boolean create) {
        if (d.unit() != null && (create || !d.unit().equals(h.unit))) {
            UnitEntity u = em.find(UnitEntity.class, d.unit());
            if (u == null) {
                throw invalid("unit", "没有此单元 / no such unit");
            }
            h.unit = u.code;
            h.community = u.code.substring(0, 12);
        }
        if (create || d.room() != null) {
            String room = d.room() == null ? "" : d.room().strip();
            if (room.isEmpty() || room.length() > 20) {
                throw invalid("room", "房号须为 1 至 20 个字符 / room must be 1-20 characters");
            }
            h.room = room;
        }
        if (create || d.headName() != null) {
            String head = d.headName() == null ? "" : d.headName().strip();
            if (head.isEmpty() || head.length() > 40) {
                throw invalid("headName", "户主姓名须为 1 至 40 个字符 / headName must be 1-40 characters");
            }
            h.headName = head;
        }
        if (create || d.members() != null) {
            if (d.members() == null || d.members() < 1 || d.members() > 30) {
                throw invalid("members", "人数须为 1 至 30 / members must be 1 to 30");
            }
            h.members = d.members();
        }
        if (d.phone() != null) {
            if (!d.phone().isEmpty() && !ImportRows.MOBILE.matcher(d.phone()).matches()
                    && !ImportRows.LANDLINE.matcher(d.phone()).matches()) {
                throw invalid("phone", "须为手机或固定电话号码 / must be a mobile or landline number");
            }
            h.phone = d.phone().isEmpty() ? null : d.phone();
        }
        if (d.specialGroups() != null) {
            h.specialGroups = join(d.specialGroups());
        }
        Long self = h.id == null ? -1L : h.id;
        boolean taken = !em.createQuery("select h.id from HouseholdEntity h where h.unit = :u and h.room = :r "
                + "and h.id <> :self", Long.class).setParameter("u", h.unit).setParameter("r", h.room)
                .setParameter("self", self).setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new Tx.Abort(new ModelException(Reason.CONFLICT, "room",
                    "该单元已有此房号的住户 / this unit already has a household in that room"));
        }
    }

    private static Tx.Abort invalid(String field, String message) {
        return new Tx.Abort(new ModelException(Reason.INVALID, field, message));
    }

    private Household write(Function<EntityManager, Household> work) throws ModelException {
        return Tx.write(jpa, work);
    }
}
