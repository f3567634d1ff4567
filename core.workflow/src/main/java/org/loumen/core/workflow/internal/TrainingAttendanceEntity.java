package org.loumen.core.workflow.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** A leader present on one day of an onboarding batch (考勤). */
@Entity
@Table(name = "WF_TRAINING_ATTENDANCE", indexes = @Index(name = "WF_TRAINING_ATTENDANCE_BATCH", columnList = "BATCH"),
        uniqueConstraints = @UniqueConstraint(name = "WF_TRAINING_ATTENDANCE_LEADER", columnNames = { "BATCH", "ATTENDED_ON", "LEADER" }))
public class TrainingAttendanceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "trainingAttendanceIds")
    @TableGenerator(name = "trainingAttendanceIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "TRAININGATTENDANCE", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    @Column(name = "BATCH", nullable = false)
    long batch;

    @Column(name = "LEADER", nullable = false)
    long leader;

    @Column(name = "ATTENDED_ON", nullable = false)
    LocalDate attendedOn;
}
