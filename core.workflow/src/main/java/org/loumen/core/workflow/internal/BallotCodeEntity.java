package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * The ballot code of one household in one evaluation. That the household voted is the {@code USED} flag here, set by
 * one conditional update; how it voted is stored apart ({@link RatingEntity}) with nothing that leads back: no code,
 * no household, no time, no sequence.
 */
@Entity
@Table(name = "WF_BALLOT_CODE", indexes = @Index(name = "WF_BALLOT_CODE_EVALUATION", columnList = "EVALUATION"))
public class BallotCodeEntity {

    /** Twelve Crockford base-32 characters (60 random bits), stored without the dashes people type. */
    @Id
    @Column(name = "CODE", length = 12)
    String code;

    @Column(name = "EVALUATION", nullable = false)
    long evaluation;

    @Column(name = "HOUSEHOLD", nullable = false)
    long household;

    @Column(name = "UNIT", length = 24, nullable = false)
    String unit;

    @Column(name = "USED", nullable = false)
    boolean used;
}
