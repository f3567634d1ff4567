package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * An award: its certificate number, the "priority support" mark on the awardee's building and volunteer projects,
 * and a place in the reserve pool for the residents' committee's sub-committees.
 */
@Entity
@Table(name = "WF_AWARD", indexes = @Index(name = "WF_AWARD_LEADER", columnList = "LEADER_ID"))
public class AwardEntity {

    /** e.g. 优秀楼门栋长-2026-120112103-001. */
    @Id
    @Column(name = "CERTIFICATE_NO", length = 40)
    String certificate;

    @Column(name = "ROUND_ID", nullable = false)
    long round;

    @Column(name = "LEADER_ID", nullable = false)
    long leader;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "PRIORITY_SUPPORT", nullable = false)
    boolean prioritySupport;

    @Column(name = "RESERVE_POOL", nullable = false)
    boolean reservePool;
}
