package org.loumen.core.model.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

/** A building of a community; code = community code + {@code B} + three digits, in order of creation. */
@Entity
@Table(name = "ORG_BUILDING", indexes = @Index(name = "ORG_BUILDING_COMMUNITY", columnList = "COMMUNITY"))
public class BuildingEntity {

    @Id
    @Column(name = "CODE", length = 20)
    String code;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "LABEL", length = 40, nullable = false)
    String label;

    /** The grid the building is placed in, or null. */
    @Column(name = "GRID", length = 16)
    String grid;

    @Version
    @Column(name = "VERSION")
    long version;

    protected BuildingEntity() {
        // JPA
    }

    BuildingEntity(String code, String community, String label) {
        this.code = code;
        this.community = community;
        this.label = label;
    }
}
