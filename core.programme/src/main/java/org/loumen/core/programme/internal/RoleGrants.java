package org.loumen.core.programme.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.web.GrantedRoles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Who holds which programme role where (table {@code PRG_ROLE_GRANT}), mirrored in memory because the dispatcher asks
 * on every request to a route that admits programme roles. Only grants of programmes being served admit: a removed
 * programme's grants stay, inert, until it comes back.
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
    /** username -> grants; written only after the database committed. */
    private final Map<String, List<Stored>> byUser = new ConcurrentHashMap<>();

    @Activate
    public RoleGrants(@Reference(target = "(osgi.unit.name=loumen.programme)") JpaTemplate jpa,
            @Reference ServingProgrammes serving) {
        this.jpa = jpa;
        this.serving = serving;
        for (Stored s : all()) {
            byUser.computeIfAbsent(s.username(), k -> new ArrayList<>()).add(s);
        }
    }

    @Override
    public List<Grant> grantsOf(String username) {
        List<Stored> held = byUser.get(username);
        if (held == null || held.isEmpty()) {
            return List.of();
        }
        Set<String> served = serving.ids();
        return List.copyOf(held).stream().filter(s -> served.contains(s.programme()))
                .map(s -> new Grant(s.qualified(), s.node())).toList();
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

    /** Grants the role; returns the grant and whether it is new (an existing identical grant is kept). */
    synchronized Map.Entry<Stored, Boolean> grant(String username, String programme, String role, String node,
            String grantedByRole, String by) {
        Optional<Stored> existing = List.copyOf(byUser.getOrDefault(username, List.of())).stream()
                .filter(s -> s.programme().equals(programme) && s.role().equals(role) && s.node().equals(node))
                .findFirst();
        if (existing.isPresent()) {
            return Map.entry(existing.get(), false);
        }
        RoleGrantEntity saved = jpa.txExpr(TransactionType.Required, em -> {
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
        Stored s = of(saved);
        byUser.compute(username, (k, v) -> {
            List<Stored> list = v == null ? new ArrayList<>() : new ArrayList<>(v);
            list.add(s);
            return list;
        });
        return Map.entry(s, true);
    }

    /** Revokes a grant; false when it was gone already. */
    synchronized boolean revoke(Stored s) {
        int removed = jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("DELETE FROM RoleGrantEntity g WHERE g.id = :id").setParameter("id", s.id())
                .executeUpdate());
        byUser.computeIfPresent(s.username(), (k, v) -> {
            List<Stored> list = new ArrayList<>(v);
            list.removeIf(x -> x.id() == s.id());
            return list.isEmpty() ? null : list;
        });
        return removed > 0;
    }

    private static Stored of(RoleGrantEntity g) {
        return new Stored(g.id, g.username, g.programme, g.role, g.node, g.grantedByRole, g.grantedBy,
                Instant.ofEpochMilli(g.grantedAt));
    }
}
