package org.loumen.plugin.elder.smartphone.training.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * One lesson of a course (课次): day, time, place and trainer — a leader (by id, name as read through the declared
 * leader data when the lesson was planned) or a volunteer the course names.
 */
@Entity
@Table(name = "ET_SESSION")
public class SessionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "COURSE_ID", nullable = false)
    long course;

    @Column(name = "HELD_ON", nullable = false)
    LocalDate heldOn;

    /** HH:mm, China time; null when not said. */
    @Column(name = "STARTS_AT", length = 5)
    String startsAt;

    @Column(name = "PLACE", length = 100, nullable = false)
    String place;

    @Column(name = "TOPIC", length = 100)
    String topic;

    /** The leader who trains (楼门栋长的 id); null for a volunteer. */
    @Column(name = "TRAINER_LEADER")
    Long trainerLeader;

    @Column(name = "TRAINER_NAME", length = 40, nullable = false)
    String trainerName;

    @Version
    @Column(name = "VERSION")
    long version;
}
