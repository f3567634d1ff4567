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

/** A household's agreement to a published convention: one per household and convention (a unique key). */
@Entity
@Table(name = "MB_AGREEMENT", uniqueConstraints = { @UniqueConstraint(name = "MB_AGREEMENT_ONCE", columnNames = { "CONVENTION_ID", "HOUSEHOLD_ID" }) })
public class AgreementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "CONVENTION_ID", nullable = false)
    long convention;

    @Column(name = "HOUSEHOLD_ID", nullable = false)
    long household;

    @Column(name = "UNIT", length = 24, nullable = false)
    String unit;

    @Column(name = "AGREED_AT", nullable = false)
    LocalDateTime agreedAt;

    @Version
    @Column(name = "VERSION")
    long version;
}
