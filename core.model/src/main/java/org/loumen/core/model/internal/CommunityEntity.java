package org.loumen.core.model.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

import org.loumen.core.model.Community;
import org.loumen.core.model.CommunityKind;

@Entity
@Table(name = "ORG_COMMUNITY", indexes = @Index(name = "IX_COMMUNITY_STREET", columnList = "STREET_CODE"))
public class CommunityEntity {

    @Id
    @Column(length = 12)
    private String code;

    @Column(name = "STREET_CODE", nullable = false, length = 9)
    private String street;

    @Column(nullable = false, length = 60)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CommunityKind kind;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CommunityEntity() {
    }

    CommunityEntity(String code, String street, String name, CommunityKind kind) {
        this.code = code;
        this.street = street;
        this.name = name;
        this.kind = kind;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    String code() {
        return code;
    }

    String street() {
        return street;
    }

    String name() {
        return name;
    }

    long version() {
        return version;
    }

    void rename(String newName) {
        this.name = newName;
        this.updatedAt = Instant.now();
    }

    Community toDto() {
        return new Community(code, street, name, kind, version);
    }
}
