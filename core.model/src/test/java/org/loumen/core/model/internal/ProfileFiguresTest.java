package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.core.model.Education;
import org.loumen.core.model.LeaderProfile.Figures;
import org.loumen.core.model.PublicLeader;

class ProfileFiguresTest {

    private static LeaderEntity leader(LocalDate birth, Education education, boolean party) {
        LeaderEntity l = new LeaderEntity();
        l.birthDate = birth;
        l.education = education.name();
        l.partyMember = party;
        return l;
    }

    @Test
    void ageIsInCompletedYearsAndSixtyIsNotUnderSixty() {
        LocalDate asOf = LocalDate.of(2022, 6, 30);
        List<LeaderEntity> l = List.of(
                leader(LocalDate.of(1962, 6, 30), Education.PRIMARY, false), // 60 today: not under 60
                leader(LocalDate.of(1962, 7, 1), Education.PRIMARY, false), // 60 tomorrow: 59
                leader(LocalDate.of(1962, 6, 29), Education.PRIMARY, false), // 60 since yesterday
                leader(LocalDate.of(1964, 2, 29), Education.PRIMARY, false)); // leap day: 58
        Figures f = ProfileReport.figures(l, asOf);
        assertEquals(4, f.total());
        assertEquals(2, f.under60());
        assertEquals(new BigDecimal("50.00"), f.under60Percent());
    }

    @Test
    void theJinnanFiguresRoundHalfUp() {
        // the case: 4,667 of 5,990 under 60 is 77.9131...%, printed 77.92% in the case but 77.91% rounded
        assertEquals(new BigDecimal("77.91"), ProfileReport.percent(4667, 5990));
        assertEquals(new BigDecimal("44.54"), ProfileReport.percent(2668, 5990));
        assertEquals(new BigDecimal("12.50"), ProfileReport.percent(1, 8));
        assertEquals(new BigDecimal("0.01"), ProfileReport.percent(1, 20000)); // 0.005 rounds up
        assertEquals(new BigDecimal("0.00"), ProfileReport.percent(1, 20001));
        assertEquals(new BigDecimal("66.67"), ProfileReport.percent(2, 3));
        assertEquals(new BigDecimal("0.00"), ProfileReport.percent(0, 0));
        assertEquals(new BigDecimal("100.00"), ProfileReport.percent(7, 7));
    }

    @Test
    void collegeOrAboveMastersDoctoratesAndParty() {
        LocalDate asOf = LocalDate.of(2022, 6, 30);
        List<LeaderEntity> l = new ArrayList<>();
        for (Education e : Education.values()) {
            l.add(leader(LocalDate.of(1970, 1, 1), e, e.ordinal() % 2 == 0));
        }
        Figures f = ProfileReport.figures(l, asOf);
        assertEquals(8, f.total());
        assertEquals(4, f.collegeOrAbove(), "大专 本科 硕士 博士");
        assertEquals(1, f.masters());
        assertEquals(1, f.doctorates());
        assertEquals(4, f.partyMembers());
        assertEquals(new BigDecimal("50.00"), f.collegeOrAbovePercent());
    }

    @Test
    void liaisonsAndTheirShare() {
        LocalDate asOf = LocalDate.of(2022, 6, 30);
        List<LeaderEntity> l = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LeaderEntity e = leader(LocalDate.of(1970, 1, 1), Education.BACHELOR, false);
            e.liaison = i < 2; // 一肩挑: 2 of 7
            l.add(e);
        }
        Figures f = ProfileReport.figures(l, asOf);
        assertEquals(2, f.liaisons());
        assertEquals(new BigDecimal("28.57"), f.liaisonShare(), "2/7 = 28.571… rounds half-up to two decimals");
        assertEquals(new BigDecimal("0.00"), ProfileReport.figures(List.of(), asOf).liaisonShare());
    }

    @Test
    void thePublicPhoneIsFullOnlyWithConsent() {
        org.loumen.core.model.Leader without = new org.loumen.core.model.Leader(1, "甲", null, null, null, false,
                "13812341234", null, false, null, null, null, null, List.of(), 0);
        assertEquals("138****1234", without.publicPhone());
        org.loumen.core.model.Leader with = new org.loumen.core.model.Leader(1, "甲", null, null, null, false,
                "13812341234", null, false, null, null, null, null, List.of(), 0,
                new org.loumen.core.model.PhoneConsent(java.time.Instant.EPOCH, "13812341234"));
        assertEquals("13812341234", with.publicPhone());
    }

    @Test
    void phonesAreMaskedForThePublic() {
        assertEquals("138****1234", PublicLeader.maskPhone("13812341234"));
        assertEquals("022*****1234", PublicLeader.maskPhone("022-28561234"));
        assertEquals("****", PublicLeader.maskPhone("1234"));
    }
}
