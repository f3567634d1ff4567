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
 * A household of a unit as the programme knows it (户): its room, the household code (户码) the leader hands out, and
 * its points balance (积分). The balance is the sum of the household's ledger entries, kept beside it so a redemption
 * can be checked and taken in one conditional update (never below zero, also under parallel requests).
 */
@Entity
@Table(name = "MB_HOUSEHOLD", uniqueConstraints = { @UniqueConstraint(name = "MB_HOUSEHOLD_ROOM", columnNames = { "UNIT", "ROOM" }), @UniqueConstraint(name = "MB_HOUSEHOLD_CODE", columnNames = { "CODE" }) })
public class HouseholdEntity {

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

    @Column(name = "ROOM", length = 20, nullable = false)
    String room;

    @Column(name = "CODE", length = 8, nullable = false)
    String code;

    @Column(name = "POINTS", nullable = false)
    long points;

    @Column(name = "CREATED_AT", nullable = false)
    LocalDateTime createdAt;

    @Version
    @Column(name = "VERSION")
    long version;
}
