package org.loumen.plugin.elder.smartphone.training.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** Whether a trainee came to a session (签到): one row per session and trainee, changed when the roll is taken again. */
@Entity
@Table(name = "ET_ATTENDANCE", uniqueConstraints = @UniqueConstraint(columnNames = { "SESSION_ID", "TRAINEE_ID" }))
public class AttendanceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "SESSION_ID", nullable = false)
    long session;

    @Column(name = "TRAINEE_ID", nullable = false)
    long trainee;

    @Column(name = "PRESENT", nullable = false)
    boolean present;

    @Column(name = "RECORDED_BY", length = 64, nullable = false)
    String recordedBy;

    @Column(name = "RECORDED_AT", nullable = false)
    Instant recordedAt;

    @Version
    @Column(name = "VERSION")
    long version;
}
