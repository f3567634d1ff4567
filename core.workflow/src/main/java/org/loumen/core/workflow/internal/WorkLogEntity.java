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

/** One entry of a leader's work log (民情日志): what they did on a day, under one of the five duties. */
@Entity
@Table(name = "WF_WORK_LOG", indexes = { @Index(name = "WF_WORK_LOG_AUTHOR", columnList = "AUTHOR"),
        @Index(name = "WF_WORK_LOG_COMMUNITY", columnList = "COMMUNITY") })
public class WorkLogEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "workLogIds")
    @TableGenerator(name = "workLogIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "WORK_LOG", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    /** The account that wrote it. */
    @Column(name = "AUTHOR", length = 32, nullable = false)
    String author;

    /** The leader record of a leader-linked account, else {@code null}. */
    @Column(name = "LEADER_ID")
    Long leader;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    /** The unit or building it concerns, or {@code null}. */
    @Column(name = "PLACE", length = 24)
    String place;

    @Column(name = "DUTY", length = 32, nullable = false)
    String duty;

    @Column(name = "DAY", nullable = false)
    LocalDate day;

    @Column(name = "NOTE", length = 1000, nullable = false)
    String note;

    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;
}
