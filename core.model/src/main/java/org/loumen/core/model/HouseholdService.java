package org.loumen.core.model;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** Households (住户) by unit. */
@ProviderType
public interface HouseholdService {

    /**
     * A page of households within scope, filtered by community or unit code and a special group. The total is
     * counted up to a cap ({@link Page#totalCapped()}).
     */
    Page<Household> find(Set<String> scopes, String community, String unit, SpecialGroup group, int page,
            int size);

    Optional<Household> household(long id);

    Household create(HouseholdDraft draft) throws ModelException;

    Household update(long id, HouseholdDraft draft, long expectedVersion) throws ModelException;

    /** Imports households from CSV, all or nothing, like {@link LeaderService#importLeaders}. */
    ImportResult importHouseholds(byte[] csv, Set<String> scopes) throws ImportException;
}
