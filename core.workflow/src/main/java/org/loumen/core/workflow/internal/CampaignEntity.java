package org.loumen.core.workflow.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A publicity campaign (系列宣传活动) run by a street or the district: its theme, period and materials. */
@Entity
@Table(name = "WF_CAMPAIGN")
public class CampaignEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "campaignIds")
    @TableGenerator(name = "campaignIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "CAMPAIGN", allocationSize = 10)
    @Column(name = "ID")
    Long id;

    /** The district's (6 digits) or a street's (9 digits) code. */
    @Column(name = "NODE", length = 12, nullable = false)
    String node;

    @Column(name = "THEME", length = 100, nullable = false)
    String theme;

    @Column(name = "STARTS_ON", nullable = false)
    LocalDate startsOn;

    @Column(name = "ENDS_ON", nullable = false)
    LocalDate endsOn;

    /** The materials, one a line (宣传材料: leaflets, posters, a video). */
    @Column(name = "MATERIALS", length = 2000)
    String materials;

    @Column(name = "CREATED_BY", length = 32, nullable = false)
    String createdBy;

    @Column(name = "CREATED_ON", nullable = false)
    LocalDate createdOn;
}
