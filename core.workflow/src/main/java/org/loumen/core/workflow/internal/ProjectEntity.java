package org.loumen.core.workflow.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A project (楼门栋建设项目 or 志愿服务项目) a leader proposes for their unit or building, reviewed by the community
 * and then the street. The state moves by conditional updates only ({@link ProjectRules}).
 */
@Entity
@Table(name = "WF_PROJECT", indexes = { @Index(name = "WF_PROJECT_COMMUNITY", columnList = "COMMUNITY"),
        @Index(name = "WF_PROJECT_LEADER", columnList = "LEADER_ID") })
public class ProjectEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "projectIds")
    @TableGenerator(name = "projectIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "PROJECT", allocationSize = 20)
    @Column(name = "ID")
    Long id;

    /** {@link ProjectRules.Kind}. */
    @Column(name = "KIND", length = 24, nullable = false)
    String kind;

    @Column(name = "TITLE", length = 100, nullable = false)
    String title;

    /** The unit or building code. */
    @Column(name = "PLACE", length = 24, nullable = false)
    String place;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    /** The proposing leader's record; {@code null} for an account not linked to a leader. */
    @Column(name = "LEADER_ID")
    Long leader;

    @Column(name = "PROPOSED_BY", length = 32, nullable = false)
    String proposedBy;

    @Column(name = "PROPOSED_ON", nullable = false)
    LocalDate proposedOn;

    @Column(name = "BUDGET_ASKED", precision = 12, scale = 2, nullable = false)
    BigDecimal budgetAsked;

    @Column(name = "DESCRIPTION", length = 2000, nullable = false)
    String description;

    /** {@link ProjectRules.Status}. */
    @Column(name = "STATUS", length = 16, nullable = false)
    String status;

    @Column(name = "COMMUNITY_NOTE", length = 500)
    String communityNote;

    @Column(name = "COMMUNITY_BY", length = 32)
    String communityBy;

    @Column(name = "COMMUNITY_ON")
    LocalDate communityOn;

    @Column(name = "STREET_NOTE", length = 500)
    String streetNote;

    @Column(name = "STREET_BY", length = 32)
    String streetBy;

    @Column(name = "STREET_ON")
    LocalDate streetOn;

    @Column(name = "AMOUNT_GRANTED", precision = 12, scale = 2)
    BigDecimal amountGranted;

    /** Where it was declined: {@code COMMUNITY} or {@code STREET}; {@code null} otherwise. */
    @Column(name = "DECLINED_AT", length = 12)
    String declinedAt;
}
