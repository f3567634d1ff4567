package org.loumen.core.programme.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * A programme role granted to a user at a node (项目角色授予). The declaration's granting role and level are kept
 * with the grant, so it can be shown and revoked while its programme is not deployed; it admits nobody then.
 */
@Entity
@Table(name = "PRG_ROLE_GRANT", uniqueConstraints = @UniqueConstraint(columnNames = { "USERNAME", "PROGRAMME",
        "ROLE_ID", "NODE" }))
public class RoleGrantEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "USERNAME", length = 64, nullable = false)
    String username;

    @Column(name = "PROGRAMME", length = 40, nullable = false)
    String programme;

    @Column(name = "ROLE_ID", length = 40, nullable = false)
    String role;

    @Column(name = "NODE", length = 24, nullable = false)
    String node;

    /** The core role that may grant and revoke it (from the declaration at the time of granting). */
    @Column(name = "GRANTED_BY_ROLE", length = 32, nullable = false)
    String grantedByRole;

    @Column(name = "GRANTED_BY", length = 64, nullable = false)
    String grantedBy;

    @Column(name = "GRANTED_AT", nullable = false)
    long grantedAt;
}
