package org.loumen.core.model;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Reads and grows the organisation tree of the district (组织架构). Implemented by the core only. */
@ProviderType
public interface OrganisationService {

    District district();

    /** Every street of the district, ordered by code. */
    List<Street> streets();

    Optional<Street> street(String code);

    /**
     * The communities of a street, ordered by code.
     *
     * @throws ModelException NOT_FOUND if the street does not exist
     */
    List<Community> communities(String streetCode) throws ModelException;

    Optional<Community> community(String code);

    /**
     * Adds a community under the street its code begins with.
     *
     * @throws ModelException INVALID (field named) for a bad code or name, NOT_FOUND if the street does not exist,
     *                        CONFLICT if the code is taken
     */
    Community addCommunity(NewCommunity community) throws ModelException;

    /**
     * Renames a community.
     *
     * @param expectedVersion the version the caller last read
     * @throws ModelException INVALID for a bad name, NOT_FOUND, STALE if someone changed it since
     */
    Community renameCommunity(String code, String name, long expectedVersion) throws ModelException;

    /** The buildings of a community with their units, in code order. @throws ModelException NOT_FOUND */
    java.util.List<Building> buildings(String communityCode) throws ModelException;

    /** Adds a building (label e.g. 3号楼) to a community. @throws ModelException INVALID, NOT_FOUND, CONFLICT */
    Building addBuilding(String communityCode, String label) throws ModelException;

    /** Adds a unit (label e.g. 2单元) to a building. @throws ModelException INVALID, NOT_FOUND, CONFLICT */
    Unit addUnit(String buildingCode, String label) throws ModelException;

    /**
     * Renames a building (e.g. 3号楼 to 3号楼（东）); its code stays.
     *
     * @throws ModelException INVALID for a bad label, NOT_FOUND, CONFLICT (field {@code label}) when another building
     *                        of the community has the label, STALE if someone changed it since
     * @since 1.2
     */
    Building renameBuilding(String code, String label, long expectedVersion) throws ModelException;

    /**
     * Renames a unit; its code stays.
     *
     * @throws ModelException INVALID for a bad label, NOT_FOUND, CONFLICT (field {@code label}) when another unit of
     *                        the building has the label, STALE if someone changed it since
     * @since 1.2
     */
    Unit renameUnit(String code, String label, long expectedVersion) throws ModelException;

    /** The grids of a community. @throws ModelException NOT_FOUND */
    java.util.List<Grid> grids(String communityCode) throws ModelException;

    /** Adds a grid (e.g. 第一网格) to a community. @throws ModelException INVALID, NOT_FOUND, CONFLICT */
    Grid addGrid(String communityCode, String name) throws ModelException;

    /**
     * Places a building in a grid of its community, or takes it out ({@code gridCode} null).
     *
     * @throws ModelException NOT_FOUND for the building, INVALID for a grid not of the building's community
     */
    Building placeInGrid(String buildingCode, String gridCode) throws ModelException;
}
