package org.loumen.plugin.elder.smartphone.training.internal;

import java.time.LocalDate;
import java.util.List;

import org.loumen.web.ApiException;

/** Bodies of the training programme and their rules. Trainees are elders: 60 or older in the year they enrol. */
final class Courses {

    record NewCourse(String community, String title, List<Skill> skills, LocalDate startsOn, Integer capacity) {
    }

    record NewTrainee(String name, Integer birthYear) {
    }

    record Completion(LocalDate completedOn) {
    }

    private Courses() {
    }

    static void check(NewCourse c, LocalDate today) throws ApiException {
        if (c.title() == null || c.title().isBlank() || c.title().strip().length() > 100) {
            throw ApiException.invalidField("title", "须为 1–100 个字 / title must have 1 to 100 characters");
        }
        if (c.skills() == null || c.skills().isEmpty() || c.skills().stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiException.invalidField("skills", "至少一项：" + List.of(Skill.values()) + " / at least one of "
                    + List.of(Skill.values()));
        }
        if (c.startsOn() == null || c.startsOn().isBefore(today.minusYears(1))) {
            throw ApiException.invalidField("startsOn", "须为一年内或以后的日期 / startsOn must be within the last year or "
                    + "later");
        }
        if (c.capacity() == null || c.capacity() < 1 || c.capacity() > 200) {
            throw ApiException.invalidField("capacity", "须为 1 到 200 / capacity must be 1 to 200");
        }
    }

    static void check(NewTrainee t, LocalDate today) throws ApiException {
        if (t.name() == null || t.name().isBlank() || t.name().strip().length() > 40) {
            throw ApiException.invalidField("name", "须为 1–40 个字 / name must have 1 to 40 characters");
        }
        if (t.birthYear() == null || t.birthYear() < today.getYear() - 120 || t.birthYear() > today.getYear() - 60) {
            throw ApiException.invalidField("birthYear", "学员须年满 60 岁 / trainees are 60 or older: birthYear at most "
                    + (today.getYear() - 60));
        }
    }
}
