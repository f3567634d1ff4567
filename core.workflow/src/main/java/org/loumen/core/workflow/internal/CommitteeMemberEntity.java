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

/** A member of one of a residents' committee's sub-committees (居民委员会下属委员会成员). */
@Entity
@Table(name = "WF_COMMITTEE_MEMBER", indexes = @Index(name = "WF_COMMITTEE_MEMBER_COMMUNITY",
        columnList = "COMMUNITY"))
public class CommitteeMemberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "memberIds")
    @TableGenerator(name = "memberIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "COMMITTEE_MEMBER", allocationSize = 20)
    @Column(name = "ID")
    Long id;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    /** The sub-committee's key, as configured ({@link SubCommittees}). */
    @Column(name = "COMMITTEE", length = 32, nullable = false)
    String committee;

    @Column(name = "NAME", length = 40, nullable = false)
    String name;

    /** The leader, when appointed from the reserve or a leader; else {@code null}. */
    @Column(name = "LEADER_ID")
    Long leader;

    /** The reserve entry the appointment was made from, else {@code null}. */
    @Column(name = "RESERVE_ID")
    Long reserve;

    @Column(name = "SINCE", nullable = false)
    LocalDate since;

    @Column(name = "NOTE", length = 500)
    String note;

    @Column(name = "ADDED_BY", length = 32, nullable = false)
    String addedBy;
}
