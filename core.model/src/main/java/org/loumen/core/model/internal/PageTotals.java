package org.loumen.core.model.internal;

import java.util.List;

import javax.persistence.TypedQuery;

import org.loumen.core.model.Page;

/**
 * How many rows a listing has, counted only up to {@link #CAP}: an exact {@code count(*)} of a district-wide list
 * reads every row in scope on every page (5 million households in a city), so a page's cost would grow with the city.
 * Up to the cap the total is exact; beyond it the page says "more than the cap" ({@link Page#totalCapped()}) and the
 * console pages on with next and previous.
 */
final class PageTotals {

    /** Counting stops after this many rows (plus one, to know there are more); {@link ListingConfig} may change it. */
    static final int CAP = 10_000;

    /** The configured cap, at least 1. */
    static int cap(ListingConfig config) {
        return config == null ? CAP : Math.max(1, config.countCap());
    }

    private PageTotals() {
    }

    /**
     * Counts the rows a query selects, reading at most {@code cap + 1} of them. The query should select one narrow
     * column that the scope's index holds (e.g. the community or unit code), so that the rows are read from the index.
     */
    static long countUpTo(TypedQuery<?> rows, int cap) {
        List<?> read = rows.setFirstResult(0).setMaxResults(Math.min(cap, Integer.MAX_VALUE - 1) + 1)
                .getResultList();
        return read.size();
    }

    /**
     * The page as answered: {@code counted} is what {@link #countUpTo} read ({@code cap + 1} when there are more than
     * the cap), {@code first} the index of the page's first row, {@code size} the page size asked for. A page that is
     * not full past the cap is the last one, so its total is exact again.
     */
    static <T> Page<T> page(List<T> items, long counted, int cap, long first, int size) {
        return page(items, counted, cap, first, size, null);
    }

    /**
     * The same with the cursor of the next page ({@link Page#next()}); {@code first} is -1 for a page read after a
     * cursor, whose position in the listing is not known (its total past the cap stays capped).
     */
    static <T> Page<T> page(List<T> items, long counted, int cap, long first, int size, String next) {
        if (counted <= cap) {
            return new Page<>(items, counted, false, next);
        }
        if (first >= 0 && !items.isEmpty() && items.size() < size && first + items.size() > cap) {
            return new Page<>(items, first + items.size(), false, next);
        }
        return new Page<>(items, cap, true, next);
    }
}
