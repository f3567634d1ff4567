package org.loumen.core.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Reads every item of a paged listing of another service, a page at a time. */
final class Pages {

    static final int SIZE = 1000;

    private Pages() {
    }

    /** @param page the items of page n (counting from 1) of {@link #SIZE} items */
    static <T> List<T> all(IntFunction<List<T>> page) {
        List<T> all = new ArrayList<>();
        for (int n = 1;; n++) {
            List<T> items = page.apply(n);
            all.addAll(items);
            if (items.size() < SIZE) {
                return all;
            }
        }
    }
}
