package org.loumen.core.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.db.schema.FirstUse;
import org.loumen.domain.GroupCommit;
import org.loumen.security.AuditRecord;
import org.loumen.security.AuditTrail;
import org.loumen.web.PlatformStarted;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log in table {@code AUD_LOG} (审计日志). Entries are appended in groups by one writer thread ({@link
 * GroupCommit}), each
 * committed before {@link #record} returns, and chained by hash; appends are serialised by a row lock on the chain's head
 * ({@code AUD_HEAD}) in the database, so several nodes write one chain. Nothing updates an entry; the only deletion is the purge of entries
 * older than the retention period, which can never be set below 180 days.
 */
@Component(service = { AuditTrail.class, JpaAuditTrail.class }, configurationPid = JpaAuditTrail.PID)
@Designate(ocd = JpaAuditTrail.Config.class)
public final class JpaAuditTrail implements AuditTrail {

    static final String PID = "org.loumen.audit";
    static final int MIN_RETENTION_DAYS = 180;
    static final String GENESIS = "0".repeat(64);
    private static final Logger LOG = LoggerFactory.getLogger(JpaAuditTrail.class);

    @ObjectClassDefinition(id = PID, name = "Loumen 审计日志 / audit log",
            description = "审计日志保留期限 / how long audit entries are kept")
    public @interface Config {
        @AttributeDefinition(name = "保留天数（不少于 180） / days kept (at least 180)", min = "180", max = "36500")
        int retentionDays() default MIN_RETENTION_DAYS;
    }

    private final JpaTemplate jpa;
    private final FirstUse head;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loumen-audit-purge");
        t.setDaemon(true);
        return t;
    });
    private volatile int retentionDays;

    @Activate
    public JpaAuditTrail(@Reference(target = "(osgi.unit.name=loumen.identity)") JpaTemplate jpa, Config config) {
        // no entry is appended before the chain's head is known: every transaction here (the writer's groups, the
        // purge, the reads) and recordIn pass this gate first; done at the first use, not on the start's thread
        this.head = new FirstUse("审计链头 / the audit chain's head", () -> ensureHead(jpa));
        this.jpa = head.guard(jpa);
        configure(config);
        this.group = new GroupCommit<>("loumen-audit-writer", MAX_GROUP, records -> {
            append(records);
            return Collections.nCopies(records.size(), null);
        });
        purger.scheduleWithFixedDelay(this::purgeQuietly, 1, 360, TimeUnit.MINUTES);
    }

    /**
     * Creates the chain's head row from the last entry when there is none (a new database, or one from before the
     * head existed). Two nodes starting at once may both try: the second insert fails on the key, and the row is there.
     */
    private static void ensureHead(JpaTemplate jpa) {
        try {
            jpa.tx(em -> {
                if (em.find(AuditHeadEntity.class, AuditHeadEntity.ID) != null) {
                    return;
                }
                List<AuditEntity> last = em.createQuery("select e from AuditEntity e order by e.seq desc",
                        AuditEntity.class).setMaxResults(1).getResultList();
                em.persist(last.isEmpty() ? new AuditHeadEntity(0, GENESIS)
                        : new AuditHeadEntity(last.get(0).seq(), last.get(0).hash()));
                em.flush();
            });
        } catch (RuntimeException e) {
            if (jpa.txExpr(em -> em.find(AuditHeadEntity.class, AuditHeadEntity.ID)) == null) {
                throw e;
            }
        }
    }

    /** Once the platform has started, the head is made sure of before the first entry comes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void started(PlatformStarted started) {
        head.passInBackground();
    }

    void unstarted(PlatformStarted started) {
        // nothing to undo
    }

    @Modified
    void configure(Config config) {
        retentionDays = effectiveRetention(config.retentionDays());
    }

    /** The retention actually applied: never below 180 days, whatever the configuration says. */
    static int effectiveRetention(int requestedDays) {
        if (requestedDays < MIN_RETENTION_DAYS) {
            LOG.warn("Audit retention of {} days refused: keeping at least {} days", requestedDays,
                    MIN_RETENTION_DAYS);
            return MIN_RETENTION_DAYS;
        }
        return requestedDays;
    }

    @Deactivate
    void stop() {
        purger.shutdownNow();
        // entries already queued are still written; later ones are refused
        group.close();
    }

    /**
     * Appends an entry, committed before it returns. Entries are written by one writer thread in groups (审计组提交):
     * whatever arrived while the previous group was being committed goes into the next transaction, so many entries
     * share one log force. Each caller waits until the transaction holding its entry has committed, so nothing is
     * acknowledged before it is durable. The chain's head row is locked in the database for each group, so entries
     * from every node line up in one chain (a wait of one short transaction when two nodes append at once).
     */
    @Override
    public void record(AuditRecord r) {
        // bounded (GroupCommit.WAIT_SECONDS), so that a request never hangs on a stuck database: an entry written
        // after the caller gave up is only an extra
        group.submit(r);
    }

    /** The largest group one transaction writes. */
    static final int MAX_GROUP = 256;
    /** The writer thread and its queue: many callers' entries in one transaction (审计组提交). */
    private final GroupCommit<AuditRecord, Void> group;

    /** Appends entries in order in one transaction (one log force), the head row locked. */
    private void append(List<AuditRecord> records) {
        jpa.tx(em -> {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID, LockModeType.PESSIMISTIC_WRITE);
            List<AuditEntity> chained = chain(head.lastSeq(), head.lastHash(), clock.millis(), records);
            chained.forEach(em::persist);
            AuditEntity last = chained.get(chained.size() - 1);
            head.advance(last.seq(), last.hash());
        });
    }

    /** The entries as rows of the chain after the entry {@code seq} whose hash is {@code prev}. */
    static List<AuditEntity> chain(long seq, String prev, long at, List<AuditRecord> records) {
        List<AuditEntity> out = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            seq++;
            AuditEntity e = new AuditEntity(seq, at, cut(r.actor(), 64), cut(r.client(), 64),
                    cut(r.action(), 160), cut(r.object(), 500), cut(r.node(), 200), r.outcome().name(), r.status(),
                    cut(r.detail(), 500), prev, null);
            String hash = hash(e);
            out.add(new AuditEntity(seq, at, e.actor(), e.client(), e.action(), e.object(), e.node(),
                    e.outcome(), e.status(), e.detail(), prev, hash));
            prev = hash;
        }
        return out;
    }

    /**
     * Appends the entries in the caller's transaction on {@code c} (plain JDBC, the tables this unit maps; nothing of
     * them is cached, see persistence.xml): the head row locked by an update first — the last lock that transaction
     * takes, so no lock cycle with the writer's groups or another node's — then the entries and the head, committed
     * with the caller's write (审计与写入同一提交).
     */
    @Override
    public void recordIn(Connection c, List<AuditRecord> entries) {
        if (entries.isEmpty()) {
            return;
        }
        head.pass();
        try {
            try (PreparedStatement lock = c.prepareStatement("UPDATE AUD_HEAD SET LAST_SEQ = LAST_SEQ WHERE ID = ?")) {
                lock.setInt(1, AuditHeadEntity.ID);
                if (lock.executeUpdate() != 1) {
                    throw new IllegalStateException("no audit chain head / 审计链头缺失");
                }
            }
            long seq;
            String prev;
            try (PreparedStatement head = c.prepareStatement("SELECT LAST_SEQ, LAST_HASH FROM AUD_HEAD WHERE ID = ?")) {
                head.setInt(1, AuditHeadEntity.ID);
                try (ResultSet rs = head.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                    prev = rs.getString(2);
                }
            }
            List<AuditEntity> chained = chain(seq, prev, clock.millis(), entries);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO AUD_LOG (SEQ, OCCURRED_AT, ACTOR, "
                    + "CLIENT_ADDR, ACTION_NAME, TARGET, ORG_NODE, OUTCOME, HTTP_STATUS, DETAIL, PREV_HASH, HASH) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEntity e : chained) {
                    insert.setLong(1, e.seq());
                    insert.setLong(2, e.at());
                    insert.setString(3, e.actor());
                    insert.setString(4, e.client());
                    insert.setString(5, e.action());
                    insert.setString(6, e.object());
                    insert.setString(7, e.node());
                    insert.setString(8, e.outcome());
                    insert.setInt(9, e.status());
                    insert.setString(10, e.detail());
                    insert.setString(11, e.prevHash());
                    insert.setString(12, e.hash());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            AuditEntity last = chained.get(chained.size() - 1);
            try (PreparedStatement advance = c.prepareStatement(
                    "UPDATE AUD_HEAD SET LAST_SEQ = ?, LAST_HASH = ? WHERE ID = ?")) {
                advance.setLong(1, last.seq());
                advance.setString(2, last.hash());
                advance.setInt(3, AuditHeadEntity.ID);
                advance.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit entries not written / 审计记录未写入", e);
        }
    }

    /** The outcome of checking the hash chain. */
    record Verification(long checked, boolean intact, Long firstBrokenSeq, Long firstSeq, Long lastSeq) {
    }

    /** Recomputes every hash from the oldest kept entry on; a changed, inserted or removed entry breaks the chain. */
    Verification verify() {
        long checked = 0;
        String prev = null;
        Long first = null;
        long after = 0;
        long last = 0;
        while (true) {
            long from = after;
            List<AuditEntity> batch = jpa.txExpr(em -> em.createQuery(
                    "select e from AuditEntity e where e.seq > :after order by e.seq", AuditEntity.class)
                    .setParameter("after", from).setMaxResults(2000).getResultList());
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEntity e : batch) {
                if (first == null) {
                    first = e.seq();
                } else if (e.seq() != last + 1 || !e.prevHash().equals(prev)) {
                    return new Verification(checked, false, e.seq(), first, e.seq());
                }
                if (!hash(e).equals(e.hash())) {
                    return new Verification(checked, false, e.seq(), first, e.seq());
                }
                prev = e.hash();
                last = e.seq();
                checked++;
            }
            after = last;
        }
        return new Verification(checked, true, null, first, first == null ? null : last);
    }

    /** Deletes entries older than the retention period; returns how many. */
    int purge() {
        long cutoff = clock.millis() - retentionDays * 86_400_000L;
        return jpa.txExpr(em -> em.createQuery("delete from AuditEntity e where e.at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    private void purgeQuietly() {
        try {
            int n = purge();
            if (n > 0) {
                LOG.info("Audit log: {} entries older than {} days purged", n, retentionDays);
            }
        } catch (RuntimeException e) {
            LOG.error("Audit purge failed", e);
        }
    }

    static String hash(AuditEntity e) {
        List<String> fields = new ArrayList<>(List.of(Long.toString(e.seq()), Long.toString(e.at()), e.actor(),
                nz(e.client()), e.action(), nz(e.object()), nz(e.node()), e.outcome(), Integer.toString(e.status()),
                nz(e.detail()), e.prevHash()));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("\u001f", fields)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
