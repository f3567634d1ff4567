package org.loumen.plugin.mediation.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.loumen.web.ApiException;

class DisputesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void aPairingNeedsAMediatorWithAMobileAndALeader() {
        assertDoesNotThrow(() -> Disputes.check(new Disputes.NewPairing("120112103001", "王调解", "13800001234", 7L,
                null), TODAY));
        assertEquals("mediatorPhone", assertThrows(ApiException.class, () -> Disputes.check(new Disputes.NewPairing(
                "120112103001", "王调解", "02212345678", 7L, null), TODAY)).field());
        assertEquals("leader", assertThrows(ApiException.class, () -> Disputes.check(new Disputes.NewPairing(
                "120112103001", "王调解", "13800001234", null, null), TODAY)).field());
        assertEquals("since", assertThrows(ApiException.class, () -> Disputes.check(new Disputes.NewPairing(
                "120112103001", "王调解", "13800001234", 7L, TODAY.plusDays(1)), TODAY)).field());
    }

    @Test
    void aCaseClosesAsMediatedOrReferredBetweenOpeningAndToday() {
        LocalDate opened = TODAY.minusDays(3);
        assertDoesNotThrow(() -> Disputes.check(new Disputes.Closing(Disputes.Status.MEDIATED, TODAY, "握手言和"),
                opened, TODAY));
        assertEquals("outcome", assertThrows(ApiException.class, () -> Disputes.check(new Disputes.Closing(
                Disputes.Status.OPEN, TODAY, null), opened, TODAY)).field());
        assertEquals("closedOn", assertThrows(ApiException.class, () -> Disputes.check(new Disputes.Closing(
                Disputes.Status.REFERRED, opened.minusDays(1), null), opened, TODAY)).field());
        assertEquals("kind", assertThrows(ApiException.class, () -> Disputes.check(new Disputes.NewCase(1L, null,
                "噪音", TODAY), TODAY)).field());
    }

    @Test
    void phonesLeaveMasked() {
        assertEquals("138****1234", Disputes.mask("13800001234"));
    }
}
