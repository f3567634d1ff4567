package org.loumen.core.programme.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.web.GrantedRoles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Who holds which programme role where (table {@code PRG_ROLE_GRANT}). Read from the table at every request to a
 * route that admits programme roles (one indexed query on the username, which leads the table's unique key), never
 * from a copy in memory: a grant or revocation made on another node counts at once. Only grants of programmes being
 * served admit: a removed programme's grants stay, inert, until it comes back.
 */
@Component(service = { RoleGrants.class, GrantedRoles.class })
public final class RoleGrants implements GrantedRoles {

    /** One stored grant. */
    record Stored(long id, String username, String programme, String role, String node, String grantedByRole,
            String grantedBy, Instant grantedAt) {
        String qualified() {
            return ProgrammeApi.qualified(programme, role);
        }
    }

    private final JpaTemplate jpa;
    private final ServingProgrammes serving;

    @Activate
    public RoleGrants(@Reference(target = "(osgi.unit.name=loumen.programme)") JpaTemplate jpa,
            @Reference ServingProgrammes serving) {
        this.jpa = jpa;
        this.serving = serving;
    }

    @Override
    public List<Grant> grantsOf(String username) {
        List<Stored> held = of(username);
        if (held.isEmpty()) {
            return List.of();
        }
        Set<String> served = serving.ids();
        return held.stream().filter(s -> served.contains(s.programme()))
                .map(s -> new Grant(s.qualified(), s.node())).toList();
    }

    /** The user's grants, as stored now. */
    List<Stored> of(String username) {
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("SELECT g FROM RoleGrantEntity g WHERE g.username = :u ORDER BY g.id",
                        RoleGrantEntity.class).setParameter("u", username).getResultList())
                .stream().map(RoleGrants::of).toList();
    }

    /** Every grant, in id order. */
    List<Stored> all() {
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("SELECT g FROM RoleGrantEntity g ORDER BY g.id", RoleGrantEntity.class).getResultList())
                .stream().map(RoleGrants::of).toList();
    }

    Optional<Stored> find(long id) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Required, em -> em.find(RoleGrantEntity.class, id)))
                .map(RoleGrants::of);
    }

    /**
     * Grants the role; returns the grant and whether it is new (an existing identical grant is kept). The same grant
     * made at once on another node fails on the table's unique key here, and the other node's grant is returned.
     */
    Map.Entry<Stored, Boolean> grant(String username, String programme, String role, String node,
            String grantedByRole, String by) {
        Optional<Stored> existing = existing(username, programme, role, node);
        if (existing.isPresent()) {
            return Map.entry(existing.get(), false);
        }
        RoleGrantEntity saved;
        try {
            saved = jpa.txExpr(TransactionType.Required, em -> {
                RoleGrantEntity g = new RoleGrantEntity();
                g.username = username;
                g.programme = programme;
                g.role = role;
                g.node = node;
                g.grantedByRole = grantedByRole;
                g.grantedBy = by;
                g.grantedAt = Instant.now().toEpochMilli();
                em.persist(g);
                em.flush();
                return g;
            });
        } catch (RuntimeException e) {
            return existing(username, programme, role, node).map(s -> Map.entry(s, false)).orElseThrow(() -> e);
        }
        return Map.entry(of(saved), true);
    }

    private Optional<Stored> existing(String username, String programme, String role, String node) {
        return of(username).stream()
                .filter(s -> s.programme().equals(programme) && s.role().equals(role) && s.node().equals(node))
                .findFirst();
    }

    /** Revokes a grant; false when it was gone already. */
    boolean revoke(Stored s) {
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("DELETE FROM RoleGrantEntity g WHERE g.id = :id").setParameter("id", s.id())
                .executeUpdate()) > 0;
    }

    private static Stored of(RoleGrantEntity g) {
        return new Stored(g.id, g.username, g.programme, g.role, g.node, g.grantedByRole, g.grantedBy,
                Instant.ofEpochMilli(g.grantedAt));
    }
}
