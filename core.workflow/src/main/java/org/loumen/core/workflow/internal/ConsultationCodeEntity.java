package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A household's code for one consultation (户码), like an evaluation's ballot code: 12 Crockford base-32 characters;
 * {@code used} is set by one conditional update with the answer.
 */
@Entity
@Table(name = "WF_CONSULTATION_CODE", indexes = @Index(name = "WF_CONSULTATION_CODE_C", columnList =
        "CONSULTATION_ID"))
public class ConsultationCodeEntity {

    @Id
    @Column(name = "CODE", length = 12)
    String code;

    @Column(name = "CONSULTATION_ID", nullable = false)
    long consultation;

    @Column(name = "HOUSEHOLD_ID", nullable = false)
    long household;

    @Column(name = "USED", nullable = false)
    boolean used;
}
