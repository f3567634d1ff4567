package org.loumen.core.identity.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * One audit log entry (审计记录). Written once, never updated. Each entry carries a SHA-256 hash over its fields and
 * the previous entry's hash, so an edit or deletion made behind the application's back shows on verification.
 */
@Entity
@Table(name = "AUD_LOG", indexes = { @Index(name = "AUD_LOG_AT", columnList = "OCCURRED_AT"),
        // the search's order, newest first (AuditSearch): Derby walks an index forwards only; added on upgrade by
        // DeclaredIndexes
        @Index(name = "AUD_LOG_RECENT", columnList = "OCCURRED_AT DESC, SEQ DESC"),
        // also serves an actor alone, as AUD_LOG_ACTOR did (AuditSearch drops that one from older databases)
        @Index(name = "AUD_LOG_ACTOR_RECENT", columnList = "ACTOR, OCCURRED_AT DESC, SEQ DESC"),
        // the same for an outcome: denied and failed entries are few, and found without walking every success
        @Index(name = "AUD_LOG_OUTCOME_RECENT", columnList = "OUTCOME, OCCURRED_AT DESC, SEQ DESC") })
public class AuditEntity {

    @Id
    @Column(name = "SEQ")
    private long seq;

    @Column(name = "OCCURRED_AT", nullable = false)
    private long at;

    @Column(name = "ACTOR", length = 64, nullable = false)
    private String actor;

    @Column(name = "CLIENT_ADDR", length = 64)
    private String client;

    @Column(name = "ACTION_NAME", length = 160, nullable = false)
    private String action;

    @Column(name = "TARGET", length = 500)
    private String object;

    @Column(name = "ORG_NODE", length = 200)
    private String node;

    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;

    @Column(name = "HTTP_STATUS", nullable = false)
    private int status;

    @Column(name = "DETAIL", length = 500)
    private String detail;

    @Column(name = "PREV_HASH", length = 64, nullable = false)
    private String prevHash;

    @Column(name = "HASH", length = 64, nullable = false)
    private String hash;

    protected AuditEntity() {
        // JPA
    }

    AuditEntity(long seq, long at, String actor, String client, String action, String object, String node,
            String outcome, int status, String detail, String prevHash, String hash) {
        this.seq = seq;
        this.at = at;
        this.actor = actor;
        this.client = client;
        this.action = action;
        this.object = object;
        this.node = node;
        this.outcome = outcome;
        this.status = status;
        this.detail = detail;
        this.prevHash = prevHash;
        this.hash = hash;
    }

    long seq() {
        return seq;
    }

    long at() {
        return at;
    }

    String actor() {
        return actor;
    }

    String client() {
        return client;
    }

    String action() {
        return action;
    }

    String object() {
        return object;
    }

    String node() {
        return node;
    }

    String outcome() {
        return outcome;
    }

    int status() {
        return status;
    }

    String detail() {
        return detail;
    }

    String prevHash() {
        return prevHash;
    }

    String hash() {
        return hash;
    }
}
