package org.loumen.core.identity.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The head of the audit chain (审计链头): the one row ({@code ID} 1) holding the last entry's number and hash. Every
 * append locks it in the database ({@code SELECT … FOR UPDATE}) in the same transaction that inserts the entry, so
 * appends from any number of nodes form one chain, one after the other.
 */
@Entity
@Table(name = "AUD_HEAD")
public class AuditHeadEntity {

    static final int ID = 1;

    @Id
    @Column(name = "ID")
    private int id;

    @Column(name = "LAST_SEQ", nullable = false)
    private long lastSeq;

    @Column(name = "LAST_HASH", length = 64, nullable = false)
    private String lastHash;

    protected AuditHeadEntity() {
        // JPA
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    /**
     * Moves the head to a new last entry. Changed through a method of the entity, never by writing its fields from
     * another class: EclipseLink's woven change tracking only sees writes made inside the entity.
     */
    void advance(long seq, String hash) {
        this.lastSeq = seq;
        this.lastHash = hash;
    }

    AuditHeadEntity(long lastSeq, String lastHash) {
        this.id = ID;
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
    }
}
