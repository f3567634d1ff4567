package org.loumen.core.notify.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The last run of a scheduled scan, so a restart knows where things stand. */
@Entity
@Table(name = "NTF_SCAN")
public class ScanEntity {

    @Id
    @Column(name = "NAME", length = 60)
    String name;

    @Column(name = "LAST_RUN_AT", nullable = false)
    long lastRunAt;

    @Column(name = "LAST_HOLDER", length = 120)
    String lastHolder;

    @Column(name = "ROWS_TOUCHED", nullable = false)
    long rowsTouched;

    @Column(name = "NOTICES", nullable = false)
    long notices;

    @Column(name = "DURATION_MS", nullable = false)
    long durationMs;
}
