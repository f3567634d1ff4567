package org.loumen.core.model.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

/** A unit of a building; code = building code + {@code U} + two digits. */
@Entity
@Table(name = "ORG_UNIT", indexes = @Index(name = "ORG_UNIT_BUILDING", columnList = "BUILDING"))
public class UnitEntity {

    @Id
    @Column(name = "CODE", length = 24)
    String code;

    @Column(name = "BUILDING", length = 20, nullable = false)
    String building;

    @Column(name = "LABEL", length = 40, nullable = false)
    String label;

    @Version
    @Column(name = "VERSION")
    long version;

    protected UnitEntity() {
        // JPA
    }

    UnitEntity(String code, String building, String label) {
        this.code = code;
        this.building = building;
        this.label = label;
    }
}
