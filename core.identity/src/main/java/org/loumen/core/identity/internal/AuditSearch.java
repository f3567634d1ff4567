package org.loumen.core.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.db.schema.DeclaredIndexes;
import org.loumen.core.db.schema.FirstUse;
import org.loumen.web.PlatformStarted;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searching the audit log (审计查询), newest first, a page at a time.
 *
 * <p>The log grows by every audited read: hundreds of thousands of entries a month. Counting every match and sorting
 * them all for a page of 20 took 0.4–0.5 s at 23,000 entries (Derby: the date index, every entry read and sorted).
 * Instead the page is read in an index that holds the order ({@code AUD_LOG_RECENT}: time and sequence, descending;
 * {@code AUD_LOG_ACTOR_RECENT} when an actor is asked for, {@code AUD_LOG_OUTCOME_RECENT} when only an outcome is),
 * named to Derby by a hint ({@code --DERBY-PROPERTIES}, an SQL comment PostgreSQL ignores, which takes the same
 * indexes on its own): the walk starts at the newest entry inside the dates and stops after the page (0.5–1 ms). The
 * total is counted the same way, up to {@link #COUNT_CAP} ("more than 1,000"): counting is what costs here (about
 * 3 µs an entry from the index alone, more where a filter on the action, outcome or node reads the entry itself), and
 * a person reading the log pages through the newest few hundred. A filter once found over the cap is remembered
 * ({@link OverCap}: the log only grows, so it stays over), so the console's default page, asked again and again over
 * a busy month, no longer walks a thousand entries each time. A filter on the action or the node that matches few
 * entries still walks the dates' whole range once; one on the outcome reads its own index, so the few denied or
 * failed entries among a month of successes come back at once.
 */
@Component(service = AuditSearch.class)
public final class AuditSearch {

    /** Beyond this many matches the total is given as "more than". */
    static final int COUNT_CAP = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(AuditSearch.class);

    private final JpaTemplate jpa;
    private final FirstUse indexes;
    private final Clock clock = Clock.systemUTC();
    private final OverCap overCap = new OverCap(JpaAuditTrail.MIN_RETENTION_DAYS);

    @Activate
    public AuditSearch(@Reference(target = "(osgi.unit.name=loumen.identity)") JpaTemplate jpa) {
        // the indexes are made sure of before the first search, not on the start's thread
        this.indexes = new FirstUse("审计日志索引 / the audit log's indexes", () -> ensureIndexes(jpa));
        this.jpa = indexes.guard(jpa);
    }

    /** Once the platform has started, the indexes are made sure of before the first search comes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void started(PlatformStarted started) {
        indexes.passInBackground();
    }

    void unstarted(PlatformStarted started) {
        // nothing to undo
    }

    private static void ensureIndexes(JpaTemplate jpa) {
        try {
            int created = jpa.txExpr(em -> DeclaredIndexes.ensure(em.unwrap(Connection.class), AuditEntity.class));
            if (created > 0) {
                LOG.info("Audit log: {} indexes added to an existing database", created);
                retire(jpa);
            }
        } catch (RuntimeException e) {
            // an index only speeds the search up: without it the log is still searched, more slowly
            LOG.warn("Could not add an audit index (retried at the next start): {}", e.getMessage());
        }
    }

    /**
     * Drops {@code AUD_LOG_ACTOR}, which {@code AUD_LOG_ACTOR_RECENT} (actor first) serves as well: every entry pays
     * for each index it is written into, and the outcome's index took its place. Asked once, when the indexes of an
     * older database were just brought up to date; an index holds no data of its own.
     */
    private static void retire(JpaTemplate jpa) {
        try {
            jpa.tx(em -> {
                try (Statement s = em.unwrap(Connection.class).createStatement()) {
                    s.execute("DROP INDEX AUD_LOG_ACTOR");
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            LOG.info("Audit log: index AUD_LOG_ACTOR dropped (AUD_LOG_ACTOR_RECENT serves its searches)");
        } catch (RuntimeException e) {
            LOG.debug("Audit log: AUD_LOG_ACTOR not dropped: {}", e.getMessage());
        }
    }

    /** What to look for; every field may be null. {@code action} and {@code node} match by prefix. */
    record Filter(String actor, String action, String outcome, String node, Instant from, Instant to) {
    }

    /** A page of entries; {@code totalCapped}: there are more than {@code total}. */
    record Page(List<Entry> items, long total, boolean totalCapped, int page, int size) {
    }

    /** An entry as the API shows it. */
    record Entry(long seq, Instant at, String actor, String client, String action, String object, String node,
            String outcome, int status, String detail) {
        static Entry of(AuditEntity e) {
            return new Entry(e.seq(), Instant.ofEpochMilli(e.at()), e.actor(), e.client(), e.action(), e.object(),
                    e.node(), e.outcome(), e.status(), e.detail());
        }
    }

    /** Newest first: by time, then by sequence. */
    Page find(Filter f, int page, int size) {
        long first = (long) (page - 1) * size;
        return jpa.txExpr(em -> {
            List<Long> seqs = seqs(em, f, first, size);
            List<Entry> items = entries(em, seqs);
            long total;
            boolean capped = false;
            if (!items.isEmpty() && items.size() < size || items.isEmpty() && first == 0) {
                total = first + items.size(); // the last page: nothing to count
            } else {
                long counted = count(em, f);
                capped = counted > COUNT_CAP;
                total = capped ? COUNT_CAP : counted;
            }
            return new Page(items, total, capped, page, size);
        });
    }

    private static List<Long> seqs(EntityManager em, Filter f, long first, int size) {
        Query q = em.createNativeQuery(sql(f, "SEQ", " ORDER BY OCCURRED_AT DESC, SEQ DESC OFFSET ? ROWS FETCH NEXT ? "
                + "ROWS ONLY"));
        int p = bind(q, f);
        q.setParameter(p++, first).setParameter(p, size);
        List<Long> seqs = new ArrayList<>();
        for (Object seq : q.getResultList()) {
            seqs.add(((Number) seq).longValue());
        }
        return seqs;
    }

    /** The entries of a page, in the page's order. */
    private static List<Entry> entries(EntityManager em, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        List<AuditEntity> found = em.createQuery("select e from AuditEntity e where e.seq in :seqs", AuditEntity.class)
                .setParameter("seqs", seqs).setHint("eclipselink.read-only", "true").getResultList();
        return found.stream().sorted(Comparator.comparingInt(e -> seqs.indexOf(e.seq()))).map(Entry::of).toList();
    }

    /**
     * Matches counted up to one past the cap. A filter found over the cap is remembered ({@link OverCap}), so the
     * console's default page, asked again and again, does not walk a thousand entries each time.
     */
    private long count(EntityManager em, Filter f) {
        long now = clock.millis();
        if (overCap.holds(f, now)) {
            return COUNT_CAP + 1;
        }
        Query q = em.createNativeQuery("SELECT COUNT(*), MIN(OCCURRED_AT) FROM (" + sql(f, "OCCURRED_AT",
                " FETCH FIRST " + (COUNT_CAP + 1) + " ROWS ONLY") + ") MATCHES");
        bind(q, f);
        Object[] row = (Object[]) q.getSingleResult();
        long counted = ((Number) row[0]).longValue();
        if (counted > COUNT_CAP) {
            overCap.found(f, ((Number) row[1]).longValue());
        }
        return counted;
    }

    /** The statement over the index that holds the order; the hint must follow the table's name and end its line. */
    static String sql(Filter f, String columns, String tail) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM AUD_LOG --DERBY-PROPERTIES index=")
                .append(index(f)).append("\n WHERE 1 = 1");
        if (f.actor() != null) {
            sql.append(" AND ACTOR = ?");
        }
        if (f.from() != null) {
            sql.append(" AND OCCURRED_AT >= ?");
        }
        if (f.to() != null) {
            sql.append(" AND OCCURRED_AT < ?");
        }
        if (f.action() != null) {
            sql.append(" AND ACTION_NAME LIKE ? ESCAPE '\\'");
        }
        if (f.outcome() != null) {
            sql.append(" AND OUTCOME = ?");
        }
        if (f.node() != null) {
            sql.append(" AND ORG_NODE LIKE ? ESCAPE '\\'");
        }
        return sql.append(tail).toString();
    }

    /** The index whose leading column the filter fixes, walked in the page's order. */
    private static String index(Filter f) {
        if (f.actor() != null) {
            return "AUD_LOG_ACTOR_RECENT";
        }
        return f.outcome() != null ? "AUD_LOG_OUTCOME_RECENT" : "AUD_LOG_RECENT";
    }

    /** Binds the filter's values in {@link #sql}'s order; returns the next parameter's position. */
    private static int bind(Query q, Filter f) {
        int p = 1;
        if (f.actor() != null) {
            q.setParameter(p++, f.actor());
        }
        if (f.from() != null) {
            q.setParameter(p++, f.from().toEpochMilli());
        }
        if (f.to() != null) {
            q.setParameter(p++, f.to().toEpochMilli());
        }
        if (f.action() != null) {
            q.setParameter(p++, like(f.action()));
        }
        if (f.outcome() != null) {
            q.setParameter(p++, f.outcome());
        }
        if (f.node() != null) {
            q.setParameter(p++, like(f.node()));
        }
        return p;
    }

    private static String like(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
