package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A steward (楼门管家) of a unit: signed up by a resident or added by the leader; PENDING until decided. */
@Entity
@Table(name = "MB_STEWARD")
public class StewardEntity {

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

    @Column(name = "HOUSEHOLD_ID")
    Long household;

    @Column(name = "NAME", length = 40, nullable = false)
    String name;

    @Column(name = "PHONE", length = 11)
    String phone;

    @Column(name = "STATUS", length = 10, nullable = false)
    String status;

    @Column(name = "LEAD", nullable = false)
    boolean lead;

    @Column(name = "SOURCE", length = 10, nullable = false)
    String source;

    @Column(name = "USERNAME", length = 64)
    String username;

    @Column(name = "CREATED_AT", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "DECIDED_BY", length = 64)
    String decidedBy;

    @Column(name = "DECIDED_AT")
    LocalDateTime decidedAt;

    @Version
    @Column(name = "VERSION")
    long version;
}
