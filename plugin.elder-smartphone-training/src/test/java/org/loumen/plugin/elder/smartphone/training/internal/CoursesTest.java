package org.loumen.plugin.elder.smartphone.training.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.web.ApiException;

/** The bodies' checks: each bad input is a 400 naming its field. */
class CoursesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static String field(org.junit.jupiter.api.function.Executable e) {
        ApiException x = assertThrows(ApiException.class, e);
        assertEquals(400, x.status());
        return x.field();
    }

    @Test
    void traineesAreSixtyOrOlderThisYearAndLiveInAHousehold() {
        assertDoesNotThrow(() -> Courses.check(new Courses.NewTrainee(7L, "李大爷", 1966), TODAY));
        assertEquals("birthYear", field(() -> Courses.check(new Courses.NewTrainee(7L, "小李", 1967), TODAY)));
        assertEquals("birthYear", field(() -> Courses.check(new Courses.NewTrainee(7L, "李大爷", 1900), TODAY)));
        assertEquals("birthYear", field(() -> Courses.check(new Courses.NewTrainee(7L, "李大爷", null), TODAY)));
        assertEquals("name", field(() -> Courses.check(new Courses.NewTrainee(7L, " ", 1950), TODAY)));
        assertEquals("household", field(() -> Courses.check(new Courses.NewTrainee(null, "李大爷", 1950), TODAY)));
    }

    @Test
    void aCourseTeachesTheChecklistOrPartOfItToABoundedClass() {
        assertDoesNotThrow(() -> Courses.check(new Courses.NewCourse("120112103001", "手机支付入门",
                List.of(Skill.MOBILE_PAYMENT), TODAY, 20, null), TODAY));
        assertDoesNotThrow(() -> Courses.check(new Courses.NewCourse("120112103001", "入门班", null, TODAY, 20,
                List.of("刘晓雨")), TODAY), "no skills: the whole checklist");
        assertEquals("skills", field(() -> Courses.check(new Courses.NewCourse("120112103001", "x", List.of(), TODAY,
                20, null), TODAY)));
        assertEquals("skills", field(() -> Courses.check(new Courses.NewCourse("120112103001", "x",
                List.of(Skill.ONLINE_SERVICES), TODAY, 20, null), TODAY)), "the first version's skill is not offered");
        assertEquals("capacity", field(() -> Courses.check(new Courses.NewCourse("120112103001", "x",
                List.of(Skill.VIDEO_CALL), TODAY, 0, null), TODAY)));
        assertEquals("startsOn", field(() -> Courses.check(new Courses.NewCourse("120112103001", "x",
                List.of(Skill.VIDEO_CALL), TODAY.minusYears(2), 10, null), TODAY)));
        assertEquals("volunteers", field(() -> Courses.check(new Courses.NewCourse("120112103001", "x", null, TODAY,
                10, List.of("a;b")), TODAY)));
        assertEquals("volunteers", field(() -> Courses.check(new Courses.NewCourse("120112103001", "x", null, TODAY,
                10, List.of(" ")), TODAY)));
    }

    @Test
    void aLessonHasADayFromTheStartAPlaceAndExactlyOneTrainer() {
        LocalDate start = TODAY.minusDays(7);
        assertDoesNotThrow(() -> Courses.check(new Courses.NewSession(TODAY, "09:30", "活动室", null, 5L, null), start));
        assertDoesNotThrow(() -> Courses.check(new Courses.NewSession(TODAY, null, "活动室", "视频通话", null, "刘晓雨"),
                start));
        assertEquals("heldOn", field(() -> Courses.check(new Courses.NewSession(start.minusDays(1), null, "活动室", null,
                5L, null), start)));
        assertEquals("startsAt", field(() -> Courses.check(new Courses.NewSession(TODAY, "25:00", "活动室", null, 5L,
                null), start)));
        assertEquals("place", field(() -> Courses.check(new Courses.NewSession(TODAY, null, "", null, 5L, null),
                start)));
        assertEquals("trainerLeader", field(() -> Courses.check(new Courses.NewSession(TODAY, null, "活动室", null,
                null, null), start)), "no trainer");
        assertEquals("trainerLeader", field(() -> Courses.check(new Courses.NewSession(TODAY, null, "活动室", null,
                5L, "刘晓雨"), start)), "two trainers");
    }

    @Test
    void aRollListsTraineeIds() {
        assertDoesNotThrow(() -> Courses.check(new Courses.Roll(List.of())));
        assertEquals("present", field(() -> Courses.check(new Courses.Roll(null))));
        assertEquals("present", field(() -> Courses.check(new Courses.Roll(java.util.Arrays.asList(1L, null)))));
    }
}
