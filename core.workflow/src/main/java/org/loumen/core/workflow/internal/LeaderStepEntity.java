package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One move of a leader's lifecycle: who, when, why. Never changed or deleted. */
@Entity
@Table(name = "WF_LEADER_STEP", indexes = @Index(name = "WF_LEADER_STEP_LEADER", columnList = "LEADER_ID"))
public class LeaderStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "stepIds")
    @TableGenerator(name = "stepIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "LEADER_STEP", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    @Column(name = "LEADER_ID", nullable = false)
    long leader;

    /** Null for the nomination that created the record. */
    @Column(name = "FROM_STATUS", length = 20)
    String from;

    @Column(name = "TO_STATUS", length = 20, nullable = false)
    String to;

    @Column(name = "AT_MILLIS", nullable = false)
    long at;

    @Column(name = "ACTOR", length = 32, nullable = false)
    String actor;

    @Column(name = "REASON", length = 500)
    String reason;

    /** What the step recorded, e.g. the meeting's votes or the training session. */
    @Column(name = "DETAILS", length = 1000)
    String details;
}
