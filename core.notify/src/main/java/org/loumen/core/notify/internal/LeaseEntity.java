package org.loumen.core.notify.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A named lease: who holds it until when. The version makes two nodes' takeovers of an expired lease race safely. */
@Entity
@Table(name = "LMN_LEASE")
public class LeaseEntity {

    @Id
    @Column(name = "NAME", length = 60)
    String name;

    @Column(name = "HOLDER", length = 120, nullable = false)
    String holder;

    @Column(name = "EXPIRES_AT", nullable = false)
    long expiresAt;

    @Version
    @Column(name = "VERSION")
    long version;
}
