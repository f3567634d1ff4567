package org.loumen.core.model;

/**
 * The district (区) at the root of the tree.
 *
 * @param code   6-digit county code (GB/T 2260), e.g. {@code 120112} for Jinnan
 * @param name   Chinese name, e.g. 津南区
 * @param nameEn English name
 */
public record District(String code, String name, String nameEn) {
}
