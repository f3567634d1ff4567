package org.loumen.core.model;

import java.util.List;
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

    /**
     * The page of households after a cursor — the {@link Page#next()} of the page before, or null for the first page
     * — in the same order (unit, room) and with the same filters as {@link #find}. Read from the (unit, room) index
     * starting at the cursor's key, so a page a million rows in costs what the first page costs, and no household is
     * skipped or answered twice across pages when households are added meanwhile. Every page answered by this method
     * and by {@link #find} carries the cursor of the page after it ({@code next}, null on the last page).
     *
     * @throws ModelException INVALID on field {@code after} when the cursor is not one this service gave out
     * @since 1.7
     */
    Page<Household> findAfter(Set<String> scopes, String community, String unit, SpecialGroup group, String after,
            int size) throws ModelException;

    /**
     * Every household within scope (and the community or unit, when given) that carries a special-group tag — those
     * with a care visit plan (关爱对象) — ordered by unit and room. Read by an index on the tags, so a district's
     * dashboard does not page through every household to find the few tagged ones.
     *
     * @since 1.6
     */
    List<Household> tagged(Set<String> scopes, String community, String unit);

    Optional<Household> household(long id);

    Household create(HouseholdDraft draft) throws ModelException;

    Household update(long id, HouseholdDraft draft, long expectedVersion) throws ModelException;

    /** Imports households from CSV, all or nothing, like {@link LeaderService#importLeaders}. */
    ImportResult importHouseholds(byte[] csv, Set<String> scopes) throws ImportException;
}
