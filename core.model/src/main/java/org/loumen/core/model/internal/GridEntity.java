package org.loumen.core.model.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A grid of a community; code = community code + {@code G} + two digits. */
@Entity
@Table(name = "ORG_GRID")
public class GridEntity {

    @Id
    @Column(name = "CODE", length = 16)
    String code;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "NAME", length = 40, nullable = false)
    String name;

    @Version
    @Column(name = "VERSION")
    long version;

    protected GridEntity() {
        // JPA
    }

    GridEntity(String code, String community, String name) {
        this.code = code;
        this.community = community;
        this.name = name;
    }
}
