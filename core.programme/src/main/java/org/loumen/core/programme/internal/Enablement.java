package org.loumen.core.programme.internal;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which street enabled which programme. Kept in table {@code PRG_ENABLEMENT} and mirrored in memory, because every
 * programme request asks; a programme never seen before is disabled everywhere. Another node on the same database may
 * switch a programme: the mirror polls a cheap stamp of the table (the sum of the rows' versions, which grows with
 * every insert and update) every {@link #POLL_MILLIS} ms and reloads the table when it changed, so a switch made on
 * another node is served here within about half a second. Events are posted by the node that made the switch only.
 */
@Component(service = Enablement.class)
public final class Enablement {

    /** Event topics: a street switched a programme on or off (properties street, programme, by). */
    static final String TOPIC_ENABLED = "org/loumen/programme/ENABLED";
    static final String TOPIC_DISABLED = "org/loumen/programme/DISABLED";

    /** How often the table's stamp is read for changes made by another node. */
    static final long POLL_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Enablement.class);

    private final JpaTemplate jpa;
    private final EventAdmin events;
    /** programme id -> streets that enabled it; written only after the database committed. */
    private volatile Map<String, Set<String>> enabled = new ConcurrentHashMap<>();
    /** The table's stamp when the mirror was last loaded. */
    private long stamp = -1;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loumen-enablement-poll");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public Enablement(@Reference(target = "(osgi.unit.name=loumen.programme)") JpaTemplate jpa,
            @Reference EventAdmin events) {
        this.jpa = jpa;
        this.events = events;
        refresh();
        poller.scheduleWithFixedDelay(this::refreshQuietly, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        poller.shutdownNow();
    }

    /** Reloads the mirror when the table changed since it was loaded (by any node); true when it reloaded. */
    synchronized boolean refresh() {
        long now = jpa.txExpr(TransactionType.Required, em -> {
            Number sum = em.createQuery("SELECT SUM(e.version) FROM EnablementEntity e", Number.class)
                    .getSingleResult();
            return sum == null ? 0L : sum.longValue();
        });
        if (now == stamp) {
            return false;
        }
        List<EnablementEntity> rows = jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("SELECT e FROM EnablementEntity e WHERE e.enabled = TRUE", EnablementEntity.class)
                .getResultList());
        Map<String, Set<String>> loaded = new ConcurrentHashMap<>();
        for (EnablementEntity e : rows) {
            loaded.computeIfAbsent(e.programme, k -> ConcurrentHashMap.newKeySet()).add(e.street);
        }
        enabled = loaded;
        stamp = now;
        return true;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Programme enablement could not be reloaded: {}", e.toString());
        }
    }

    private Set<String> streets(String programme) {
        return enabled.computeIfAbsent(programme, k -> ConcurrentHashMap.newKeySet());
    }

    boolean isEnabled(String street, String programme) {
        Set<String> streets = enabled.get(programme);
        return streets != null && streets.contains(street);
    }

    /** The streets that enabled the programme, in code order. */
    Set<String> streetsOf(String programme) {
        Set<String> streets = enabled.get(programme);
        return streets == null ? Set.of() : new TreeSet<>(streets);
    }

    /** What was acknowledged when the street last enabled the programme ({@code null}: not recorded). */
    String acknowledged(String street, String programme) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT e.dataAcknowledged FROM EnablementEntity e WHERE e.street = :s AND e.programme = :p",
                String.class).setParameter("s", street).setParameter("p", programme).getResultList()).stream()
                .findFirst().orElse(null);
    }

    /** Whether any street ever switched the programme on or off (its id is known even while it is not deployed). */
    boolean known(String programme) {
        return jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("SELECT COUNT(e) FROM EnablementEntity e WHERE e.programme = :p", Long.class)
                .setParameter("p", programme).getSingleResult()) > 0;
    }

    /**
     * Switches the programme on or off for the street; committed before it returns, then published.
     *
     * @return whether anything changed
     */
    synchronized boolean set(String street, String programme, boolean on, String by) {
        return set(street, programme, on, by, null);
    }

    /**
     * Switches the programme on or off, recording which data declarations were acknowledged when switching on.
     *
     * @param acknowledged the declarations shown and acknowledged, comma-separated; {@code null} when not given
     * @return whether anything changed
     */
    synchronized boolean set(String street, String programme, boolean on, String by, String acknowledged) {
        boolean changed = jpa.txExpr(TransactionType.Required, em -> {
            List<EnablementEntity> rows = em.createQuery(
                    "SELECT e FROM EnablementEntity e WHERE e.street = :s AND e.programme = :p",
                    EnablementEntity.class).setParameter("s", street).setParameter("p", programme).getResultList();
            EnablementEntity row = rows.isEmpty() ? null : rows.get(0);
            if (row != null && row.enabled == on) {
                if (on && acknowledged != null && !acknowledged.equals(row.dataAcknowledged)) {
                    row.dataAcknowledged = acknowledged; // acknowledged now what an older switch did not record
                }
                return false;
            }
            if (row == null) {
                row = new EnablementEntity();
                row.street = street;
                row.programme = programme;
                em.persist(row);
            }
            row.enabled = on;
            if (on) {
                row.dataAcknowledged = acknowledged;
            }
            row.changedBy = by;
            row.changedAt = Instant.now().toEpochMilli();
            return true;
        });
        if (changed) {
            if (on) {
                streets(programme).add(street);
            } else {
                streets(programme).remove(street);
            }
            events.postEvent(new Event(on ? TOPIC_ENABLED : TOPIC_DISABLED,
                    Map.of("street", street, "programme", programme, "by", by)));
        }
        return changed;
    }
}
