package org.loumen.plugin.volunteer.brands.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A volunteer service brand (志愿服务品牌) of one community. Columns of version 1 (ID … VERSION) stay as they were; the
 * founder, status and founding day were added later and are nullable, so the rows of version 1 are kept as they are
 * (a missing status reads {@code ACTIVE}).
 */
@Entity
@Table(name = "VB_BRAND")
public class BrandEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "STREET", length = 9, nullable = false)
    String street;

    @Column(name = "COMMUNITY", length = 12, nullable = false)
    String community;

    @Column(name = "NAME", length = 60, nullable = false)
    String name;

    @Column(name = "SLOGAN", length = 200)
    String slogan;

    @Column(name = "CREATED_BY", length = 64, nullable = false)
    String createdBy;

    /** The founding leader (创始人): a leader record's id, read through the declared data access. */
    @Column(name = "FOUNDER_LEADER_ID")
    Long founder;

    /** {@code ACTIVE}, {@code PAUSED} or {@code DISSOLVED}; {@code null} for the rows of version 1 (active). */
    @Column(name = "STATUS", length = 12)
    String status;

    @Column(name = "FOUNDED_ON")
    LocalDate foundedOn;

    String status() {
        return status == null ? "ACTIVE" : status;
    }

    @Version
    @Column(name = "VERSION")
    long version;
}
