package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A unit convention (楼门公约), one row per version: DRAFT until published, then the unit's current one. */
@Entity
@Table(name = "MB_CONVENTION")
public class ConventionEntity {

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

    @Column(name = "SEQ", nullable = false)
    int seq;

    @Column(name = "TEXT", length = 2000, nullable = false)
    String text;

    @Column(name = "STATUS", length = 10, nullable = false)
    String status;

    @Column(name = "DRAFTED_BY", length = 64, nullable = false)
    String draftedBy;

    @Column(name = "DRAFTED_AT", nullable = false)
    LocalDateTime draftedAt;

    @Column(name = "PUBLISHED_ON")
    LocalDate publishedOn;

    @Version
    @Column(name = "VERSION")
    long version;
}
