package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * Service hours of one member on one day (服务时长): from an activity the brand recorded ({@code ACTIVITY}, approved at
 * once) or self-reported by the member ({@code SELF_REPORT}, pending until the brand's lead or a secretary approves or
 * rejects it with a reason). Never deleted: a decision is recorded on the row.
 */
@Entity
@Table(name = "VB_HOURS")
public class HoursEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "BRAND_ID", nullable = false)
    long brand;

    @Column(name = "MEMBER_ID", nullable = false)
    long member;

    @Column(name = "ACTIVITY_ID")
    Long activity;

    @Column(name = "SERVED_ON", nullable = false)
    LocalDate servedOn;

    @Column(name = "HOURS", precision = 5, scale = 1, nullable = false)
    BigDecimal hours;

    @Column(name = "DESCRIPTION", length = 200)
    String description;

    /** {@code ACTIVITY} or {@code SELF_REPORT}. */
    @Column(name = "SOURCE", length = 12, nullable = false)
    String source;

    /** {@code PENDING}, {@code APPROVED} or {@code REJECTED}. */
    @Column(name = "STATUS", length = 10, nullable = false)
    String status;

    @Column(name = "REPORTED_BY", length = 64, nullable = false)
    String reportedBy;

    @Column(name = "REPORTED_AT", nullable = false)
    LocalDateTime reportedAt;

    @Column(name = "DECIDED_BY", length = 64)
    String decidedBy;

    @Column(name = "DECIDED_AT")
    LocalDateTime decidedAt;

    @Column(name = "REJECT_REASON", length = 200)
    String rejectReason;

    @Version
    @Column(name = "VERSION")
    long version;
}
