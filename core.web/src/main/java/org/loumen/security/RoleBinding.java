package org.loumen.security;

import java.util.Objects;

/**
 * A role held at one node of the organisation tree (角色绑定), e.g. STREET_ADMIN at {@code 120112103} (双港镇).
 *
 * @param role the role
 * @param node the code of the district, street or community the role is held at
 */
public record RoleBinding(Role role, String node) {

    public RoleBinding {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(node, "node");
    }

    /** Whether this binding reaches the given node: the node is this binding's node or lies below it. */
    public boolean covers(String code) {
        return code != null && code.startsWith(node);
    }
}
