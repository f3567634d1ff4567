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
import org.loumen.core.db.schema.FirstUse;
import org.loumen.web.PlatformStarted;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
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
 *
 * <p>Nothing is read while the platform starts: the mirror is loaded at the first use (every question and every
 * switch passes that gate first), or in the background once the platform has started, when the polling begins.
 */
@Component(service = Enablement.class)
public final class Enablement {

    /** Event topics: a street switched a programme on or off (properties street, programme, by). */
    static final String TOPIC_ENABLED = "org/loumen/programme/ENABLED";
    static final String TOPIC_DISABLED = "org/loumen/programme/DISABLED";

    /** How often the table's stamp is read for changes made by another node. */
    static final long POLL_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Enablement.class);

    /** Every transaction here but the mirror's loading: behind {@link #mirror}. */
    private final JpaTemplate jpa;
    /** Unguarded: the mirror's loading only (the gate's own work). */
    private final JpaTemplate store;
    private final FirstUse mirror;
    private final EventAdmin events;
    /** programme id -> streets that enabled it; written only after the database committed. */
    private volatile Map<String, Set<String>> enabled = new ConcurrentHashMap<>();
    /** The table's stamp when the mirror was last loaded. */
    private long stamp = -1;
    private boolean polling;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loumen-enablement-poll");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public Enablement(@Reference(target = "(osgi.unit.name=loumen.programme)") JpaTemplate jpa,
            @Reference EventAdmin events) {
        this.store = jpa;
        this.mirror = new FirstUse("项目启用情况 / which street runs which programme", this::refresh);
        this.jpa = mirror.guard(jpa);
        this.events = events;
    }

    /** Once the platform has started: the mirror loaded in the background, then kept up to date by polling. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void started(PlatformStarted started) {
        mirror.passInBackground();
        synchronized (poller) {
            if (!polling) {
                polling = true;
                poller.scheduleWithFixedDelay(this::refreshQuietly, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    void unstarted(PlatformStarted started) {
        // the polling goes on
    }

    @Deactivate
    void stop() {
        poller.shutdownNow();
    }

    /** Reloads the mirror when the table changed since it was loaded (by any node); true when it reloaded. */
    synchronized boolean refresh() {
        long now = store.txExpr(TransactionType.Required, em -> {
            Number sum = em.createQuery("SELECT SUM(e.version) FROM EnablementEntity e", Number.class)
                    .getSingleResult();
            return sum == null ? 0L : sum.longValue();
        });
        if (now == stamp) {
            return false;
        }
        List<EnablementEntity> rows = store.txExpr(TransactionType.Required, em -> em
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
            mirror.pass();
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Programme enablement could not be reloaded: {}", e.toString());
        }
    }

    private Set<String> streets(String programme) {
        return enabled.computeIfAbsent(programme, k -> ConcurrentHashMap.newKeySet());
    }

    boolean isEnabled(String street, String programme) {
        mirror.pass();
        Set<String> streets = enabled.get(programme);
        return streets != null && streets.contains(street);
    }

    /** The streets that enabled the programme, in code order. */
    Set<String> streetsOf(String programme) {
        mirror.pass();
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
    boolean set(String street, String programme, boolean on, String by) {
        return set(street, programme, on, by, null);
    }

    /**
     * Switches the programme on or off, recording which data declarations were acknowledged when switching on.
     *
     * @param acknowledged the declarations shown and acknowledged, comma-separated; {@code null} when not given
     * @return whether anything changed
     */
    boolean set(String street, String programme, boolean on, String by, String acknowledged) {
        mirror.pass(); // before this object's monitor, which the gate's work (refresh) takes too: no lock cycle
        return switched(street, programme, on, by, acknowledged);
    }

    private synchronized boolean switched(String street, String programme, boolean on, String by,
            String acknowledged) {
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
