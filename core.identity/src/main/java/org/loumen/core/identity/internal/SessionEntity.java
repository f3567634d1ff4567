package org.loumen.core.identity.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * A sign-in session (登录会话) as every node sees it: the SHA-256 of the token (never the token), whose it is, when it
 * began and when it was last used (written at most once a minute, see {@link Sessions#touchMillis}).
 */
@Entity
@Table(name = "IDN_SESSION", indexes = @Index(name = "IDN_SESSION_USER", columnList = "USERNAME"))
public class SessionEntity {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    String tokenHash;

    @Column(name = "USERNAME", length = 32, nullable = false)
    String username;

    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;

    @Column(name = "LAST_USED", nullable = false)
    long lastUsed;

    protected SessionEntity() {
        // JPA
    }

    SessionEntity(String tokenHash, String username, long createdAt, long lastUsed) {
        this.tokenHash = tokenHash;
        this.username = username;
        this.createdAt = createdAt;
        this.lastUsed = lastUsed;
    }
}
