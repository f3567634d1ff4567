package org.loumen.core.model.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.loumen.core.model.Street;
import org.loumen.core.model.StreetKind;

@Entity
@Table(name = "ORG_STREET")
public class StreetEntity {

    @Id
    @Column(length = 9)
    private String code;

    @Column(name = "DISTRICT_CODE", nullable = false, length = 6)
    private String district;

    @Column(nullable = false, length = 60)
    private String name;

    @Column(name = "NAME_EN", length = 120)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private StreetKind kind;

    @Version
    private long version;

    protected StreetEntity() {
    }

    StreetEntity(String code, String district, String name, String nameEn, StreetKind kind) {
        this.code = code;
        this.district = district;
        this.name = name;
        this.nameEn = nameEn;
        this.kind = kind;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    String nameEn() {
        return nameEn;
    }

    Street toDto(int communities) {
        return new Street(code, name, nameEn, kind, communities, version);
    }
}
