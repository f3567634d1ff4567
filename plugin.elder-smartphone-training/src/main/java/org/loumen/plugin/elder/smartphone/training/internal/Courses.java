package org.loumen.plugin.elder.smartphone.training.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.loumen.web.ApiException;

/** Bodies of the training programme and how each is checked (400 naming the field). */
final class Courses {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    /** A new course; {@code skills} may be left out (the six of {@link Skill#CHECKLIST}). */
    record NewCourse(String community, String title, List<Skill> skills, LocalDate startsOn, Integer capacity,
            List<String> volunteers) {
    }

    record Cancellation(String reason) {
    }

    /** A lesson: a leader ({@code trainerLeader}) or a volunteer the course names ({@code trainerVolunteer}) trains. */
    record NewSession(LocalDate heldOn, String startsAt, String place, String topic, Long trainerLeader,
            String trainerVolunteer) {
    }

    /** An elder of a household of the course's community, 60 or older. */
    record NewTrainee(Long household, String name, Integer birthYear) {
    }

    /** The roll of a session: the trainees who came; every other enrolled trainee is marked absent. */
    record Roll(List<Long> present) {
    }

    /** A skill of the checklist ticked ({@code mastered} true, the default) or unticked. */
    record Tick(Skill skill, Boolean mastered) {
    }

    record Completion(LocalDate completedOn) {
    }

    private Courses() {
    }

    static void check(NewCourse c, LocalDate today) throws ApiException {
        text("title", c.title(), 100);
        if (c.skills() != null && (c.skills().isEmpty() || c.skills().stream().anyMatch(Objects::isNull)
                || c.skills().contains(Skill.ONLINE_SERVICES))) {
            throw ApiException.invalidField("skills", "至少一项：" + Skill.CHECKLIST + " / at least one of "
                    + Skill.CHECKLIST);
        }
        if (c.startsOn() == null || c.startsOn().isBefore(today.minusYears(1))) {
            throw ApiException.invalidField("startsOn", "须为一年内或以后的日期 / startsOn must be within the last year or "
                    + "later");
        }
        if (c.capacity() == null || c.capacity() < 1 || c.capacity() > 200) {
            throw ApiException.invalidField("capacity", "须为 1 到 200 / capacity must be 1 to 200");
        }
        if (c.volunteers() != null) {
            if (c.volunteers().size() > 10) {
                throw ApiException.invalidField("volunteers", "最多 10 位志愿者讲师 / at most 10 volunteer trainers");
            }
            for (String v : c.volunteers()) {
                text("volunteers", v, 40);
                if (v.contains(";")) {
                    throw ApiException.invalidField("volunteers", "姓名中不能有分号 / no ';' in a name");
                }
            }
        }
    }

    static void check(Cancellation c) throws ApiException {
        text("reason", c.reason(), 200);
    }

    static void check(NewSession s, LocalDate startsOn) throws ApiException {
        if (s.heldOn() == null || s.heldOn().isBefore(startsOn)) {
            throw ApiException.invalidField("heldOn", "须为开班日或以后 / heldOn must be the course's start or later");
        }
        if (s.startsAt() != null && !s.startsAt().isBlank() && !TIME.matcher(s.startsAt()).matches()) {
            throw ApiException.invalidField("startsAt", "时间格式为 HH:mm，如 09:30 / startsAt is HH:mm, e.g. 09:30");
        }
        text("place", s.place(), 100);
        if (s.topic() != null && s.topic().strip().length() > 100) {
            throw ApiException.invalidField("topic", "最多 100 个字 / topic has at most 100 characters");
        }
        boolean volunteer = s.trainerVolunteer() != null && !s.trainerVolunteer().isBlank();
        if ((s.trainerLeader() == null) == !volunteer) {
            throw ApiException.invalidField("trainerLeader", "请选择一位讲师：楼门栋长或本班志愿者（二选一） / choose one "
                    + "trainer: a leader (trainerLeader) or a volunteer of the course (trainerVolunteer)");
        }
    }

    static void check(NewTrainee t, LocalDate today) throws ApiException {
        if (t.household() == null || t.household() < 1) {
            throw ApiException.invalidField("household", "请选择老人所在的住户 / household is required");
        }
        text("name", t.name(), 40);
        Rules.checkAge(t.birthYear(), today);
    }

    static void check(Roll roll) throws ApiException {
        if (roll.present() == null || roll.present().stream().anyMatch(Objects::isNull) || roll.present().size() > 200) {
            throw ApiException.invalidField("present", "须为到课学员编号的列表（可为空） / present must be a list of "
                    + "trainee ids (may be empty)");
        }
    }

    /** A text of 1 to max characters (stripped); else 400 naming the field. */
    static void text(String field, String value, int max) throws ApiException {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw ApiException.invalidField(field, "须为 1–" + max + " 个字 / " + field + " must have 1 to " + max
                    + " characters");
        }
    }
}
