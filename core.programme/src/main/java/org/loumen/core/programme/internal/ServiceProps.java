package org.loumen.core.programme.internal;

import java.util.List;

/** Service and component properties as the programme platform reads them: one text, or a list of texts. */
final class ServiceProps {

    private ServiceProps() {
    }

    /** A property as text: the first of an array, {@code ""} when absent. */
    static String str(Object value) {
        if (value instanceof String[] a) {
            return a.length == 0 ? "" : a[0];
        }
        return value == null ? "" : value.toString();
    }

    /** A property as a list of texts: an array as it is, one value as a list of one, none as empty. */
    static List<String> strings(Object value) {
        if (value instanceof String[] a) {
            return List.of(a);
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
