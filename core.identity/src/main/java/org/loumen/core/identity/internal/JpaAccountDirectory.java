package org.loumen.core.identity.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.security.AccountDirectory;
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
}
