package org.loumen.plugin.elder.smartphone.training.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** That a street's demo courses were seeded (once: seeding again adds nothing). */
@Entity
@Table(name = "ET_DEMO_SEED")
public class DemoSeedEntity {

    @Id
    @Column(name = "STREET", length = 9)
    String street;

    @Column(name = "SEEDED_AT", nullable = false)
    Instant seededAt;
}
