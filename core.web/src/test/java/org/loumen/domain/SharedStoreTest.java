package org.loumen.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SharedStoreTest {

    @Test
    void onlyEmbeddedDerbyIsNotShared() {
        assertFalse(SharedStore.shared("jdbc:derby:/var/lib/loumen/db"));
        assertFalse(SharedStore.shared("jdbc:derby:memory:test;create=true"));
        assertTrue(SharedStore.shared("jdbc:derby://db.example:1527/loumen"), "Derby's network server");
        assertTrue(SharedStore.shared("jdbc:postgresql://db.example/loumen"));
    }

    @Test
    void aDatabaseThatCannotBeToldIsTreatedAsShared() {
        assertTrue(SharedStore.shared((String) null));
    }
}
