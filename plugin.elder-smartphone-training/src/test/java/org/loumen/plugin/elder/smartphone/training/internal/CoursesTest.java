package org.loumen.plugin.elder.smartphone.training.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.loumen.web.ApiException;

class CoursesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void traineesAreSixtyOrOlderThisYear() {
        assertDoesNotThrow(() -> Courses.check(new Courses.NewTrainee("李大爷", 1966), TODAY));
        assertEquals("birthYear", assertThrows(ApiException.class,
                () -> Courses.check(new Courses.NewTrainee("小李", 1967), TODAY)).field());
        assertEquals("name", assertThrows(ApiException.class,
                () -> Courses.check(new Courses.NewTrainee(" ", 1950), TODAY)).field());
    }

    @Test
    void aCourseTeachesAtLeastOneSkillToABoundedClass() {
        assertDoesNotThrow(() -> Courses.check(new Courses.NewCourse("120112103001", "手机支付入门",
                List.of(Skill.MOBILE_PAYMENT), TODAY, 20), TODAY));
        assertEquals("skills", assertThrows(ApiException.class, () -> Courses.check(new Courses.NewCourse(
                "120112103001", "x", List.of(), TODAY, 20), TODAY)).field());
        assertEquals("capacity", assertThrows(ApiException.class, () -> Courses.check(new Courses.NewCourse(
                "120112103001", "x", List.of(Skill.VIDEO_CALL), TODAY, 0), TODAY)).field());
        assertEquals("startsOn", assertThrows(ApiException.class, () -> Courses.check(new Courses.NewCourse(
                "120112103001", "x", List.of(Skill.VIDEO_CALL), TODAY.minusYears(2), 10), TODAY)).field());
    }
}
