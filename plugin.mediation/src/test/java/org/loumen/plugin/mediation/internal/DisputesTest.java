package org.loumen.plugin.mediation.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.loumen.plugin.mediation.internal.Disputes.Category;
import org.loumen.plugin.mediation.internal.Disputes.Risk;
import org.loumen.web.ApiException;

class DisputesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void aPairingNeedsAMediatorAccountANameAndALeaderThePhoneIsOptional() {
        assertDoesNotThrow(() -> Disputes.check(new Disputes.NewPairing("120112103001", "sg-tiaojie", "王调解",
                "13800001234", 7L, null), TODAY));
        assertDoesNotThrow(() -> Disputes.check(new Disputes.NewPairing("120112103001", "sg-tiaojie", "王调解", null,
                7L, null), TODAY));
        assertEquals("mediator", field(() -> Disputes.check(new Disputes.NewPairing("120112103001", null, "王调解",
                null, 7L, null), TODAY)));
        assertEquals("mediator", field(() -> Disputes.check(new Disputes.NewPairing("120112103001", "a b", "王调解",
                null, 7L, null), TODAY)));
        assertEquals("mediatorPhone", field(() -> Disputes.check(new Disputes.NewPairing("120112103001", "sg-tj",
                "王调解", "02212345678", 7L, null), TODAY)));
        assertEquals("leader", field(() -> Disputes.check(new Disputes.NewPairing("120112103001", "sg-tj", "王调解",
                null, null, null), TODAY)));
        assertEquals("since", field(() -> Disputes.check(new Disputes.NewPairing("120112103001", "sg-tj", "王调解",
                null, 7L, TODAY.plusDays(1)), TODAY)));
    }

    @Test
    void aPairingEndsNotBeforeItStartedNorInTheFuture() {
        LocalDate since = TODAY.minusDays(30);
        assertDoesNotThrow(() -> Disputes.check(new Disputes.Ending(TODAY, "换届"), since, TODAY));
        assertEquals("endedOn", field(() -> Disputes.check(new Disputes.Ending(since.minusDays(1), null), since,
                TODAY)));
        assertEquals("endedOn", field(() -> Disputes.check(new Disputes.Ending(TODAY.plusDays(1), null), since,
                TODAY)));
        assertEquals("endedOn", field(() -> Disputes.check(new Disputes.Ending(null, null), since, TODAY)));
    }

    @Test
    void aRoundHasATitleAndLastsAtMostAQuarter() {
        assertDoesNotThrow(() -> Disputes.check(new Disputes.NewRound("120112103001", "11月排查", TODAY,
                TODAY.plusDays(30))));
        assertEquals("endsOn", field(() -> Disputes.check(new Disputes.NewRound("120112103001", "11月排查", TODAY,
                TODAY.minusDays(1)))));
        assertEquals("endsOn", field(() -> Disputes.check(new Disputes.NewRound("120112103001", "11月排查", TODAY,
                TODAY.plusDays(93)))));
        assertEquals("title", field(() -> Disputes.check(new Disputes.NewRound("120112103001", " ", TODAY,
                TODAY))));
    }

    @Test
    void aCaseNamesCategoryRiskAndPartiesWithoutNames() {
        assertDoesNotThrow(() -> Disputes.check(new Disputes.NewCase(1L, Category.NEIGHBOURS, "3单元501住户与401住户",
                "楼上渗水", Risk.MEDIUM, TODAY), TODAY));
        assertEquals("category", field(() -> Disputes.check(new Disputes.NewCase(1L, null, "楼上住户与楼下住户",
                "噪音", Risk.LOW, null), TODAY)));
        assertEquals("risk", field(() -> Disputes.check(new Disputes.NewCase(1L, Category.FAMILY, "夫妻双方", "噪音",
                null, null), TODAY)));
        assertEquals("parties", field(() -> Disputes.check(new Disputes.NewCase(1L, Category.FAMILY, "张伟与李娜",
                "感情纠纷", Risk.LOW, null), TODAY)));
        assertEquals("summary", field(() -> Disputes.check(new Disputes.NewCase(1L, Category.DEBT, "住户W与租户L",
                "租户电话13812345678不接", Risk.LOW, null), TODAY)));
        assertEquals("acceptedOn", field(() -> Disputes.check(new Disputes.NewCase(1L, Category.DEBT, "住户W与租户L",
                "押金", Risk.LOW, TODAY.plusDays(1)), TODAY)));
    }

    @Test
    void stepsNeedTheirWordsAndNoNumbers() {
        assertEquals("attendees", field(() -> Disputes.check(new Disputes.Session(TODAY, "", "谈话"))));
        assertEquals("notes", field(() -> Disputes.check(new Disputes.Session(TODAY, "双方", "身份证 110101199003071234"))));
        assertEquals("to", field(() -> Disputes.check(new Disputes.Referral(TODAY, null, null))));
        assertEquals("terms", field(() -> Disputes.check(new Disputes.Agreement(TODAY, "x".repeat(1001)))));
        assertDoesNotThrow(() -> Disputes.check(new Disputes.FollowUp(TODAY, "协议履行良好，赔偿800元已付", true)));
    }

    @Test
    void phonesLeaveMasked() {
        assertEquals("138****1234", Disputes.mask("13800001234"));
        assertEquals("022****5678", Disputes.mask("02212345678"));
        assertEquals("028*****5678", Disputes.mask("028123455678"), "a number of another length is masked too");
        assertEquals("******", Disputes.mask("123456"));
    }

    @Test
    void medianAndMeanOfDaysToClose() {
        assertEquals(5.0, Stats.median(java.util.List.of(9L, 1L, 5L)));
        assertEquals(6.5, Stats.median(java.util.List.of(9L, 1L, 4L, 20L)));
        assertEquals(8.5, Stats.mean(java.util.List.of(9L, 1L, 4L, 20L)));
        assertEquals(null, Stats.median(java.util.List.of()));
        assertEquals(3.33, Stats.mean(java.util.List.of(3L, 3L, 4L)));
    }

    static String field(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(ApiException.class, e).field();
    }
}
