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
 * A smartphone course (智能手机培训班) in one community. Columns only ever added: the first version's rows (no status,
 * no volunteers) read as open courses without volunteer trainers.
 */
@Entity
@Table(name = "ET_COURSE")
public class CourseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "TITLE", length = 100, nullable = false)
    String title;

    /** Skill names joined by ';' (see {@link Skill}): the trainees' checklist. */
    @Column(name = "SKILLS", length = 200, nullable = false)
    String skills;

    @Column(name = "STARTS_ON", nullable = false)
    LocalDate startsOn;

    @Column(name = "CAPACITY", nullable = false)
    int capacity;

    /** Volunteer trainers named by the course (志愿者讲师), joined by ';'; null: none. Since 0.2. */
    @Column(name = "VOLUNTEERS", length = 400)
    String volunteers;

    /** When the course was cancelled (取消); null while it runs. Since 0.2. */
    @Column(name = "CANCELLED_ON")
    LocalDate cancelledOn;

    @Column(name = "CANCEL_REASON", length = 200)
    String cancelReason;

    @Version
    @Column(name = "VERSION")
    long version;
}
