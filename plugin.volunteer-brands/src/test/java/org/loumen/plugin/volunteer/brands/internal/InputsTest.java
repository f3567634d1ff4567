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

    static Inputs.NewActivity totals(LocalDate heldOn, String title, int volunteers, BigDecimal hours) {
        return new Inputs.NewActivity(heldOn, title, null, volunteers, hours, null);
    }

    static Inputs.NewActivity with(Inputs.Participant... participants) {
        return new Inputs.NewActivity(TODAY, "义务理发", "社区活动室", null, null, java.util.Arrays.asList(participants));
    }

    static String field(Inputs.NewActivity a) {
        return assertThrows(ApiException.class, () -> Inputs.check(a, TODAY)).field();
    }

    @Test
    void anActivityNeedsAPastDayATitleVolunteersAndPlausibleHours() {
        assertDoesNotThrow(() -> Inputs.check(totals(TODAY, "义务理发", 6, new BigDecimal("12.5")),
                TODAY));
        assertEquals("heldOn", field(totals(TODAY.plusDays(1), "x", 1, BigDecimal.ONE)));
        assertEquals("heldOn", field(totals(null, "x", 1, BigDecimal.ONE)));
        assertEquals("title", field(totals(TODAY, "  ", 1, BigDecimal.ONE)));
        assertEquals("volunteers", field(totals(TODAY, "x", 0, BigDecimal.ONE)));
        assertEquals("hours", field(totals(TODAY, "x", 2, new BigDecimal("48.1"))));
        assertEquals("hours", field(totals(TODAY, "x", 2, new BigDecimal("1.25"))));
        assertEquals("hours", field(totals(TODAY, "x", 2, BigDecimal.ZERO)));
    }

    @Test
    void textIsTrimmedAndBounded() throws ApiException {
        assertEquals("港湾之家", Inputs.text("name", " 港湾之家 ", 60, true));
        assertEquals(null, Inputs.text("slogan", " ", 200, false));
        assertEquals("name", assertThrows(ApiException.class, () -> Inputs.text("name", null, 60, true)).field());
        assertEquals("name", assertThrows(ApiException.class, () -> Inputs.text("name", "x".repeat(61), 60, true))
                .field());
    }

    @Test
    void anActivityNamesEachParticipantOnceWithHalfHours() {
        assertDoesNotThrow(() -> Inputs.check(with(new Inputs.Participant(1L, new BigDecimal("2.5")),
                new Inputs.Participant(2L, new BigDecimal("3"))), TODAY));
        assertEquals("participants", field(with()));
        assertEquals("participants", field(with(new Inputs.Participant(1L, BigDecimal.ONE),
                new Inputs.Participant(1L, BigDecimal.ONE))));
        assertEquals("participants", field(with(new Inputs.Participant(null, BigDecimal.ONE))));
        assertEquals("participants", field(with(new Inputs.Participant(1L, new BigDecimal("1.2")))));
        assertEquals("participants", field(with(new Inputs.Participant(1L, new BigDecimal("24.5")))));
        assertEquals("participants", field(new Inputs.NewActivity(TODAY, "x", null, 2, BigDecimal.ONE,
                java.util.List.of(new Inputs.Participant(1L, BigDecimal.ONE)))), "participants or totals, not both");
    }

    @Test
    void aVolunteerNumberIsNeverAnIdCardNumber() throws ApiException {
        assertEquals("V00100012", Inputs.volunteerNo(" v00100012 "));
        assertEquals(null, Inputs.volunteerNo(""));
        assertEquals("volunteerNo", assertThrows(ApiException.class,
                () -> Inputs.volunteerNo("12011219800101123X")).field());
        assertEquals("volunteerNo", assertThrows(ApiException.class,
                () -> Inputs.volunteerNo("120112800101123")).field());
        assertEquals("volunteerNo", assertThrows(ApiException.class, () -> Inputs.volunteerNo("编号1")).field());
    }

    @Test
    void skillsAreShortDistinctAndAtMostTen() throws ApiException {
        assertEquals("义务理发、家电维修", Inputs.skills(java.util.List.of("义务理发", " 家电维修 ", "义务理发")));
        assertEquals(java.util.List.of("义务理发", "家电维修"), Inputs.skillList("义务理发、家电维修"));
        assertEquals("skills", assertThrows(ApiException.class, () -> Inputs.skills(java.util.Collections.nCopies(11,
                "x"))).field());
        assertEquals("skills", assertThrows(ApiException.class, () -> Inputs.skills(java.util.List.of("理发、维修")))
                .field());
    }
}
