package org.loumen.plugin.volunteer.brands.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A volunteer service brand (志愿服务品牌) of one community. */
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

    @Version
    @Column(name = "VERSION")
    long version;
}
