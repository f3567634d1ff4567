package org.loumen.plugin.my.building.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A redemption at the points shop: who took what, for how many points. */
@Entity
@Table(name = "MB_REDEMPTION")
public class RedemptionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "ITEM_ID", nullable = false)
    long item;

    @Column(name = "HOUSEHOLD_ID", nullable = false)
    long household;

    @Column(name = "QUANTITY", nullable = false)
    int quantity;

    @Column(name = "POINTS", nullable = false)
    long points;

    @Column(name = "REDEEMED_AT", nullable = false)
    LocalDateTime at;

    @Column(name = "BY_USER", length = 64, nullable = false)
    String by;

    @Version
    @Column(name = "VERSION")
    long version;
}
