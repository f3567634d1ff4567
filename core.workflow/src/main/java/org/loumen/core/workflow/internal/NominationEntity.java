package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** How and by whom a leader was nominated, and for which unit or building. */
@Entity
@Table(name = "WF_NOMINATION")
public class NominationEntity {

    @Id
    @Column(name = "LEADER_ID")
    long leader;

    /** SELF (自荐) or RECOMMENDED (推荐). */
    @Column(name = "METHOD", length = 16, nullable = false)
    String method;

    /** Who recommended, or the nominee for a self-nomination. */
    @Column(name = "NOMINATED_BY", length = 60, nullable = false)
    String nominatedBy;

    @Column(name = "ROLE_NAME", length = 20, nullable = false)
    String role;

    /** The unit code (unit leader) or building code (building leader). */
    @Column(name = "PLACE", length = 24, nullable = false)
    String place;

    @Column(name = "AT_MILLIS", nullable = false)
    long at;
}
