package org.loumen.core.model;

import java.util.List;

/**
 * A building (楼栋) of a community, with its units.
 *
 * @param code      the community's code followed by {@code B} and a three-digit number in order of creation, e.g.
 *                  {@code 120112103001B003}; stable, so codes below it and every scope check stay valid
 * @param community the community's code
 * @param label     as written on site, e.g. 3号楼
 * @param grid      the code of the grid the building is placed in, or {@code null}
 * @param version   optimistic-locking version, sent back with a rename
 */
public record Building(String code, String community, String label, String grid, List<Unit> units, long version) {

    /** A building whose version is not known (0). */
    public Building(String code, String community, String label, String grid, List<Unit> units) {
        this(code, community, label, grid, units, 0);
    }
}
