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

/**
 * One entry of the points ledger (积分流水): never changed once written; a correction is a new entry. A household's
 * balance is the sum of its entries.
 */
@Entity
@Table(name = "MB_POINT_ENTRY", uniqueConstraints = { @UniqueConstraint(name = "MB_POINT_ONCE", columnNames = { "HOUSEHOLD_ID", "REASON", "REF_KEY" }) })
public class PointEntryEntity {

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

    @Column(name = "HOUSEHOLD_ID", nullable = false)
    long household;

    @Column(name = "DELTA", nullable = false)
    long delta;

    @Column(name = "REASON", length = 12, nullable = false)
    String reason;

    @Column(name = "REF_KEY", length = 40, nullable = false)
    String ref;

    @Column(name = "NOTE", length = 200)
    String note;

    @Column(name = "ENTRY_AT", nullable = false)
    LocalDateTime at;

    @Column(name = "BY_USER", length = 64, nullable = false)
    String by;

    @Version
    @Column(name = "VERSION")
    long version;
}
