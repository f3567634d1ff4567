package org.loumen.core.identity.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * Failed sign-ins and lockout of one sign-in name (登录失败与锁定): an account's, or a name without an account (so
 * that the lockout tells nothing about which accounts exist). Kept across restarts and shared by every node.
 */
@Entity
@Table(name = "IDN_LOGIN_STATE")
public class LoginStateEntity {

    @Id
    @Column(name = "USERNAME", length = 32)
    private String username;

    @Column(name = "FAILURES", nullable = false)
    private int failures;

    /** Epoch millis until which sign-in is refused; 0 when not locked. */
    @Column(name = "LOCKED_UNTIL", nullable = false)
    private long lockedUntil;

    @Column(name = "LAST_LOGIN_AT", nullable = false)
    private long lastLoginAt;

    /** Epoch millis of the last failure (null in rows older than this column). */
    @Column(name = "LAST_FAILURE_AT")
    private Long lastFailureAt;

    protected LoginStateEntity() {
        // JPA
    }

    LoginStateEntity(String username) {
        this.username = username;
    }

    String username() {
        return username;
    }

    int failures() {
        return failures;
    }

    long lockedUntil() {
        return lockedUntil;
    }

    long lastLoginAt() {
        return lastLoginAt;
    }

    /** Counts a failure; at the threshold the account locks and the count starts again. */
    boolean fail(long now, int threshold, long lockMillis) {
        failures++;
        lastFailureAt = now;
        if (failures >= threshold) {
            failures = 0;
            lockedUntil = now + lockMillis;
            return true;
        }
        return false;
    }

    void succeed(long now) {
        failures = 0;
        lockedUntil = 0;
        lastLoginAt = now;
    }

    void unlock() {
        failures = 0;
        lockedUntil = 0;
    }
}
