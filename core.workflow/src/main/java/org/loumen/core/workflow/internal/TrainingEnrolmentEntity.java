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

/** A leader enrolled in onboarding training: in a batch, or (older records) in a session named in free text; assessed once. */
@Entity
@Table(name = "WF_TRAINING_ENROLMENT", indexes = { @Index(name = "WF_TRAINING_ENROLMENT_LEADER", columnList = "LEADER"),
        @Index(name = "WF_TRAINING_ENROLMENT_BATCH", columnList = "BATCH") },
        uniqueConstraints = @UniqueConstraint(name = "WF_TRAINING_ENROLMENT_LEADER", columnNames = { "BATCH", "LEADER" }))
public class TrainingEnrolmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "trainingEnrolmentIds")
    @TableGenerator(name = "trainingEnrolmentIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "TRAININGENROLMENT", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    /** The batch; null for a session recorded by name only (the older free-text route). */
    @Column(name = "BATCH")
    Long batch;

    /** The session name of a record without a batch. */
    @Column(name = "SESSION_NAME", length = 100)
    String session;

    @Column(name = "LEADER", nullable = false)
    long leader;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "ENROLLED_BY", length = 32, nullable = false)
    String enrolledBy;

    @Column(name = "ENROLLED_AT", nullable = false)
    long enrolledAt;

    /** PASSED, FAILED or ABSENT; null until assessed. */
    @Column(name = "RESULT", length = 8)
    String result;

    @Column(name = "NOTE", length = 500)
    String note;

    @Column(name = "ASSESSED_BY", length = 32)
    String assessedBy;

    @Column(name = "ASSESSED_AT")
    Long assessedAt;

    /** The work ID issued on certification from this enrolment, and the armband date. */
    @Column(name = "WORK_ID", length = 32)
    String workId;

    @Column(name = "ARMBAND_ON")
    LocalDate armbandOn;

    /**
     * A write across both stores still under way: {@code PENDING} while an enrolment's status moves are being made
     * (the row is written first, as the intent), {@code WITHDRAWING} while a withdrawal's move back is being made;
     * null once complete. A row left in either state by a crash is repaired at start-up (see TrainingRepair).
     */
    @Column(name = "STATE", length = 12)
    String state;

    /** The status this enrolment moved the leader from (APPROVED), or null when it moved nobody (a retake). */
    @Column(name = "MOVED_FROM", length = 16)
    String movedFrom;

    /** Withdrawn from the batch (by withdrawal or the batch's cancellation): kept as history, no longer counted. */
    @Column(name = "WITHDRAWN_AT")
    Long withdrawnAt;

    @Column(name = "WITHDRAWN_BY", length = 32)
    String withdrawnBy;

    @Column(name = "WITHDRAWN_REASON", length = 500)
    String withdrawnReason;
}
