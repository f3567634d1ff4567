package org.loumen.core.identity.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The counter row of {@link CheckedTokens}: moved on by every transaction that ends sessions or changes accounts. */
@Entity
@Table(name = "IDN_VERSION")
public class IdentityVersionEntity {

    @Id
    @Column(length = 40)
    String name;

    @Column(nullable = false)
    long stamp;

    protected IdentityVersionEntity() {
    }

    IdentityVersionEntity(String name, long stamp) {
        this.name = name;
        this.stamp = stamp;
    }
}
