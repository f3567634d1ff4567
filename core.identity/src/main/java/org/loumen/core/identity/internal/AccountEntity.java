package org.loumen.core.identity.internal;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import org.loumen.security.RoleBinding;

/** A user account (账号). Sign-in counters live in {@link LoginStateEntity} so they never make an edit stale. */
@Entity
@Table(name = "IDN_ACCOUNT")
public class AccountEntity {

    @Id
    @Column(name = "USERNAME", length = 32)
    private String username;

    @Column(name = "DISPLAY_NAME", length = 60, nullable = false)
    private String displayName;

    /** {@code pbkdf2-sha256$iterations$salt$hash}; see {@link PasswordHasher}. */
    @Column(name = "PASSWORD_HASH", length = 200, nullable = false)
    private String passwordHash;

    /** The hash of the password before the current one, so a change cannot go straight back to it (added column). */
    @Column(name = "PREVIOUS_PASSWORD_HASH", length = 200)
    private String previousPasswordHash;

    /** Set when someone other than the user chose the password. */
    @Column(name = "MUST_CHANGE_PASSWORD", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CREATED_BY", length = 32, nullable = false)
    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "IDN_BINDING", joinColumns = @JoinColumn(name = "USERNAME"))
    private List<BindingEmbeddable> bindings = new ArrayList<>();

    /**
     * The leader (楼门栋长) this account belongs to, or null for a staff account (added column). A linked account's
     * roles are not stored: they are derived from the leader's assignments at every request ({@link LeaderBindings}).
     * One leader has at most one account: {@link LeaderAccountEntity} holds the leader id as its key.
     */
    @Column(name = "LEADER_ID")
    private Long leaderId;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected AccountEntity() {
        // JPA
    }

    AccountEntity(String username, String displayName, String passwordHash, boolean mustChangePassword,
            List<RoleBinding> bindings, long createdAt, String createdBy) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
        this.enabled = true;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        setBindings(bindings);
    }

    /** A leader's account: no stored roles, a first password to change. */
    static AccountEntity forLeader(String username, String displayName, String passwordHash, long leaderId,
            long createdAt, String createdBy) {
        AccountEntity a = new AccountEntity(username, displayName, passwordHash, true, List.of(), createdAt,
                createdBy);
        a.leaderId = leaderId;
        return a;
    }

    /** The linked leader's id, or null. */
    Long leaderId() {
        return leaderId;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    /** The hash of the previous password, or {@code null}. */
    String previousPasswordHash() {
        return previousPasswordHash;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    boolean enabled() {
        return enabled;
    }

    long createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    long version() {
        return version;
    }

    List<RoleBinding> bindings() {
        return bindings.stream().map(BindingEmbeddable::toBinding).toList();
    }

    void setBindings(List<RoleBinding> list) {
        bindings.clear();
        list.forEach(b -> bindings.add(new BindingEmbeddable(b)));
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** A new password: the current one becomes the previous one. */
    void setPassword(String hash, boolean mustChange) {
        this.previousPasswordHash = this.passwordHash;
        this.passwordHash = hash;
        this.mustChangePassword = mustChange;
    }

    /** The same password hashed anew (more iterations): the previous one stays as it was. */
    void rehash(String hash) {
        this.passwordHash = hash;
    }
}
