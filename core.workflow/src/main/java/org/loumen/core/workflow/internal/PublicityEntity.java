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

/**
 * A publicity activity a leader held in their unit or building within a campaign, under the duty of 政策法规宣传员
 * (also written to their work log).
 */
@Entity
@Table(name = "WF_PUBLICITY", indexes = { @Index(name = "WF_PUBLICITY_CAMPAIGN", columnList = "CAMPAIGN_ID"),
        @Index(name = "WF_PUBLICITY_AUTHOR", columnList = "AUTHOR") })
public class PublicityEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "publicityIds")
    @TableGenerator(name = "publicityIds", table = "WF_SEQUENCE", pkColumnName = "NAME", valueColumnName = "NEXT_VALUE",
            pkColumnValue = "PUBLICITY", allocationSize = 20)
    @Column(name = "ID")
    Long id;

    @Column(name = "CAMPAIGN_ID", nullable = false)
    long campaign;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    /** The unit or building. */
    @Column(name = "PLACE", length = 24, nullable = false)
    String place;

    @Column(name = "AUTHOR", length = 32, nullable = false)
    String author;

    @Column(name = "LEADER_ID")
    Long leader;

    @Column(name = "DAY", nullable = false)
    LocalDate day;

    /** Where exactly, in words (楼门口, 3号楼前小广场). */
    @Column(name = "VENUE", length = 100, nullable = false)
    String venue;

    @Column(name = "HOUSEHOLDS", nullable = false)
    int households;

    @Column(name = "NOTE", length = 500)
    String note;

    @Column(name = "PHOTOS", nullable = false)
    int photos;

    @Column(name = "WORK_LOG_ID")
    Long workLog;
}
