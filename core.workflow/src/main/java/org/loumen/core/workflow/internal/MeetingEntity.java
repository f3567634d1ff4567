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
import javax.persistence.Version;

/**
 * A weekly liaison meeting (每周沟通) or month-end summary meeting (按月例会) of a community. Attendance and action
 * items are kept as text lists: leader ids, and {@code report-id|owner|text} lines.
 */
@Entity
@Table(name = "WF_MEETING", indexes = @Index(name = "WF_MEETING_COMMUNITY", columnList = "COMMUNITY"))
public class MeetingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "meetingIds")
    @TableGenerator(name = "meetingIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "MEETING", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    /** WEEKLY or MONTHLY. */
    @Column(name = "KIND", length = 8, nullable = false)
    String kind;

    @Column(name = "SCHEDULED_ON", nullable = false)
    LocalDate scheduledOn;

    /** SCHEDULED or HELD. */
    @Column(name = "STATUS", length = 10, nullable = false)
    String status;

    @Column(name = "HELD_ON")
    LocalDate heldOn;

    /** Comma-separated ids of the leaders present. */
    @Column(name = "ATTENDEES", length = 4000)
    String attendees;

    @Column(name = "MINUTES", length = 4000)
    String minutes;

    /** One action item a line: {@code reportId|owner|text} (reportId may be empty). */
    @Column(name = "ACTION_ITEMS", length = 4000)
    String actionItems;

    @Column(name = "CREATED_BY", length = 32, nullable = false)
    String createdBy;

    @Version
    @Column(name = "VERSION")
    long version;
}
