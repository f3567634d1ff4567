package org.loumen.core.identity.internal;

import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.security.AccountDirectory;
import org.loumen.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link AccountDirectory} over the account table. */
@Component(service = AccountDirectory.class)
public final class JpaAccountDirectory implements AccountDirectory {

    private final JpaTemplate jpa;

    @Activate
    public JpaAccountDirectory(@Reference(target = "(osgi.unit.name=loumen.identity)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public boolean exists(String username) {
        return username != null && jpa.txExpr(em -> em.find(AccountEntity.class, username) != null);
    }

    @Override
    public List<String> holders(Role role, String node) {
        if (role == null || node == null) {
            return List.of();
        }
        return jpa.txExpr(em -> em.createQuery("select distinct a.username from AccountEntity a join a.bindings b "
                + "where b.role = :r and b.node = :n and a.enabled = true order by a.username", String.class)
                .setParameter("r", role.name()).setParameter("n", node).getResultList());
    }

    @Override
    public Optional<String> leaderAccount(long leader) {
        return jpa.txExpr(em -> em.createQuery("select a.username from AccountEntity a where a.leaderId = :l "
                + "and a.enabled = true", String.class).setParameter("l", leader).getResultStream().findFirst());
    }
}
