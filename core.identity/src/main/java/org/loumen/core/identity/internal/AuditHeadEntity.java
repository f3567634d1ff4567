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
    int id;

    @Column(name = "LAST_SEQ", nullable = false)
    long lastSeq;

    @Column(name = "LAST_HASH", length = 64, nullable = false)
    String lastHash;

    protected AuditHeadEntity() {
        // JPA
    }

    AuditHeadEntity(long lastSeq, String lastHash) {
        this.id = ID;
        this.lastSeq = lastSeq;
        this.lastHash = lastHash;
    }
}
