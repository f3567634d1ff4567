package org.loumen.core.model;

/**
 * A successful import: how many rows were imported and which places were created on the way.
 *
 * @param created what was created under known streets: {@code communities}, {@code buildings}, {@code units}
 */
public record ImportResult(int imported, Created created) {

    public record Created(int communities, int buildings, int units) {
    }
}
