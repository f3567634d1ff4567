package org.loumen.plugin.elder.smartphone.training.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** An elder enrolled in a course (学员); completed once they showed the course's skills. */
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

    @Version
    @Column(name = "VERSION")
    long version;
}
