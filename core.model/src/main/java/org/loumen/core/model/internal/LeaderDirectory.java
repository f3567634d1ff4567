package org.loumen.core.model.internal;

import static org.loumen.core.model.internal.LeaderQueries.assignments;
import static org.loumen.core.model.internal.LeaderQueries.dtos;
import static org.loumen.core.model.internal.LeaderQueries.existing;
import static org.loumen.core.model.internal.Reads.readOnly;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.Assignment;
import org.loumen.core.model.Leader;
import org.loumen.core.model.LeaderStatus;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.PublicLeader;

/**
 * The public directory of a community (楼门栋长公示): who serves which building or unit, the phone masked unless the
 * leader consented, and recording that consent. Part of {@link JpaLeaderService}.
 */
final class LeaderDirectory {

    private final JpaTemplate jpa;

    /**
     * Each community's directory as of a day, in memory: read by residents and posters far more often than leaders
     * change, and every write of leaders, assignments or the organisation tree moves {@link DataVersion} on, on any
     * node. Only directories that list someone are kept, so asking for made-up community codes fills nothing.
     */
    private final ReferenceCache cache;

    private record Listing(LocalDate day, List<PublicLeader> leaders) {
    }

    LeaderDirectory(JpaTemplate jpa, BooleanSupplier shared) {
        this.jpa = jpa;
        this.cache = new ReferenceCache(() -> DataVersion.read(jpa), shared);
    }

    List<PublicLeader> directory(String community) {
        LocalDate today = LocalDate.now(Days.CHINA);
        return cache.get("directory " + community, () -> new Listing(today, load(community, today)),
                l -> l.day().equals(today) && !l.leaders().isEmpty()).leaders();
    }

    private List<PublicLeader> load(String community, LocalDate today) {
        return jpa.txExpr(em -> {
            List<LeaderEntity> leaders = readOnly(em.createQuery("select l from LeaderEntity l where l.community = :c "
                    + "and l.status = :s order by l.name", LeaderEntity.class)).setParameter("c", community)
                    .setParameter("s", LeaderStatus.IN_SERVICE.name()).getResultList();
            Map<Long, List<Assignment>> assignments = assignments(em, leaders, true);
            List<PublicLeader> out = new ArrayList<>();
            for (LeaderEntity l : leaders) {
                for (Assignment a : assignments.getOrDefault(l.id, List.of())) {
                    if (a.activeOn(today)) {
                        out.add(entry(l, a));
                    }
                }
            }
            out.sort(ORDER);
            return List.copyOf(out);
        });
    }

    /** By building label (places without one last), then unit, a building's own leader before its units'. */
    static final Comparator<PublicLeader> ORDER = Comparator
            .comparing(PublicLeader::building, Comparator.nullsLast(String::compareTo))
            .thenComparing(PublicLeader::unit, Comparator.nullsFirst(String::compareTo));

    /** One line of the directory: the phone in full only with the leader's recorded consent. */
    static PublicLeader entry(LeaderEntity l, Assignment a) {
        boolean consented = l.phoneConsentAt != null;
        return new PublicLeader(l.name, a.role().zh(), a.buildingLabel(), a.unitLabel(), l.workId,
                consented ? l.phone : PublicLeader.maskPhone(l.phone), consented);
    }

    Leader phoneConsent(long id, boolean consent, String by) throws ModelException {
        return DataVersion.write(jpa, em -> {
            LeaderEntity l = existing(em, id);
            l.phoneConsentAt = consent ? System.currentTimeMillis() : null;
            l.phoneConsentBy = consent ? by : null;
            l.updatedAt = System.currentTimeMillis();
            em.flush();
            return dtos(em, List.of(l), false).get(0);
        });
    }
}
