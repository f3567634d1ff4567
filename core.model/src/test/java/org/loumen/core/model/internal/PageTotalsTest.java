package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.Page;

class PageTotalsTest {

    private static List<Integer> rows(int n) {
        return Collections.nCopies(n, 1);
    }

    @Test
    void belowAndAtTheCapTheTotalIsExact() {
        Page<Integer> p = PageTotals.page(rows(20), 9_999, 10_000, 0, 20);
        assertEquals(9_999, p.total());
        assertFalse(p.totalCapped());
        Page<Integer> at = PageTotals.page(rows(20), 10_000, 10_000, 40, 20);
        assertEquals(10_000, at.total());
        assertFalse(at.totalCapped());
        Page<Integer> none = PageTotals.page(rows(0), 0, 10_000, 0, 20);
        assertEquals(0, none.total());
        assertFalse(none.totalCapped());
    }

    @Test
    void aboveTheCapThePageSaysMoreThanTheCap() {
        // countUpTo read cap + 1 rows: there are more than the cap
        Page<Integer> first = PageTotals.page(rows(20), 10_001, 10_000, 0, 20);
        assertEquals(10_000, first.total());
        assertTrue(first.totalCapped());
        assertEquals(20, first.items().size());
        // a full page past the cap still says more than the cap
        Page<Integer> far = PageTotals.page(rows(20), 10_001, 10_000, 50_000, 20);
        assertEquals(10_000, far.total());
        assertTrue(far.totalCapped());
        // past the end: nothing on the page, still more than the cap in all
        Page<Integer> beyond = PageTotals.page(rows(0), 10_001, 10_000, 9_000_000, 20);
        assertEquals(10_000, beyond.total());
        assertTrue(beyond.totalCapped());
    }

    @Test
    void theLastPagePastTheCapMakesTheTotalExactAgain() {
        Page<Integer> last = PageTotals.page(rows(7), 10_001, 10_000, 12_340, 20);
        assertEquals(12_347, last.total());
        assertFalse(last.totalCapped());
        // a short page before the cap is not taken as the last one (the count says there are more)
        Page<Integer> shortEarly = PageTotals.page(rows(7), 10_001, 10_000, 20, 20);
        assertEquals(10_000, shortEarly.total());
        assertTrue(shortEarly.totalCapped());
    }

    @Test
    void theCapIsAtLeastOne() {
        assertEquals(PageTotals.CAP, PageTotals.cap(null));
        assertEquals(1, PageTotals.cap(config(0)));
        assertEquals(5, PageTotals.cap(config(5)));
    }

    @Test
    void anOldPageIsExact() {
        assertFalse(new Page<>(List.of(1), 1).totalCapped());
    }

    private static ListingConfig config(int cap) {
        return new ListingConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return ListingConfig.class;
            }

            @Override
            public int countCap() {
                return cap;
            }
        };
    }
}
