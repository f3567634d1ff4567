package org.loumen.core.notify.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A user's inbox (站内通知): what they were told, newest first, read or not. */
@Component(service = Inbox.class)
public final class Inbox {

    /** One entry as its owner sees it. {@code link} is a console path ({@code /reports/42}). */
    record Entry(long id, String kind, String node, String title, String body, String link, Instant createdAt,
            boolean read) {
    }

    /** A page of entries with the unread count. */
    record Page(List<Entry> items, long total, long unread, int page, int size) {
    }

    private final JpaTemplate jpa;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public Inbox(@Reference(target = "(osgi.unit.name=loumen.notify)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    long unread(String username) {
        return jpa.txExpr(em -> em.createQuery("select count(i) from InboxEntity i where i.username = :u and "
                + "i.readAt is null", Long.class).setParameter("u", username).getSingleResult());
    }

    Page list(String username, boolean unreadOnly, int page, int size) {
        String where = " from InboxEntity i, NoticeEntity n where n.key = i.noticeKey and i.username = :u"
                + (unreadOnly ? " and i.readAt is null" : "");
        return jpa.txExpr(em -> {
            long total = em.createQuery("select count(i)" + where, Long.class).setParameter("u", username)
                    .getSingleResult();
            List<Object[]> rows = em.createQuery("select i, n" + where + " order by i.createdAt desc, i.id desc",
                    Object[].class).setParameter("u", username).setFirstResult((page - 1) * size)
                    .setMaxResults(size).getResultList();
            List<Entry> items = new ArrayList<>();
            for (Object[] row : rows) {
                InboxEntity i = (InboxEntity) row[0];
                NoticeEntity n = (NoticeEntity) row[1];
                items.add(new Entry(i.id, n.kind, n.node, n.title, n.body, n.link, Instant.ofEpochMilli(i.createdAt),
                        i.readAt != null));
            }
            long unread = unreadOnly ? total : em.createQuery("select count(i) from InboxEntity i where "
                    + "i.username = :u and i.readAt is null", Long.class).setParameter("u", username)
                    .getSingleResult();
            return new Page(items, total, unread, page, size);
        });
    }

    /** Marks one of the user's entries read; false when it is not theirs or does not exist. */
    boolean markRead(String username, long id) {
        long now = clock.millis();
        return jpa.txExpr(em -> {
            InboxEntity i = em.find(InboxEntity.class, id);
            if (i == null || !i.username.equals(username)) {
                return false;
            }
            if (i.readAt == null) {
                i.readAt = now;
            }
            return true;
        });
    }

    /** Marks every unread entry of the user read; returns how many. */
    int markAllRead(String username) {
        long now = clock.millis();
        return jpa.txExpr(em -> em.createQuery("update InboxEntity i set i.readAt = :now where i.username = :u and "
                + "i.readAt is null").setParameter("now", now).setParameter("u", username).executeUpdate());
    }
}
