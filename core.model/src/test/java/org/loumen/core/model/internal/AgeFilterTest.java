package org.loumen.core.model.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

/** The listing's age filter selects in the database exactly the leaders the profile report counts as 60 or older. */
class AgeFilterTest {

    @Test
    void theCutoffAgreesWithCompletedYearsOnEveryDayIncludingLeapDays() {
        for (LocalDate day = LocalDate.of(2023, 12, 1); day.isBefore(LocalDate.of(2028, 4, 1)); day = day.plusDays(1)) {
            LocalDate cutoff = LeaderQueries.sixtiethBirthdayCutoff(day);
            for (LocalDate birth = cutoff.minusDays(3); !birth.isAfter(cutoff.plusDays(3)); birth = birth.plusDays(1)) {
                boolean sixtyPlus = Period.between(birth, day).getYears() >= 60;
                assertEquals(sixtyPlus, !birth.isAfter(cutoff), "born " + birth + ", on " + day);
            }
        }
    }
}
