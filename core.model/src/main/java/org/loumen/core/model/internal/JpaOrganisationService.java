package org.loumen.core.model.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.RollbackException;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Building;
import org.loumen.core.model.Community;
import org.loumen.core.model.Grid;
import org.loumen.core.model.CommunityKind;
import org.loumen.core.model.District;
import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.ModelException.Reason;
import org.loumen.core.model.NewCommunity;
import org.loumen.core.model.OrganisationService;
import org.loumen.core.model.Street;
import org.loumen.core.model.Unit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The organisation tree in the {@code loumen.core} persistence unit; the shipped reference tree (the Jinnan district
 * and its township-level units) is made sure of before the unit's first use ({@link CoreStore}).
 */
@Component(service = OrganisationService.class, immediate = true)
public final class JpaOrganisationService implements OrganisationService {

    private final JpaTemplate jpa;
    /** Streets and communities in memory for the public reads; see {@link ReferenceCache}. */
    private final ReferenceCache cache;
    /** Communities' buildings and units, the ones last asked for (a city has thousands of communities). */
    private final ReferenceCache buildingsCache;

    @Activate
    public JpaOrganisationService(@Reference CoreStore store) {
        this.jpa = store.jpa();
        this.cache = new ReferenceCache(() -> DataVersion.read(jpa), store::shared);
        this.buildingsCache = new ReferenceCache(() -> DataVersion.read(jpa), store::shared, 256);
    }

    @Override
    public District district() {
        return jpa.txExpr(em -> em.createQuery("select d from DistrictEntity d", DistrictEntity.class)
                .setMaxResults(1).getResultList().stream().findFirst().map(DistrictEntity::toDto)
                .orElseThrow(() -> new IllegalStateException("no district stored")));
    }

    /** A write of the organisation tree ({@link DataVersion#writeTree}). */
    private <T> T write(EmFunction<T> work) {
        return DataVersion.writeTree(jpa, work);
    }

    @Override
    public List<Street> streets() {
        return cache.get("streets", this::loadStreets);
    }

    private List<Street> loadStreets() {
        return jpa.txExpr(em -> {
            Map<String, Integer> counts = communityCounts(em);
            return em.createQuery("select s from StreetEntity s order by s.code", StreetEntity.class)
                    .getResultList().stream().map(s -> s.toDto(counts.getOrDefault(s.code(), 0))).toList();
        });
    }

    private static Map<String, Integer> communityCounts(EntityManager em) {
        Map<String, Integer> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select c.street, count(c) from CommunityEntity c group by c.street",
                Object[].class).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    @Override
    public Optional<Street> street(String code) {
        if (!DivisionCodes.isStreetCode(code)) {
            return Optional.empty();
        }
        // from the cached list (the same rows and counts): every place label names its street
        return streets().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    @Override
    public List<Community> communities(String streetCode) throws ModelException {
        if (!DivisionCodes.isStreetCode(streetCode)) {
            throw new ModelException(Reason.INVALID, "street", "街道代码须为 9 位数字 / street code must be 9 digits");
        }
        return communitiesOf(streetCode).orElseThrow(
                () -> new ModelException(Reason.NOT_FOUND, "street", "街道不存在 / no such street: " + streetCode));
    }

    /**
     * A street's communities from the cache, or empty when there is no such street. Only streets that exist are kept:
     * made-up codes asked on public routes fill no memory.
     */
    private Optional<List<Community>> communitiesOf(String streetCode) {
        return cache.get("communities " + streetCode, () -> Optional.ofNullable(jpa.txExpr(
                em -> em.find(StreetEntity.class, streetCode) == null ? null
                        : em.createQuery("select c from CommunityEntity c where c.street = :s order by c.code",
                                CommunityEntity.class).setParameter("s", streetCode).getResultList().stream()
                                .map(CommunityEntity::toDto).toList())), Optional::isPresent);
    }

    /**
     * One community, from its street's cached list: every listing, profile and public page names communities, and a
     * database round trip for each cost a quarter of a signed-in listing's CPU (JFR). A community's code always begins
     * with its street's.
     */
    @Override
    public Optional<Community> community(String code) {
        if (!DivisionCodes.isCommunityCode(code)) {
            return Optional.empty();
        }
        return communitiesOf(DivisionCodes.streetOf(code))
                .flatMap(list -> list.stream().filter(c -> c.code().equals(code)).findFirst());
    }

    @Override
    public Community addCommunity(NewCommunity c) throws ModelException {
        if (c == null) {
            throw new ModelException(Reason.INVALID, "community", "缺少社区 / community is missing");
        }
        if (!DivisionCodes.isCommunityCode(c.code())) {
            throw new ModelException(Reason.INVALID, "code",
                    "社区代码须为 12 位数字，前 9 位为街道代码 / community code must be 12 digits beginning with the street code");
        }
        String name = validName(c.name());
        String street = DivisionCodes.streetOf(c.code());
        CommunityKind kind = c.kind() != null ? c.kind() : DivisionCodes.communityKind(c.code());
        Object outcome = Tx.retrying(() -> write(em -> {
            if (em.find(StreetEntity.class, street) == null) {
                return Reason.NOT_FOUND;
            }
            if (em.find(CommunityEntity.class, c.code()) != null) {
                return Reason.CONFLICT;
            }
            CommunityEntity entity = new CommunityEntity(c.code(), street, name, kind);
            em.persist(entity);
            em.flush();
            return entity.toDto();
        }));
        ReferenceCache.changed();
        if (outcome == Reason.NOT_FOUND) {
            throw new ModelException(Reason.NOT_FOUND, "code", "所属街道不存在 / no street " + street);
        }
        if (outcome == Reason.CONFLICT) {
            throw new ModelException(Reason.CONFLICT, "code", "社区代码已存在 / community code already exists: "
                    + c.code());
        }
        return (Community) outcome;
    }

    @Override
    public Community renameCommunity(String code, String newName, long expectedVersion) throws ModelException {
        String name = validName(newName);
        Object outcome;
        try {
            outcome = write(em -> {
                CommunityEntity entity = em.find(CommunityEntity.class, code);
                if (entity == null) {
                    return Reason.NOT_FOUND;
                }
                if (entity.version() != expectedVersion) {
                    return Reason.STALE;
                }
                entity.rename(name);
                em.flush();
                return entity.toDto();
            });
        } catch (OptimisticLockException | RollbackException e) {
            // a concurrent writer committed between our read and our flush
            outcome = Reason.STALE;
        } finally {
            ReferenceCache.changed();
        }
        if (outcome == Reason.NOT_FOUND) {
            throw new ModelException(Reason.NOT_FOUND, "code", "社区不存在 / no such community: " + code);
        }
        if (outcome == Reason.STALE) {
            throw ModelException.stale();
        }
        return (Community) outcome;
    }

    private static String validName(String name) throws ModelException {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 60) {
            throw new ModelException(Reason.INVALID, "name", "名称须为 1 至 60 个字符 / name must be 1-60 characters");
        }
        return n;
    }

    @Override
    public List<Building> buildings(String communityCode) throws ModelException {
        // kept like the communities: every place label (2号楼1单元) of a listing reads its community's buildings
        Optional<List<Building>> result = buildingsCache.get("buildings " + communityCode,
                () -> Optional.ofNullable(loadBuildings(communityCode)), Optional::isPresent);
        return result.orElseThrow(() -> new ModelException(Reason.NOT_FOUND, "community",
                "社区不存在 / no such community: " + communityCode));
    }

    private List<Building> loadBuildings(String communityCode) {
        return jpa.txExpr(em -> {
            if (!DivisionCodes.isCommunityCode(communityCode)
                    || em.find(CommunityEntity.class, communityCode) == null) {
                return null;
            }
            Map<String, List<Unit>> units = new HashMap<>();
            for (UnitEntity u : em.createQuery("select u from UnitEntity u where u.code like :c order by u.code",
                    UnitEntity.class).setParameter("c", communityCode + "%").getResultList()) {
                units.computeIfAbsent(u.building, k -> new java.util.ArrayList<>())
                        .add(new Unit(u.code, u.building, u.label, u.version));
            }
            return em.createQuery("select b from BuildingEntity b where b.community = :c order by b.code",
                    BuildingEntity.class).setParameter("c", communityCode).getResultList().stream()
                    .map(b -> new Building(b.code, b.community, b.label, b.grid,
                            List.copyOf(units.getOrDefault(b.code, List.of())), b.version))
                    .toList();
        });
    }

    @Override
    public Building addBuilding(String communityCode, String label) throws ModelException {
        String l = validLabel(label);
        Object outcome = Tx.retrying(() -> write(em -> {
            if (em.find(CommunityEntity.class, communityCode) == null) {
                return Reason.NOT_FOUND;
            }
            List<BuildingEntity> existing = em.createQuery("select b from BuildingEntity b where b.community = :c",
                    BuildingEntity.class).setParameter("c", communityCode).getResultList();
            if (existing.stream().anyMatch(b -> b.label.equals(l))) {
                return Reason.CONFLICT;
            }
            int next = existing.stream().mapToInt(b -> Integer.parseInt(b.code.substring(13))).max().orElse(0) + 1;
            if (next > 999) {
                return Reason.INVALID;
            }
            BuildingEntity b = new BuildingEntity(communityCode + "B" + String.format("%03d", next), communityCode, l);
            em.persist(b);
            em.flush();
            return new Building(b.code, b.community, b.label, null, List.of(), b.version);
        }));
        if (outcome instanceof Building b) {
            return b;
        }
        throw switch ((Reason) outcome) {
            case NOT_FOUND -> new ModelException(Reason.NOT_FOUND, "community",
                    "社区不存在 / no such community: " + communityCode);
            case CONFLICT -> new ModelException(Reason.CONFLICT, "label",
                    "该社区已有同名楼栋 / the community already has a building with this label");
            default -> new ModelException(Reason.INVALID, "label", "楼栋过多 / too many buildings");
        };
    }

    @Override
    public Unit addUnit(String buildingCode, String label) throws ModelException {
        String l = validLabel(label);
        Object outcome = Tx.retrying(() -> write(em -> {
            if (buildingCode == null || em.find(BuildingEntity.class, buildingCode) == null) {
                return Reason.NOT_FOUND;
            }
            List<UnitEntity> existing = em.createQuery("select u from UnitEntity u where u.building = :b",
                    UnitEntity.class).setParameter("b", buildingCode).getResultList();
            if (existing.stream().anyMatch(u -> u.label.equals(l))) {
                return Reason.CONFLICT;
            }
            int next = existing.stream().mapToInt(u -> Integer.parseInt(u.code.substring(u.code.length() - 2)))
                    .max().orElse(0) + 1;
            if (next > 99) {
                return Reason.INVALID;
            }
            UnitEntity u = new UnitEntity(buildingCode + "U" + String.format("%02d", next), buildingCode, l);
            em.persist(u);
            em.flush();
            return new Unit(u.code, u.building, u.label, u.version);
        }));
        if (outcome instanceof Unit u) {
            return u;
        }
        throw switch ((Reason) outcome) {
            case NOT_FOUND -> new ModelException(Reason.NOT_FOUND, "building",
                    "楼栋不存在 / no such building: " + buildingCode);
            case CONFLICT -> new ModelException(Reason.CONFLICT, "label",
                    "该楼栋已有同名单元 / the building already has a unit with this label");
            default -> new ModelException(Reason.INVALID, "label", "单元过多 / too many units");
        };
    }

    @Override
    public Building renameBuilding(String code, String label, long expectedVersion) throws ModelException {
        String l = validLabel(label);
        Object outcome;
        try {
            outcome = write(em -> {
                BuildingEntity b = code == null ? null : em.find(BuildingEntity.class, code);
                if (b == null) {
                    return Reason.NOT_FOUND;
                }
                if (b.version != expectedVersion) {
                    return Reason.STALE;
                }
                if (!em.createQuery("select b.code from BuildingEntity b where b.community = :c and b.label = :l "
                        + "and b.code <> :code", String.class).setParameter("c", b.community).setParameter("l", l)
                        .setParameter("code", code).getResultList().isEmpty()) {
                    return Reason.CONFLICT;
                }
                b.label = l;
                em.flush();
                return b.code;
            });
        } catch (OptimisticLockException | RollbackException e) {
            outcome = Reason.STALE; // a concurrent writer committed between our read and our flush
        }
        if (outcome instanceof Reason reason) {
            throw switch (reason) {
                case NOT_FOUND -> new ModelException(Reason.NOT_FOUND, "building", "楼栋不存在 / no such building: "
                        + code);
                case CONFLICT -> new ModelException(Reason.CONFLICT, "label",
                        "该社区已有同名楼栋 / the community already has a building with this label");
                default -> ModelException.stale();
            };
        }
        return buildings(code.substring(0, 12)).stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow();
    }

    @Override
    public Unit renameUnit(String code, String label, long expectedVersion) throws ModelException {
        String l = validLabel(label);
        Object outcome;
        try {
            outcome = write(em -> {
                UnitEntity u = code == null ? null : em.find(UnitEntity.class, code);
                if (u == null) {
                    return Reason.NOT_FOUND;
                }
                if (u.version != expectedVersion) {
                    return Reason.STALE;
                }
                if (!em.createQuery("select u.code from UnitEntity u where u.building = :b and u.label = :l "
                        + "and u.code <> :code", String.class).setParameter("b", u.building).setParameter("l", l)
                        .setParameter("code", code).getResultList().isEmpty()) {
                    return Reason.CONFLICT;
                }
                u.label = l;
                em.flush();
                return u.code;
            });
        } catch (OptimisticLockException | RollbackException e) {
            outcome = Reason.STALE;
        }
        if (outcome instanceof Reason reason) {
            throw switch (reason) {
                case NOT_FOUND -> new ModelException(Reason.NOT_FOUND, "unit", "单元不存在 / no such unit: " + code);
                case CONFLICT -> new ModelException(Reason.CONFLICT, "label",
                        "该楼栋已有同名单元 / the building already has a unit with this label");
                default -> ModelException.stale();
            };
        }
        return jpa.txExpr(em -> {
            UnitEntity u = em.find(UnitEntity.class, code);
            return new Unit(u.code, u.building, u.label, u.version);
        });
    }

    private static String validLabel(String label) throws ModelException {
        String l = label == null ? "" : label.strip();
        if (l.isEmpty() || l.length() > 40) {
            throw new ModelException(Reason.INVALID, "label", "名称须为 1 至 40 个字符 / label must be 1-40 characters");
        }
        return l;
    }

    @Override
    public List<Grid> grids(String communityCode) throws ModelException {
        List<Grid> result = jpa.txExpr(em -> em.find(CommunityEntity.class, communityCode) == null ? null
                : em.createQuery("select g from GridEntity g where g.community = :c order by g.code", GridEntity.class)
                        .setParameter("c", communityCode).getResultList().stream()
                        .map(g -> new Grid(g.code, g.community, g.name)).toList());
        if (result == null) {
            throw new ModelException(Reason.NOT_FOUND, "community", "社区不存在 / no such community: " + communityCode);
        }
        return result;
    }

    @Override
    public Grid addGrid(String communityCode, String name) throws ModelException {
        String n = validLabel(name);
        Object outcome = Tx.retrying(() -> write(em -> {
            if (em.find(CommunityEntity.class, communityCode) == null) {
                return Reason.NOT_FOUND;
            }
            List<GridEntity> existing = em.createQuery("select g from GridEntity g where g.community = :c",
                    GridEntity.class).setParameter("c", communityCode).getResultList();
            if (existing.stream().anyMatch(g -> g.name.equals(n))) {
                return Reason.CONFLICT;
            }
            int next = existing.stream().mapToInt(g -> Integer.parseInt(g.code.substring(13))).max().orElse(0) + 1;
            if (next > 99) {
                return Reason.INVALID;
            }
            GridEntity g = new GridEntity(communityCode + "G" + String.format("%02d", next), communityCode, n);
            em.persist(g);
            return new Grid(g.code, g.community, g.name);
        }));
        if (outcome instanceof Grid g) {
            return g;
        }
        throw switch ((Reason) outcome) {
            case NOT_FOUND -> new ModelException(Reason.NOT_FOUND, "community",
                    "社区不存在 / no such community: " + communityCode);
            case CONFLICT -> new ModelException(Reason.CONFLICT, "name",
                    "该社区已有同名网格 / the community already has a grid with this name");
            default -> new ModelException(Reason.INVALID, "name", "网格过多 / too many grids");
        };
    }

    @Override
    public Building placeInGrid(String buildingCode, String gridCode) throws ModelException {
        Object outcome = write(em -> {
            BuildingEntity b = buildingCode == null ? null : em.find(BuildingEntity.class, buildingCode);
            if (b == null) {
                return Reason.NOT_FOUND;
            }
            if (gridCode != null) {
                GridEntity g = em.find(GridEntity.class, gridCode);
                if (g == null || !g.community.equals(b.community)) {
                    return Reason.INVALID;
                }
            }
            b.grid = gridCode;
            em.flush();
            return b.code;
        });
        if (outcome == Reason.NOT_FOUND) {
            throw new ModelException(Reason.NOT_FOUND, "building", "楼栋不存在 / no such building: " + buildingCode);
        }
        if (outcome == Reason.INVALID) {
            throw new ModelException(Reason.INVALID, "grid", "该楼栋所在社区没有此网格 / no such grid in the building's "
                    + "community");
        }
        String community = buildingCode.substring(0, 12);
        return buildings(community).stream().filter(x -> x.code().equals(buildingCode)).findFirst().orElseThrow();
    }
}
