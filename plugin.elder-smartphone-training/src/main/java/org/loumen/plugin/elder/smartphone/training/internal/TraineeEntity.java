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
 * An elder enrolled in a course (学员): linked to a household of the community (its id and unit, read through the
 * declared household data), with the name and birth year the programme records itself — the core keeps no ages, so
 * the birth year is how "60 or older" is checked. Nothing else about the person is kept. Completed once every skill
 * of the course's checklist is ticked.
 */
@Entity
@Table(name = "ET_TRAINEE")
public class TraineeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "COURSE_ID", nullable = false)
    long course;

    @Column(name = "NAME", length = 40, nullable = false)
    String name;

    @Column(name = "BIRTH_YEAR", nullable = false)
    int birthYear;

    @Column(name = "COMPLETED_ON")
    LocalDate completedOn;

    /** The household (户) the elder lives in; null for trainees enrolled by the first version. Since 0.2. */
    @Column(name = "HOUSEHOLD_ID")
    Long household;

    /** The household's unit code (…B003U02); null for the first version's trainees. Since 0.2. */
    @Column(name = "UNIT", length = 24)
    String unit;

    @Column(name = "ENROLLED_ON")
    LocalDate enrolledOn;

    /** When the elder withdrew (退学); null while enrolled. Since 0.2. */
    @Column(name = "WITHDRAWN_ON")
    LocalDate withdrawnOn;

    @Version
    @Column(name = "VERSION")
    long version;
}
