package org.loumen.core.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What district IT sees of deliveries: counts by state, the dead-letter list, and retrying a dead letter. */
@Component(service = Outbox.class)
public final class Outbox {

    /** A delivery without its address (an e-mail address is personal data). */
    record Delivery(long id, String noticeKey, String kind, String title, String channel, String username,
            String state, int attempts, String lastError, Instant createdAt, Instant nextAt, Instant doneAt) {
    }

    private final JpaTemplate jpa;
    private final DeliveryWorker worker;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public Outbox(@Reference(target = "(osgi.unit.name=loumen.notify)") JpaTemplate jpa,
            @Reference DeliveryWorker worker) {
        this.jpa = jpa;
        this.worker = worker;
    }

    Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>(Map.of(DeliveryWorker.PENDING, 0L, DeliveryWorker.SENT, 0L,
                DeliveryWorker.DEAD, 0L));
        jpa.txExpr(em -> em.createQuery("select d.state, count(d) from DeliveryEntity d group by d.state",
                Object[].class).getResultList()).forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
        return out;
    }

    List<Delivery> list(String state, int limit) {
        return jpa.txExpr(em -> {
            List<Delivery> out = new ArrayList<>();
            List<Object[]> rows = em.createQuery("select d, n from DeliveryEntity d, NoticeEntity n where "
                    + "n.key = d.noticeKey and d.state = :s order by d.id desc", Object[].class)
                    .setParameter("s", state).setMaxResults(limit).getResultList();
            for (Object[] r : rows) {
                DeliveryEntity d = (DeliveryEntity) r[0];
                NoticeEntity n = (NoticeEntity) r[1];
                out.add(new Delivery(d.id, d.noticeKey, n.kind, n.title, d.channel, d.username, d.state, d.attempts,
                        d.lastError, Instant.ofEpochMilli(d.createdAt), Instant.ofEpochMilli(d.nextAt),
                        d.doneAt == null ? null : Instant.ofEpochMilli(d.doneAt)));
            }
            return out;
        });
    }

    /** Puts a dead letter back in the outbox with a fresh retry budget; false when it is not a dead letter. */
    boolean retry(long id) {
        long now = clock.millis();
        boolean done = jpa.txExpr(em -> {
            DeliveryEntity d = em.find(DeliveryEntity.class, id);
            if (d == null || !DeliveryWorker.DEAD.equals(d.state)) {
                return false;
            }
            d.state = DeliveryWorker.PENDING;
            d.attempts = 0;
            d.nextAt = now;
            d.doneAt = null;
            return true;
        });
        if (done) {
            worker.kick();
        }
        return done;
    }
}
