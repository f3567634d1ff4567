package org.loumen.core.identity.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The claim of a leader on their one account (楼门栋长账号): the leader's id is the primary key, so the database itself
 * refuses a second account for a leader, also when two issuances run at once. A table of its own because
 * {@code create-or-extend-tables} adds columns to an existing {@code IDN_ACCOUNT} but never a constraint.
 */
@Entity
@Table(name = "IDN_LEADER_ACCOUNT")
public class LeaderAccountEntity {

    @Id
    @Column(name = "LEADER_ID")
    private long leaderId;

    @Column(name = "USERNAME", length = 32, nullable = false)
    private String username;

    protected LeaderAccountEntity() {
        // JPA
    }

    LeaderAccountEntity(long leaderId, String username) {
        this.leaderId = leaderId;
        this.username = username;
    }

    long leaderId() {
        return leaderId;
    }

    String username() {
        return username;
    }
}
