package org.loumen.core.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.core.workflow.internal.ConsultationRules.Kind;
import org.loumen.domain.Refusal;

/** The rules of campaigns, consultations and the configured sub-committees. */
class CivicRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static String field(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(Refusal.class, e).field();
    }

    @Test
    void aCampaignRunsUpToAYearAndActivitiesFallInIt() throws Exception {
        CampaignRules.period(TODAY, TODAY);
        CampaignRules.period(TODAY, TODAY.plusDays(365));
        assertEquals("endsOn", field(() -> CampaignRules.period(TODAY, TODAY.minusDays(1))));
        assertEquals("endsOn", field(() -> CampaignRules.period(TODAY, TODAY.plusDays(366))));
        assertEquals("startsOn", field(() -> CampaignRules.period(null, TODAY)));
        CampaignRules.day(TODAY, TODAY.minusDays(3), TODAY.plusDays(3), TODAY);
        assertEquals("day", field(() -> CampaignRules.day(TODAY.plusDays(1), TODAY, TODAY.plusDays(3), TODAY)));
        assertEquals("day", field(() -> CampaignRules.day(TODAY.minusDays(4), TODAY.minusDays(3), TODAY, TODAY)));
        assertEquals("households", field(() -> CampaignRules.households(-1)));
        assertEquals("households", field(() -> CampaignRules.households(null)));
        assertEquals(2000, CampaignRules.households(2000));
    }

    @Test
    void campaignTotalsCountActivitiesHouseholdsAndLeaders() {
        List<CampaignRules.Activity> a = List.of(new CampaignRules.Activity("120112001001", "L1", 3),
                new CampaignRules.Activity("120112001001", "L1", 4), new CampaignRules.Activity("120112001002", "L2",
                        5), new CampaignRules.Activity("120112103001", "L3", 1));
        List<CampaignRules.Total> streets = CampaignRules.totals(a, c -> c.substring(0, 9));
        assertEquals(List.of(new CampaignRules.Total("120112001", 3, 12, 2), new CampaignRules.Total("120112103", 1,
                1, 1)), streets);
        assertEquals(new CampaignRules.Total("120112001001", 2, 7, 1), CampaignRules.totals(a, c -> c).get(0));
        assertTrue(CampaignRules.totals(List.of(), c -> c).isEmpty());
    }

    @Test
    void consultationsTakeOptionsOrWordsWithinTheirPeriod() throws Exception {
        assertEquals(List.of("同意", "不同意"), ConsultationRules.options(Kind.OPTIONS, List.of(" 同意", "不同意 ")));
        assertEquals("options", field(() -> ConsultationRules.options(Kind.OPTIONS, List.of("同意"))));
        assertEquals("options", field(() -> ConsultationRules.options(Kind.OPTIONS, List.of("a", "a"))));
        assertEquals("options", field(() -> ConsultationRules.options(Kind.OPTIONS, Arrays.asList("1", "2", "3",
                "4", "5", "6", "7", "8", "9"))));
        assertEquals("options[1]", field(() -> ConsultationRules.options(Kind.OPTIONS, List.of("a", " "))));
        assertEquals("options", field(() -> ConsultationRules.options(Kind.FREE, List.of("a"))));
        assertEquals("kind", field(() -> ConsultationRules.kind("VOTE")));
        ConsultationRules.period(TODAY, TODAY.plusDays(91), TODAY);
        assertEquals("closesOn", field(() -> ConsultationRules.period(TODAY, TODAY.plusDays(92), TODAY)));
        assertEquals("opensOn", field(() -> ConsultationRules.period(TODAY.minusDays(1), TODAY, TODAY)));
        assertTrue(ConsultationRules.open(TODAY, TODAY, null, TODAY));
        assertFalse(ConsultationRules.open(TODAY, TODAY.plusDays(2), TODAY, TODAY), "closed early");
        assertFalse(ConsultationRules.open(TODAY.plusDays(1), TODAY.plusDays(2), null, TODAY), "not yet");
        assertEquals(new ConsultationRules.Answer(1, null), ConsultationRules.answer(Kind.OPTIONS, 3, 1, null));
        assertEquals("choice", field(() -> ConsultationRules.answer(Kind.OPTIONS, 3, 3, null)));
        assertEquals("text", field(() -> ConsultationRules.answer(Kind.OPTIONS, 3, 0, "也行")));
        assertEquals("choice", field(() -> ConsultationRules.answer(Kind.FREE, 0, 0, "x")));
        assertEquals("text", field(() -> ConsultationRules.answer(Kind.FREE, 0, null, " ")));
        assertArrayEquals(new long[] { 2, 0, 1 }, ConsultationRules.tally(3, Arrays.asList(0, 2, 0, null, 7)));
    }

    @Test
    void subCommitteesAreReadFromTheConfiguration() {
        List<SubCommittees.Committee> c = SubCommittees.parse(new String[] { "MEDIATION|人民调解委员会|People's "
                + "mediation", "bad key|x", "SECURITY|治安保卫委员会", "MEDIATION|again|again", "EMPTY|" });
        assertEquals(List.of(new SubCommittees.Committee("MEDIATION", "人民调解委员会", "People's mediation"),
                new SubCommittees.Committee("SECURITY", "治安保卫委员会", "SECURITY")), c);
        assertTrue(SubCommittees.parse(null).isEmpty());
    }
}
