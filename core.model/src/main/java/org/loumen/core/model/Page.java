package org.loumen.core.model;

import java.util.List;

/**
 * One page of a listing and how many there are in all.
 *
 * <p>A listing counts its rows only up to a cap (since 1.6), so that a page costs the same in a community and in a
 * city of millions: {@code totalCapped} true says that counting stopped there and there are more than {@code total}
 * (the cap); false says {@code total} is exact.
 *
 * @param items       the page's rows
 * @param total       how many there are in all, or the cap when {@code totalCapped}
 * @param totalCapped whether there are more than {@code total} (since 1.6)
 */
public record Page<T>(List<T> items, long total, boolean totalCapped) {

    /** A page whose total is exact. */
    public Page(List<T> items, long total) {
        this(items, total, false);
    }
}
