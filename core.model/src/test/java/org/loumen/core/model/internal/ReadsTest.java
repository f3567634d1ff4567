package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.TypedQuery;

import org.junit.jupiter.api.Test;

class ReadsTest {

    /** A query that only keeps its hints. */
    @SuppressWarnings("unchecked")
    private static TypedQuery<String> query(Map<String, Object> hints) {
        return (TypedQuery<String>) Proxy.newProxyInstance(ReadsTest.class.getClassLoader(),
                new Class<?>[] { TypedQuery.class }, (proxy, m, args) -> {
                    if (m.getName().equals("setHint")) {
                        hints.put((String) args[0], args[1]);
                        return proxy;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void aReadIsNotRegisteredForChangeDetection() {
        Map<String, Object> hints = new HashMap<>();
        TypedQuery<String> q = query(hints);
        assertSame(q, Reads.readOnly(q));
        assertEquals(Map.of("eclipselink.read-only", "true"), hints);
    }

    @Test
    void aQueryInsideAWriteIsLeftAsItIs() {
        Map<String, Object> hints = new HashMap<>();
        TypedQuery<String> q = query(hints);
        assertSame(q, Reads.hint(q, false));
        assertEquals(Map.of(), hints);
        Reads.hint(q, true);
        assertEquals("true", hints.get("eclipselink.read-only"));
    }
}
