package org.loumen.core.programme.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

/** Whether one street enabled one programme (街道启用项目), with who changed it last. No row: disabled. */
@Entity
@Table(name = "PRG_ENABLEMENT", uniqueConstraints = @UniqueConstraint(columnNames = { "STREET", "PROGRAMME" }))
public class EnablementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "PROGRAMME", length = 40, nullable = false)
    String programme;

    @Column(name = "ENABLED", nullable = false)
    boolean enabled;

    @Column(name = "CHANGED_BY", length = 64, nullable = false)
    String changedBy;

    @Column(name = "CHANGED_AT", nullable = false)
    long changedAt;

    /**
     * The personal-data declarations the person who last enabled it was shown and acknowledged (comma-separated
     * {@code PersonalData} names; empty: none declared; {@code null}: enabled without the acknowledgement, e.g. by a
     * client that predates it).
     */
    @Column(name = "DATA_ACKNOWLEDGED", length = 400)
    String dataAcknowledged;

    @Version
    @Column(name = "VERSION")
    long version;

    Instant changedAt() {
        return Instant.ofEpochMilli(changedAt);
    }
}
