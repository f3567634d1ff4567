package org.loumen.plugin.volunteer.brands.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * One service activity of a brand: when, what, how many volunteers, how many service hours in total. Since version 2
 * an activity names the members who took part ({@link HoursEntity} rows of source {@code ACTIVITY}), and its volunteers
 * and hours are their count and sum; activities of version 1 keep their totals without members.
 */
@Entity
@Table(name = "VB_ACTIVITY")
public class ActivityEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "BRAND_ID", nullable = false)
    long brand;

    @Column(name = "HELD_ON", nullable = false)
    LocalDate heldOn;

    @Column(name = "TITLE", length = 100, nullable = false)
    String title;

    @Column(name = "VOLUNTEERS", nullable = false)
    int volunteers;

    @Column(name = "SERVICE_HOURS", precision = 9, scale = 1, nullable = false)
    BigDecimal hours;

    @Column(name = "CREATED_BY", length = 64, nullable = false)
    String createdBy;

    @Column(name = "PLACE", length = 100)
    String place;

    @Version
    @Column(name = "VERSION")
    long version;
}
