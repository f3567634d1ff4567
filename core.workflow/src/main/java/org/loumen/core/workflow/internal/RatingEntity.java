package org.loumen.core.workflow.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** One rating of one leader on one ballot. The ballot is a random id, the same for the ratings of one ballot only. */
@Entity
@Table(name = "WF_RATING", indexes = @Index(name = "WF_RATING_EVALUATION", columnList = "EVALUATION"))
public class RatingEntity {

    /** Random ballot id + ":" + leader id. */
    @Id
    @Column(name = "ID", length = 60)
    String id;

    @Column(name = "EVALUATION", nullable = false)
    long evaluation;

    @Column(name = "LEADER_ID", nullable = false)
    long leader;

    /** SATISFIED, FAIRLY_SATISFIED or DISSATISFIED. */
    @Column(name = "RATING", length = 20, nullable = false)
    String rating;
}
