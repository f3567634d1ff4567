package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.ModelException;

class HouseholdCursorTest {

    @Test
    void aCursorComesBackAsItsKey() throws Exception {
        HouseholdCursor key = new HouseholdCursor("120112103001B001U02", "502-甲 1");
        String cursor = key.encode();
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "safe in an address unescaped: " + cursor);
        assertEquals(key, HouseholdCursor.decode(cursor));
    }

    @Test
    void anythingElseIsRefusedNamingAfter() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        for (String bad : new String[] { "", "!!", "abc", b64.encodeToString(bytes("h1:120112103001B001U02")),
                b64.encodeToString(bytes("h2:120112103001B001U02\n101")),
                b64.encodeToString(bytes("h1:120112103001\n101")),
                b64.encodeToString(bytes("h1:120112103001B001U02\n")),
                b64.encodeToString(bytes("h1:120112103001B001U02\n" + "x".repeat(21))) }) {
            ModelException e = assertThrows(ModelException.class, () -> HouseholdCursor.decode(bad), bad);
            assertEquals("after", e.field(), bad);
            assertEquals(ModelException.Reason.INVALID, e.reason());
        }
        assertThrows(ModelException.class, () -> HouseholdCursor.decode(null));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
