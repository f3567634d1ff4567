package org.loumen.core.model;

import java.util.List;

/**
 * One page of a listing, how many there are in all and, for a listing paged by key, where the next page starts.
 *
 * <p>A listing counts its rows only up to a cap (since 1.6), so that a page costs the same in a community and in a
 * city of millions: {@code totalCapped} true says that counting stopped there and there are more than {@code total}
 * (the cap); false says {@code total} is exact.
 *
 * <p>A listing paged by key (since 1.7: the households) also answers {@code next}, an opaque cursor: asked again with
 * {@code after=next}, it answers the rows after this page's last one, read from the listing's index at the key — as
 * cheap a million rows in as on the first page, and neither skipping nor repeating a row when rows are added or
 * removed meanwhile. {@code next} is null on the last page, and in the listings that page by number only.
 *
 * @param items       the page's rows
 * @param total       how many there are in all, or the cap when {@code totalCapped}
 * @param totalCapped whether there are more than {@code total} (since 1.6)
 * @param next        the cursor of the page after this one, or null when there is none (since 1.7)
 */
public record Page<T>(List<T> items, long total, boolean totalCapped, String next) {

    /** A page whose total is exact. */
    public Page(List<T> items, long total) {
        this(items, total, false, null);
    }

    /** A page without a cursor (since 1.6). */
    public Page(List<T> items, long total, boolean totalCapped) {
        this(items, total, totalCapped, null);
    }

    /** The same page with its rows replaced (e.g. masked for the caller), total and cursor kept (since 1.7). */
    public <U> Page<U> withItems(List<U> replaced) {
        return new Page<>(replaced, total, totalCapped, next);
    }
}
