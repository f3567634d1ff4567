package org.loumen.core.model;

/**
 * A grid (网格): the grid-management cell of a community that buildings are placed in ("下面一张网").
 *
 * @param code      the community's code followed by {@code G} and two digits, e.g. {@code 120112103001G01}
 * @param community the community's code
 * @param name      e.g. 第一网格
 */
public record Grid(String code, String community, String name) {
}
