package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A problem report (问题时报) and where it stands in its loop. */
@Entity
@Table(name = "WF_REPORT", indexes = { @Index(name = "WF_REPORT_COMMUNITY", columnList = "COMMUNITY"),
        @Index(name = "WF_REPORT_STATUS", columnList = "STATUS"),
        @Index(name = "WF_REPORT_NUMBER", columnList = "PUBLIC_NUMBER") })
public class ReportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "reportIds")
    @TableGenerator(name = "reportIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "REPORT", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    /** The place reported on: a unit, building or community code (scope is checked against it). */
    @Column(name = "PLACE", length = 24, nullable = false)
    String place;

    @Column(name = "HOUSEHOLD")
    Long household;

    /** One of the five duties (五员) as the category. */
    @Column(name = "DUTY", length = 32, nullable = false)
    String duty;

    @Column(name = "URGENCY", length = 8, nullable = false)
    String urgency;

    @Column(name = "DESCRIPTION", length = 1000, nullable = false)
    String description;

    @Column(name = "STATUS", length = 12, nullable = false)
    String status;

    /** The account that filed it; {@code resident} for a report from the public form. */
    @Column(name = "REPORTER", length = 32, nullable = false)
    String reporter;

    /** LEADER, STAFF or RESIDENT; {@code null} on reports filed before it was recorded (read as LEADER). */
    @Column(name = "REPORTER_KIND", length = 8)
    String reporterKind;

    /** A resident's call-back phone (personal data: staff only), or {@code null}. */
    @Column(name = "RESIDENT_PHONE", length = 11)
    String residentPhone;

    /** The number a resident follows the report by (12 characters, no dashes); {@code null} for others. */
    @Column(name = "PUBLIC_NUMBER", length = 12)
    String number;

    @Column(name = "ASSIGNEE", length = 60)
    String assignee;

    @Column(name = "RESOLUTION", length = 1000)
    String resolution;

    @Column(name = "ESCALATED", nullable = false)
    boolean escalated;

    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;

    @Column(name = "DUE_AT", nullable = false)
    long dueAt;

    @Column(name = "UPDATED_AT", nullable = false)
    long updatedAt;

    @Version
    @Column(name = "VERSION")
    long version;
}
