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

/** An onboarding training batch (入职培训班) run by a street: its days, place, trainers and curriculum. */
@Entity
@Table(name = "WF_TRAINING_BATCH", indexes = @Index(name = "WF_TRAINING_BATCH_STREET", columnList = "STREET"))
public class TrainingBatchEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "trainingBatchIds")
    @TableGenerator(name = "trainingBatchIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "TRAININGBATCH", allocationSize = 50)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "TITLE", length = 100, nullable = false)
    String title;

    @Column(name = "STARTS_ON", nullable = false)
    LocalDate startsOn;

    @Column(name = "ENDS_ON", nullable = false)
    LocalDate endsOn;

    @Column(name = "PLACE", length = 200, nullable = false)
    String place;

    /** The trainers, one a line. */
    @Column(name = "TRAINERS", length = 1000, nullable = false)
    String trainers;

    /** The curriculum items (课程), one a line. */
    @Column(name = "CURRICULUM", length = 4000, nullable = false)
    String curriculum;

    @Column(name = "CREATED_BY", length = 32, nullable = false)
    String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;

    /** Cancelled (取消): its enrolments are withdrawn, the batch is kept as history and no longer changes. */
    @Column(name = "CANCELLED_AT")
    Long cancelledAt;

    @Column(name = "CANCELLED_BY", length = 32)
    String cancelledBy;

    @Column(name = "CANCEL_REASON", length = 500)
    String cancelReason;

    @Column(name = "UPDATED_BY", length = 32)
    String updatedBy;

    @Column(name = "UPDATED_AT")
    Long updatedAt;
}
