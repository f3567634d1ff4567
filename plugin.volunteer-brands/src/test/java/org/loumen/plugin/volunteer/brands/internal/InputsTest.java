package org.loumen.plugin.volunteer.brands.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.loumen.web.ApiException;

class InputsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static String field(Inputs.NewActivity a) {
        return assertThrows(ApiException.class, () -> Inputs.check(a, TODAY)).field();
    }

    @Test
    void anActivityNeedsAPastDayATitleVolunteersAndPlausibleHours() {
        assertDoesNotThrow(() -> Inputs.check(new Inputs.NewActivity(TODAY, "义务理发", 6, new BigDecimal("12.5")),
                TODAY));
        assertEquals("heldOn", field(new Inputs.NewActivity(TODAY.plusDays(1), "x", 1, BigDecimal.ONE)));
        assertEquals("heldOn", field(new Inputs.NewActivity(null, "x", 1, BigDecimal.ONE)));
        assertEquals("title", field(new Inputs.NewActivity(TODAY, "  ", 1, BigDecimal.ONE)));
        assertEquals("volunteers", field(new Inputs.NewActivity(TODAY, "x", 0, BigDecimal.ONE)));
        assertEquals("hours", field(new Inputs.NewActivity(TODAY, "x", 2, new BigDecimal("48.1"))));
        assertEquals("hours", field(new Inputs.NewActivity(TODAY, "x", 2, new BigDecimal("1.25"))));
        assertEquals("hours", field(new Inputs.NewActivity(TODAY, "x", 2, BigDecimal.ZERO)));
    }

    @Test
    void textIsTrimmedAndBounded() throws ApiException {
        assertEquals("港湾之家", Inputs.text("name", " 港湾之家 ", 60, true));
        assertEquals(null, Inputs.text("slogan", " ", 200, false));
        assertEquals("name", assertThrows(ApiException.class, () -> Inputs.text("name", null, 60, true)).field());
        assertEquals("name", assertThrows(ApiException.class, () -> Inputs.text("name", "x".repeat(61), 60, true))
                .field());
    }
}
