package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A unit activity (楼门活动): category, place, time and capacity; {@code taken} counts the places signed up. */
@Entity
@Table(name = "MB_ACTIVITY")
public class ActivityEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "UNIT", length = 24, nullable = false)
    String unit;

    @Column(name = "CATEGORY", length = 24, nullable = false)
    String category;

    @Column(name = "TITLE", length = 100, nullable = false)
    String title;

    @Column(name = "PLACE", length = 100, nullable = false)
    String place;

    @Column(name = "STARTS_AT", nullable = false)
    LocalDateTime startsAt;

    @Column(name = "CAPACITY", nullable = false)
    int capacity;

    @Column(name = "TAKEN", nullable = false)
    int taken;

    @Column(name = "CREATED_BY", length = 64, nullable = false)
    String createdBy;

    @Version
    @Column(name = "VERSION")
    long version;
}
