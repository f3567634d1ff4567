package org.loumen.plugin.elder.smartphone.training.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** What clients get: records, never entities. */
final class Views {

    private Views() {
    }

    /** The checklist of a stored course, in the order of {@link Skill}. */
    static List<Skill> checklist(CourseEntity c) {
        List<String> names = Arrays.asList(c.skills.split(";"));
        return Arrays.stream(Skill.values()).filter(s -> names.contains(s.name())).toList();
    }

    static List<String> volunteers(CourseEntity c) {
        return c.volunteers == null || c.volunteers.isBlank() ? List.of() : List.of(c.volunteers.split(";"));
    }

    /** A course with its counts: enrolled (not withdrawn), completed, withdrawn; lessons held and planned. */
    record Course(long id, String community, String title, List<String> skills, LocalDate startsOn, int capacity,
            long enrolled, long completed, String status, LocalDate cancelledOn, String cancelReason,
            List<String> volunteers, long withdrawn, int sessions, LocalDate nextSession, BigDecimal attendanceRate) {
    }

    /** A lesson, with how many were recorded present of how many on its roll (0 of 0: not taken yet). */
    record Session(long id, long course, LocalDate heldOn, String startsAt, String place, String topic,
            Long trainerLeader, String trainerName, String trainerKind, long present, long recorded) {
        static Session of(SessionEntity s, long present, long recorded) {
            return new Session(s.id, s.course, s.heldOn, s.startsAt, s.place, s.topic, s.trainerLeader,
                    s.trainerName, s.trainerLeader == null ? "VOLUNTEER" : "LEADER", present, recorded);
        }
    }

    /** A trainee: the household link, the skills ticked, lessons attended of those whose roll was taken. */
    record Trainee(long id, long course, String name, int birthYear, LocalDate completedOn, Long household,
            String unit, LocalDate enrolledOn, LocalDate withdrawnOn, List<String> skills, long attended,
            long rollCalls) {
    }

    /** One course with its lessons and trainees; {@code mayTrain}: the caller may take the roll and tick skills. */
    record CourseDetail(Course course, List<Session> sessions, List<Trainee> trainees, boolean mayTrain) {
    }

    /** One session's roll: each enrolled trainee and whether present ({@code null}: not recorded yet). */
    record RollEntry(long trainee, String name, Boolean present) {
    }

    record SkillLine(String skill, String zh, String en, LocalDate tickedOn) {
    }

    /** What the printed completion certificate (结业证书) shows. */
    record Certificate(String certificateNo, String name, String courseTitle, String community, String street,
            LocalDate startsOn, LocalDate completedOn, List<SkillLine> skills, long sessions, long attended) {
    }

    /** Figures of a community or the street. Rates in percent with two decimals, null when nothing to count. */
    record Figures(String community, long courses, long cancelled, long trainees, long completed,
            BigDecimal completionRate, long present, long recorded, BigDecimal attendanceRate) {
    }

    record Statistics(String street, Figures total, List<Figures> communities) {
    }

    /** A leader who can be chosen as a trainer (name only). */
    record TrainerChoice(long id, String name, String community) {
    }

    /** A household of the community to link a trainee to: the head's name to recognise it, no phone. */
    record HouseholdChoice(long id, String unit, String room, String headName) {
    }
}
