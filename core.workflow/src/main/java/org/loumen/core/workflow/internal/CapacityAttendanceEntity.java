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

/** A leader who attended a capacity-training session. */
@Entity
@Table(name = "WF_CAPACITY_ATTENDANCE", indexes = { @Index(name = "WF_CAPACITY_ATTENDANCE_LEADER", columnList = "LEADER"),
        @Index(name = "WF_CAPACITY_ATTENDANCE_SESSION", columnList = "SESSION_ID") },
        uniqueConstraints = @UniqueConstraint(name = "WF_CAPACITY_ATTENDANCE_LEADER", columnNames = { "SESSION_ID", "LEADER" }))
public class CapacityAttendanceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "capacityAttendanceIds")
    @TableGenerator(name = "capacityAttendanceIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "CAPACITYATTENDANCE", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    @Column(name = "SESSION_ID", nullable = false)
    long session;

    @Column(name = "LEADER", nullable = false)
    long leader;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "HELD_ON", nullable = false)
    LocalDate heldOn;

    @Column(name = "TENTHS", nullable = false)
    int tenths;
}
