package org.loumen.core.model.internal;

import java.sql.Connection;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.db.schema.DeclaredIndexes;
import org.loumen.core.db.schema.FirstUse;
import org.loumen.core.model.DivisionCodes;
import org.loumen.domain.SharedStore;
import org.loumen.web.PlatformStarted;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence unit {@code loumen.core} made ready before its first use (核心数据就绪): the declared indexes added
 * to an existing database and the shipped organisation tree (district, streets, communities) stored. Every service of
 * this bundle reaches the unit through {@link #jpa()}, so no read finds the tree missing on a new database — and a
 * start does none of this on the start level's thread (issue 17): it is done at the first use, and in the background
 * once the platform has started.
 *
 * <p>Registered under this bundle-private type: no other bundle can see the service.
 */
@Component(service = CoreStore.class)
public final class CoreStore {

    static final String REFERENCE_DATA = "/reference/jinnan.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(CoreStore.class);

    private final FirstUse ready;
    private final JpaTemplate jpa;
    /** Whether other nodes may write to the database; known once the gate is passed (shared until then: safe). */
    private volatile boolean shared = true;

    @Activate
    public CoreStore(@Reference(target = "(osgi.unit.name=loumen.core)") JpaTemplate unit) {
        this.ready = new FirstUse("核心数据就绪：索引与基础组织架构 / core data ready: indexes and the reference tree",
                () -> prepare(unit));
        this.jpa = ready.guard(unit);
    }

    /** The unit, every transaction behind the readiness gate. */
    JpaTemplate jpa() {
        return jpa;
    }

    /**
     * Whether other nodes may write to the database (false only for embedded Derby, which no other process can open
     * while this one runs): asked of a connection once, in the gate, not at each cache's first read inside a caller's
     * transaction, where {@code unwrap(Connection)} ties the transaction to its connection and each read-only query
     * after it takes a second one from the pool.
     */
    boolean shared() {
        ready.pass();
        return shared;
    }

    /** Once the platform has started, the unit is made ready before the first request comes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void started(PlatformStarted started) {
        ready.passInBackground();
    }

    void unstarted(PlatformStarted started) {
        // nothing to undo
    }

    private void prepare(JpaTemplate unit) {
        shared = unit.txExpr(em -> SharedStore.shared(em.unwrap(Connection.class)));
        try {
            int indexes = unit.txExpr(em -> DeclaredIndexes.ensure(em.unwrap(Connection.class), StreetEntity.class,
                    CommunityEntity.class, GridEntity.class, BuildingEntity.class, UnitEntity.class,
                    LeaderEntity.class, AssignmentEntity.class, HouseholdEntity.class));
            if (indexes > 0) {
                LOG.info("Indexes added to an existing database: {}", indexes);
            }
        } catch (RuntimeException e) {
            // an index only speeds reads up: without it the platform still serves, more slowly; retried next start
            LOG.warn("Could not add a declared index (retried at the next start): {}", e.getMessage());
        }
        int added = loadReferenceData(unit);
        if (added > 0) {
            LOG.info("Reference organisation tree: {} entries added", added);
        }
    }

    /** Inserts the shipped district, streets and communities that are not yet stored; never changes stored rows. */
    static int loadReferenceData(JpaTemplate unit) {
        List<String[]> rows = Tsv.read(REFERENCE_DATA, 4);
        // read first, and write (moving the version on, which empties every node's caches) only when a row is
        // missing — on a warm folder nothing is
        if (unit.txExpr(em -> rows.stream().allMatch(r -> em.find(entityOf(r[1]), r[0]) != null))) {
            return 0;
        }
        return DataVersion.writeTree(unit, em -> {
            int added = 0;
            for (String[] r : rows) {
                String code = r[0];
                switch (r[1]) {
                    case "DISTRICT" -> {
                        if (em.find(DistrictEntity.class, code) == null) {
                            em.persist(new DistrictEntity(code, r[2], r[3]));
                            added++;
                        }
                    }
                    case "STREET" -> {
                        if (em.find(StreetEntity.class, code) == null) {
                            em.persist(new StreetEntity(code, DivisionCodes.districtOf(code), r[2], r[3],
                                    DivisionCodes.streetKind(code)));
                            added++;
                        }
                    }
                    case "COMMUNITY" -> {
                        if (em.find(CommunityEntity.class, code) == null) {
                            em.persist(new CommunityEntity(code, DivisionCodes.streetOf(code), r[2],
                                    DivisionCodes.communityKind(code)));
                            added++;
                        }
                    }
                    default -> throw new IllegalStateException("bad level in " + REFERENCE_DATA + ": " + r[1]);
                }
            }
            return added;
        });
    }

    private static Class<?> entityOf(String level) {
        return switch (level) {
            case "DISTRICT" -> DistrictEntity.class;
            case "STREET" -> StreetEntity.class;
            case "COMMUNITY" -> CommunityEntity.class;
            default -> throw new IllegalStateException("bad level in " + REFERENCE_DATA + ": " + level);
        };
    }
}
