package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** One line of a published monthly ranking (最美楼门) of a community's units; published rows never change. */
@Entity
@Table(name = "MB_RANKING", uniqueConstraints = { @UniqueConstraint(name = "MB_RANKING_ONCE", columnNames = { "COMMUNITY", "RANK_MONTH", "UNIT" }) })
public class RankingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "RANK_MONTH", length = 7, nullable = false)
    String month;

    @Column(name = "RANK_NO", nullable = false)
    int rank;

    @Column(name = "UNIT", length = 24, nullable = false)
    String unit;

    @Column(name = "UNIT_LABEL", length = 80, nullable = false)
    String unitLabel;

    @Column(name = "HOUSEHOLDS", nullable = false)
    int households;

    @Column(name = "POINTS", nullable = false)
    long points;

    @Column(name = "PER_HOUSEHOLD", length = 12, nullable = false)
    String perHousehold;

    @Column(name = "SAFETY_CHECKS", nullable = false)
    int safetyChecks;

    @Column(name = "PUBLISHED_AT", nullable = false)
    LocalDateTime publishedAt;

    @Column(name = "PUBLISHED_BY", length = 64, nullable = false)
    String publishedBy;

    @Version
    @Column(name = "VERSION")
    long version;
}
