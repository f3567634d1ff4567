package org.loumen.core.notify.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

    /** A notice with its audience, for {@link #publishAll}. */
    record Publication(Notice notice, Audience audience) {
    }

    /** What a batch wrote: notices new and reaching someone, and inbox entries (accounts) written. */
    record Published(int notices, int accounts) {
    }

    @Override
    public int publish(Notice notice, Audience audience) {
        return publishAll(List.of(new Publication(notice, audience))).accounts();
    }

    /**
     * Publishes many notices in one transaction (a scan's page): what {@link #publish} does for each, with each
     * audience's recipients looked up once and the recipients' channel choices in one query. If the transaction fails
     * (one of the keys written at the same moment by another node), each is published on its own.
     *
     * @return how many new notices reached someone, and how many inbox entries were written
     */
    Published publishAll(List<Publication> batch) {
        return publishAll(batch, false);
    }

    /**
     * As {@link #publishAll(List)}; {@code checked} when the caller has just read which keys exist (a scan, under its
     * lease), so they are not read again: a key written meanwhile still fails the transaction on the primary key, and
     * the batch is then published one by one, each checked.
     */
    Published publishAll(List<Publication> batch, boolean checked) {
        if (batch.isEmpty()) {
            return new Published(0, 0);
        }
        Map<Audience, Set<String>> memo = new HashMap<>();
        Map<String, NotificationChannel> all = channels.all();
        Set<String> everyone = new LinkedHashSet<>();
        for (Publication p : batch) {
            everyone.addAll(memo.computeIfAbsent(p.audience(), this::recipients));
        }
        long now = clock.millis();
        int[] reached = new int[2];
        try {
            int written = jpa.txExpr(em -> {
                List<ChannelChoiceEntity> choices = new ArrayList<>();
                List<String> users = List.copyOf(everyone);
                for (int i = 0; i < users.size(); i += 500) {
                    choices.addAll(em.createQuery("select c from ChannelChoiceEntity c where c.enabled = true and "
                            + "c.username in :u", ChannelChoiceEntity.class)
                            .setParameter("u", users.subList(i, Math.min(users.size(), i + 500))).getResultList());
                }
                // the keys published before, in one query per 500 (a key written meanwhile by another node fails
                // the transaction on the primary key, and the batch is then published one by one)
                Set<String> keys = checked ? new HashSet<>() : NoticeKeys.existing(em,
                        batch.stream().map(p -> p.notice().key()).toList());
                int count = 0;
                for (Publication p : batch) {
                    Notice notice = p.notice();
                    if (!keys.add(notice.key())) {
                        continue;
                    }
                    Set<String> to = memo.get(p.audience());
                    write(em, notice, to, choices, all, now);
                    count++;
                    if (!to.isEmpty()) {
                        reached[0]++;
                        reached[1] += to.size();
                    }
                }
                em.flush();
                return count;
            });
            if (written > 0) {
                worker.kick();
            }
            return new Published(reached[0], reached[1]);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                return retry(batch.get(0), e);
            }
            int notices = 0;
            int accounts = 0;
            for (Publication p : batch) {
                Published one = publishAll(List.of(p));
                notices += one.notices();
                accounts += one.accounts();
            }
            return new Published(notices, accounts);
        }
    }

    /**
     * One notice whose transaction failed: if its key is there now, the same notice was published at the same moment
     * by another thread or node, which wrote it; otherwise the failure was passing (a lock timeout, a deadlock broken
     * by the database) and it is written again, at most twice more, so a MAJOR report is not left unheard.
     */
    private Published retry(Publication p, RuntimeException first) {
        RuntimeException last = first;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                if (jpa.txExpr(em -> em.find(NoticeEntity.class, p.notice().key()) != null)) {
                    LOG.debug("Notice {} written meanwhile by another: {}", p.notice().key(), last.toString());
                    return new Published(0, 0);
                }
                Set<String> to = recipients(p.audience());
                long now = clock.millis();
                jpa.tx(em -> {
                    List<ChannelChoiceEntity> choices = to.isEmpty() ? List.of() : em.createQuery("select c from "
                            + "ChannelChoiceEntity c where c.enabled = true and c.username in :u",
                            ChannelChoiceEntity.class).setParameter("u", List.copyOf(to)).getResultList();
                    write(em, p.notice(), to, choices, channels.all(), now);
                    em.flush();
                });
                worker.kick();
                return to.isEmpty() ? new Published(0, 0) : new Published(1, to.size());
            } catch (RuntimeException e) {
                last = e;
            }
        }
        LOG.warn("Notice {} could not be written: {}", p.notice().key(), last.toString());
        return new Published(0, 0);
    }

    private static void write(javax.persistence.EntityManager em, Notice notice, Set<String> users,
            List<ChannelChoiceEntity> choices, Map<String, NotificationChannel> all, long now) {
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
        for (ChannelChoiceEntity c : choices) {
            if (!users.contains(c.username)) {
                continue;
            }
            NotificationChannel ch = all.get(c.channel);
            if (ch != null && ch.personal() && c.wants(notice.kind()) && accepts(ch, notice)) {
                em.persist(delivery(notice.key(), c.channel, c.username, c.address, now));
            }
        }
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
