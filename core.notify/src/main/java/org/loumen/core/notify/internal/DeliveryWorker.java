package org.loumen.core.notify.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.notify.DeliveryException;
import org.loumen.notify.Message;
import org.loumen.notify.NotificationChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox ({@code NTF_DELIVERY}) on its own thread, never on a request's: each due delivery is claimed
 * under its version (so two nodes never send it at the same time), handed to its channel, then marked SENT, or retried
 * after a wait that doubles from {@code firstRetrySeconds} up to {@code maxRetrySeconds}, and DEAD after
 * {@code maxAttempts}. A delivery whose channel is not registered waits without using up attempts.
 */
@Component(service = DeliveryWorker.class, configurationPid = NotifyConfig.PID)
public final class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String DEAD = "DEAD";
    /** How long a claimed delivery is kept from other nodes while it is being sent. */
    private static final long CLAIM_MILLIS = 120_000;
    private static final int BATCH = 50;

    /** The last outcome per channel, for health. */
    record ChannelState(boolean ok, String lastError, int consecutiveFailures, Instant at) {
    }

    private final JpaTemplate jpa;
    private final ChannelRegistry channels;
    private final Clock clock = Clock.systemUTC();
    private final PeriodicTask task = new PeriodicTask("loumen-notify-delivery", this::runOnce);
    private final Map<String, ChannelState> states = new ConcurrentHashMap<>();
    private volatile NotifyConfig config;

    @Activate
    public DeliveryWorker(@Reference(target = "(osgi.unit.name=loumen.notify)") JpaTemplate jpa,
            @Reference ChannelRegistry channels, NotifyConfig config) {
        this.jpa = jpa;
        this.channels = channels;
        this.config = config;
        schedule();
    }

    @Modified
    void modified(NotifyConfig c) {
        this.config = c;
        schedule();
    }

    private void schedule() {
        task.every(Duration.ofSeconds(Math.max(1, config.deliveryIntervalSeconds())));
    }

    @Deactivate
    void deactivate() {
        task.close();
    }

    /** Wakes the worker now (after a publication), coalescing wake-ups that come while it is busy. */
    void kick() {
        task.kick();
    }

    Map<String, ChannelState> channelStates() {
        return Map.copyOf(states);
    }

    /** Sends what is due now; returns how many deliveries were attempted. */
    int runOnce() {
        int attempted = 0;
        for (int round = 0; round < 20; round++) {
            long now = clock.millis();
            List<Long> due = jpa.txExpr(em -> em.createQuery("select d.id from DeliveryEntity d where d.state = :s "
                    + "and d.nextAt <= :now order by d.nextAt, d.id", Long.class).setParameter("s", PENDING)
                    .setParameter("now", now).setMaxResults(BATCH).getResultList());
            if (due.isEmpty()) {
                break;
            }
            for (Long id : due) {
                if (deliverOne(id)) {
                    attempted++;
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return attempted;
    }

    private record Claimed(DeliveryEntity d, NoticeEntity n) {
    }

    private boolean deliverOne(long id) {
        long now = clock.millis();
        Claimed c;
        try {
            c = jpa.txExpr(em -> {
                DeliveryEntity d = em.find(DeliveryEntity.class, id);
                if (d == null || !PENDING.equals(d.state) || d.nextAt > now) {
                    return null;
                }
                d.nextAt = now + CLAIM_MILLIS;
                em.flush();
                return new Claimed(d, em.find(NoticeEntity.class, d.noticeKey));
            });
        } catch (RuntimeException e) {
            return false; // another node claimed it
        }
        if (c == null) {
            return false;
        }
        NotifyConfig cfg = config;
        Optional<NotificationChannel> channel = channels.channel(c.d().channel);
        if (channel.isEmpty() || c.n() == null || !ready(channel.get())) {
            // not lost: it waits for its channel to come back (configuration fixed, bundle restarted)
            update(id, d -> {
                d.nextAt = now + cfg.deliveryIntervalSeconds() * 1000L * 12;
                d.lastError = c.n() == null ? "通知不存在 / notice missing" : channel.isEmpty()
                        ? "渠道未注册 / channel not registered" : "渠道配置有误，等待修正 / channel misconfigured, waiting";
            });
            return false;
        }
        NoticeEntity n = c.n();
        Message m = new Message(n.key + "|" + c.d().channel + (c.d().username == null ? "" : "|" + c.d().username),
                n.kind, n.node, n.title, n.body, url(cfg, n.link), c.d().address, Instant.ofEpochMilli(n.createdAt));
        try {
            channel.get().deliver(m);
            update(id, d -> {
                d.state = SENT;
                d.attempts++;
                d.doneAt = clock.millis();
                d.lastError = null;
            });
            states.put(c.d().channel, new ChannelState(true, null, 0, clock.instant()));
        } catch (DeliveryException | RuntimeException | LinkageError e) {
            String error = shorten(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            long later = clock.millis();
            update(id, d -> {
                d.attempts++;
                d.lastError = error;
                if (d.attempts >= cfg.maxAttempts()) {
                    d.state = DEAD;
                    d.doneAt = later;
                } else {
                    d.nextAt = later + backoffMillis(d.attempts, cfg.firstRetrySeconds(), cfg.maxRetrySeconds());
                }
            });
            ChannelState before = states.get(c.d().channel);
            states.put(c.d().channel, new ChannelState(false, error,
                    before == null || before.ok() ? 1 : before.consecutiveFailures() + 1, clock.instant()));
            LOG.info("Notification delivery {} to {} failed: {}", id, c.d().channel, error);
        }
        return true;
    }

    private static boolean ready(NotificationChannel c) {
        try {
            return c.ready();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private interface Change {
        void apply(DeliveryEntity d);
    }

    private void update(long id, Change change) {
        jpa.tx(em -> {
            DeliveryEntity d = em.find(DeliveryEntity.class, id);
            if (d != null) {
                change.apply(d);
            }
        });
    }

    /** The wait before attempt {@code attempts + 1}: first, doubled each time, at most max. */
    static long backoffMillis(int attempts, int firstSeconds, int maxSeconds) {
        long wait = firstSeconds * 1000L;
        for (int i = 1; i < attempts && wait < maxSeconds * 1000L; i++) {
            wait *= 2;
        }
        return Math.min(wait, maxSeconds * 1000L);
    }

    static String url(NotifyConfig cfg, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String base = cfg.consoleBaseUrl() == null ? "" : cfg.consoleBaseUrl().strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/#" + link;
    }

    static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 297) + "…" : one;
    }
}
