package org.loumen.plugin.my.building.internal;


import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** An item of a community's points shop (积分超市), its price in points and its stock (never below zero). */
@Entity
@Table(name = "MB_SHOP_ITEM")
public class ShopItemEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "NAME", length = 60, nullable = false)
    String name;

    @Column(name = "POINTS", nullable = false)
    int points;

    @Column(name = "STOCK", nullable = false)
    int stock;

    @Version
    @Column(name = "VERSION")
    long version;
}
