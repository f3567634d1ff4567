package org.loumen.core.identity.internal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import org.loumen.security.Role;
import org.loumen.security.RoleBinding;

/** A role held at a node, stored with its account. */
@Embeddable
public class BindingEmbeddable {

    @Column(name = "ROLE_NAME", length = 32, nullable = false)
    private String role;

    @Column(name = "NODE", length = 32, nullable = false)
    private String node;

    protected BindingEmbeddable() {
        // JPA
    }

    BindingEmbeddable(RoleBinding binding) {
        this.role = binding.role().name();
        this.node = binding.node();
    }

    RoleBinding toBinding() {
        return new RoleBinding(Role.valueOf(role), node);
    }
}
