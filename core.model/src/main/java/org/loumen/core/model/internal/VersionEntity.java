package org.loumen.core.model.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** One counter row of {@link DataVersion}: moved on by every write of the data it names, in that write's transaction. */
@Entity
@Table(name = "MDL_VERSION")
public class VersionEntity {

    @Id
    @Column(length = 40)
    String name;

    @Column(nullable = false)
    long stamp;

    protected VersionEntity() {
    }

    VersionEntity(String name, long stamp) {
        this.name = name;
        this.stamp = stamp;
    }
}
