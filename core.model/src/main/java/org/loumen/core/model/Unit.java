package org.loumen.core.model;

/**
 * A unit (楼门/单元): a stairwell entrance of a building, the basic service unit.
 *
 * @param code     the building's code followed by {@code U} and a two-digit number, e.g. {@code 120112103001B003U02}
 * @param building the building's code
 * @param label    as written on site, e.g. 2单元
 * @param version  optimistic-locking version, sent back with a rename
 */
public record Unit(String code, String building, String label, long version) {

    /** A unit whose version is not known (0). */
    public Unit(String code, String building, String label) {
        this(code, building, label, 0);
    }
}
