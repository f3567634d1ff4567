package org.loumen.core.model.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** A household; one per unit and room. */
@Entity
@Table(name = "MDL_HOUSEHOLD", uniqueConstraints = @UniqueConstraint(name = "MDL_HOUSEHOLD_ROOM",
        columnNames = { "UNIT", "ROOM" }), indexes = {
        @Index(name = "MDL_HOUSEHOLD_COMMUNITY", columnList = "COMMUNITY"),
        // the few tagged households (care plans) found without reading the untagged ones (HouseholdService.tagged)
        @Index(name = "MDL_HOUSEHOLD_TAGS", columnList = "SPECIAL_GROUPS,UNIT") })
public class HouseholdEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "householdIds")
    @TableGenerator(name = "householdIds", table = "MDL_SEQUENCE", pkColumnName = "NAME",
            valueColumnName = "NEXT_VALUE", pkColumnValue = "HOUSEHOLD", allocationSize = 500)
    @Column(name = "ID")
    Long id;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "UNIT", length = 24, nullable = false)
    String unit;

    @Column(name = "ROOM", length = 20, nullable = false)
    String room;

    @Column(name = "HEAD_NAME", length = 40, nullable = false)
    String headName;

    @Column(name = "MEMBERS", nullable = false)
    int members;

    @Column(name = "PHONE", length = 20)
    String phone;

    /** Special-group enum names, comma-separated; empty for none. */
    @Column(name = "SPECIAL_GROUPS", length = 300, nullable = false)
    String specialGroups = "";

    @Version
    @Column(name = "VERSION")
    long version;
}
