package org.loumen.core.model.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.loumen.core.model.District;

@Entity
@Table(name = "ORG_DISTRICT")
public class DistrictEntity {

    @Id
    @Column(length = 6)
    private String code;

    @Column(nullable = false, length = 60)
    private String name;

    @Column(name = "NAME_EN", length = 120)
    private String nameEn;

    @Version
    private long version;

    protected DistrictEntity() {
    }

    DistrictEntity(String code, String name, String nameEn) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
    }

    District toDto() {
        return new District(code, name, nameEn);
    }
}
