package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlacesTest {

    @Test
    void codesArePaddedAsTheFormatterWould() {
        for (int n : new int[] { 0, 1, 9, 10, 99, 100, 999 }) {
            assertEquals(String.format("%03d", n), Places.digits(n, 3));
            assertEquals(String.format("%02d", n), Places.digits(n, 2));
        }
    }
}
