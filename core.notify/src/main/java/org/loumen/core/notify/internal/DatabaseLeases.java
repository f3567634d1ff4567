package org.loumen.core.notify.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.lease.Leases;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Leases} in table {@code LMN_LEASE}. Taking a free lease inserts its row (the primary key lets one of two
 * racing nodes win); taking an expired one updates it under its version (optimistic lock: one of two wins).
 */
@Component(service = Leases.class)
public final class DatabaseLeases implements Leases {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLeases.class);

    private final JpaTemplate jpa;
    private final Clock clock;
    private final String self;

    @Activate
    public DatabaseLeases(@Reference(target = "(osgi.unit.name=loumen.notify)") JpaTemplate jpa) {
        this(jpa, Clock.systemUTC(), host() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    DatabaseLeases(JpaTemplate jpa, Clock clock, String self) {
        this.jpa = jpa;
        this.clock = clock;
        this.self = self;
    }

    private static String host() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.length() > 100 ? h.substring(0, 100) : h;
        } catch (Exception e) {
            return "node";
        }
    }

    @Override
    public boolean acquire(String name, Duration ttl) {
        if (name == null || name.isBlank() || name.length() > 60 || ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException("lease name 1-60 characters and a positive ttl");
        }
        long now = clock.millis();
        try {
            return jpa.txExpr(em -> {
                LeaseEntity l = em.find(LeaseEntity.class, name);
                if (l == null) {
                    l = new LeaseEntity();
                    l.name = name;
                    l.holder = self;
                    l.expiresAt = now + ttl.toMillis();
                    em.persist(l);
                    em.flush();
                    return true;
                }
                if (!self.equals(l.holder) && l.expiresAt > now) {
                    return false;
                }
                l.holder = self;
                l.expiresAt = now + ttl.toMillis();
                em.flush();
                return true;
            });
        } catch (RuntimeException e) {
            // another node inserted or took it over at the same moment: it holds the lease
            LOG.debug("Lease {} taken by another node: {}", name, e.toString());
            return false;
        }
    }

    @Override
    public void release(String name) {
        try {
            jpa.tx(em -> {
                LeaseEntity l = em.find(LeaseEntity.class, name);
                if (l != null && self.equals(l.holder)) {
                    l.expiresAt = 0;
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("Lease {} not released: {}", name, e.toString());
        }
    }

    @Override
    public Optional<String> holder(String name) {
        long now = clock.millis();
        return jpa.txExpr(em -> Optional.ofNullable(em.find(LeaseEntity.class, name))
                .filter(l -> l.expiresAt > now).map(l -> l.holder));
    }

    @Override
    public String self() {
        return self;
    }
}
