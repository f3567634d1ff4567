package org.loumen.core.notify.internal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.notify.Audience;
import org.loumen.notify.Notice;
import org.loumen.notify.NotificationChannel;
import org.loumen.notify.Notifier;
import org.loumen.security.AccountDirectory;
import org.loumen.security.RoleBinding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Notifier}: one transaction writes the notice (its key is the primary key: a second publication writes
 * nothing), each recipient's inbox entry, and a PENDING delivery per group channel that accepts it and per personal
 * channel a recipient chose; then the worker is woken. Nothing is sent here.
 */
@Component(service = { Notifier.class, NotifierService.class }, configurationPid = NotifyConfig.PID)
@Designate(ocd = NotifyConfig.class)
public final class NotifierService implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierService.class);

    private final JpaTemplate jpa;
    private final AccountDirectory accounts;
    private final ChannelRegistry channels;
    private final DeliveryWorker worker;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public NotifierService(@Reference(target = "(osgi.unit.name=loumen.notify)") JpaTemplate jpa,
            @Reference AccountDirectory accounts, @Reference ChannelRegistry channels,
            @Reference DeliveryWorker worker) {
        this.jpa = jpa;
        this.accounts = accounts;
        this.channels = channels;
        this.worker = worker;
    }

    @Override
    public int publish(Notice notice, Audience audience) {
        Set<String> users = recipients(audience);
        Map<String, NotificationChannel> all = channels.all();
        long now = clock.millis();
        int written;
        try {
            written = jpa.txExpr(em -> {
                if (em.find(NoticeEntity.class, notice.key()) != null) {
                    return 0;
                }
                NoticeEntity n = new NoticeEntity();
                n.key = notice.key();
                n.kind = notice.kind();
                n.node = notice.node();
                n.title = notice.title();
                n.body = notice.body();
                n.link = notice.link();
                n.createdAt = now;
                em.persist(n);
                for (String u : users) {
                    InboxEntity i = new InboxEntity();
                    i.noticeKey = notice.key();
                    i.username = u;
                    i.createdAt = now;
                    em.persist(i);
                }
                for (Map.Entry<String, NotificationChannel> c : all.entrySet()) {
                    if (c.getValue().personal() || !accepts(c.getValue(), notice)) {
                        continue;
                    }
                    em.persist(delivery(notice.key(), c.getKey(), null, null, now));
                }
                if (!users.isEmpty()) {
                    List<ChannelChoiceEntity> choices = em.createQuery("select c from ChannelChoiceEntity c where "
                            + "c.enabled = true and c.username in :u", ChannelChoiceEntity.class)
                            .setParameter("u", List.copyOf(users)).getResultList();
                    for (ChannelChoiceEntity c : choices) {
                        NotificationChannel ch = all.get(c.channel);
                        if (ch != null && ch.personal() && accepts(ch, notice)) {
                            em.persist(delivery(notice.key(), c.channel, c.username, c.address, now));
                        }
                    }
                }
                em.flush();
                return Math.max(users.size(), 1);
            });
        } catch (RuntimeException e) {
            // the same key published at the same moment by another thread or node: that one wrote it
            LOG.debug("Notice {} not written: {}", notice.key(), e.toString());
            return 0;
        }
        if (written > 0) {
            worker.kick();
        }
        return users.isEmpty() ? 0 : written;
    }

    private static boolean accepts(NotificationChannel c, Notice n) {
        try {
            return c.accepts(n);
        } catch (RuntimeException e) {
            LOG.warn("Notification channel failed to say whether it accepts {}: {}", n.kind(), e.toString());
            return false;
        }
    }

    static DeliveryEntity delivery(String key, String channel, String username, String address, long now) {
        DeliveryEntity d = new DeliveryEntity();
        d.noticeKey = key;
        d.channel = channel;
        d.username = username;
        d.address = address;
        d.state = DeliveryWorker.PENDING;
        d.nextAt = now;
        d.createdAt = now;
        return d;
    }

    /** The enabled accounts the audience names, in a stable order. */
    Set<String> recipients(Audience audience) {
        Set<String> users = new LinkedHashSet<>();
        for (RoleBinding b : audience.roles()) {
            users.addAll(accounts.holders(b.role(), b.node()));
        }
        for (Long leader : audience.leaders()) {
            if (leader != null) {
                accounts.leaderAccount(leader).ifPresent(users::add);
            }
        }
        for (String u : audience.usernames()) {
            if (u != null && accounts.exists(u)) {
                users.add(u);
            }
        }
        return users;
    }
}
