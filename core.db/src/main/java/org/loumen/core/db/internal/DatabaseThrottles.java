package org.loumen.core.db.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.loumen.core.db.schema.FirstUse;
import org.loumen.throttle.Throttles;
import org.loumen.web.PlatformStarted;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Throttles} in one small table, {@code LMN_THROTTLE} (key, count, window start, last failure, not-before,
 * expiry), on the platform's data source, so every node counts together. Every change is one conditional
 * {@code UPDATE} on the key's row, which the database row-locks and re-evaluates under parallel requests (Derby and
 * PostgreSQL alike); a missing row is inserted and a lost insert race (duplicate key, SQLState 23505) is retried as an
 * update. Reads are one primary-key lookup. Expired rows are deleted every ten minutes.
 *
 * <p>Nothing of this is done while the platform starts: the table is made sure of at the first use (or in the
 * background once the platform has started), and a backoff's {@link Backoff#forgetAll} asked before then (settings
 * applied at start) is done before that backoff's first use, which is the same as at start for every client.
 */
@Component(service = Throttles.class, immediate = true)
public final class DatabaseThrottles implements Throttles {

    static final String TABLE = "LMN_THROTTLE";
    private static final int MAX_KEY = 200;
    private static final int RETRIES = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseThrottles.class);

    private final DataSource db;
    private final Clock clock;
    private final ScheduledExecutorService sweeper;
    private final FirstUse table = new FirstUse("限流表 / table " + TABLE, this::createTableUnchecked);
    /** Forgetting asked for before the platform started: done before the backoff's first use, or after start. */
    private final Queue<FirstUse> forgetting = new ConcurrentLinkedQueue<>();
    private volatile boolean started;

    @Activate
    public DatabaseThrottles(@Reference(target = "(osgi.jndi.service.name=" + PlatformDataSource.NAME + ")")
            DataSource db) {
        this(db, Clock.systemUTC(), true);
    }

    DatabaseThrottles(DataSource db, Clock clock, boolean sweep) {
        this.db = db;
        this.clock = clock;
        if (sweep) {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "loumen-throttle-sweep");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::sweepQuietly, 10, 10, TimeUnit.MINUTES);
        } else {
            sweeper = null;
        }
    }

    @Deactivate
    void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    /** Once the platform has started: the table and the forgetting asked for at start, before the first request. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void started(PlatformStarted started) {
        this.started = true;
        table.passInBackground();
        drainForgetting();
    }

    void unstarted(PlatformStarted started) {
        // nothing to undo: a later forgetAll is done at once, as after any start
    }

    private void drainForgetting() {
        for (FirstUse f; (f = forgetting.poll()) != null;) {
            f.passInBackground();
        }
    }

    /** A connection to the table, which exists by then. */
    private Connection connection() throws SQLException {
        table.pass();
        return db.getConnection();
    }

    private void createTableUnchecked() {
        try {
            createTable();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Creates the table when it is missing (the schema only grows; a node racing another finds it made). */
    private void createTable() throws SQLException {
        try (Connection c = db.getConnection()) {
            if (Tables.exists(c, TABLE)) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("CREATE TABLE " + TABLE + " (K VARCHAR(" + MAX_KEY
                    + ") NOT NULL PRIMARY KEY, N INTEGER NOT NULL, SINCE BIGINT NOT NULL, LAST_AT BIGINT NOT NULL, "
                    + "NOT_BEFORE BIGINT NOT NULL, EXPIRES BIGINT NOT NULL)")) {
                s.executeUpdate();
            } catch (SQLException e) {
                if (!Tables.exists(c, TABLE)) {
                    throw e;
                }
            }
        }
    }

    /** Deletes rows whose window and backoff have both ended; returns how many. */
    int sweep() throws SQLException {
        try (Connection c = connection();
                PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE EXPIRES < ?")) {
            s.setLong(1, clock.millis());
            return s.executeUpdate();
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (Exception e) {
            LOG.warn("Throttle rows not swept: {}", e.toString());
        }
    }

    @Override
    public Backoff backoff(String name, int freeFailures, Duration maxDelay) {
        return new DatabaseBackoff(name, Math.max(1, freeFailures), Math.max(1000L, maxDelay.toMillis()));
    }

    /** The wait after {@code failures} failures, of which {@code free} cost nothing: 1 s, 2 s, 4 s … up to max. */
    static long delay(int failures, int free, long maxDelayMillis) {
        int over = failures - free;
        return over <= 0 ? 0 : Math.min(maxDelayMillis, 1000L << Math.min(over - 1, 20));
    }

    private final class DatabaseBackoff implements Backoff {
        private final String prefix;
        private final int free;
        private final long maxDelay;

        /** A forgetting asked for before start and not yet done; null when none. */
        private volatile FirstUse fresh;

        DatabaseBackoff(String name, int free, long maxDelay) {
            this.prefix = "b:" + name + ":";
            this.free = free;
            this.maxDelay = maxDelay;
        }

        /** Before any read or write of a client's failures: the forgetting asked for at start is done. */
        private void ready() {
            FirstUse f = fresh;
            if (f != null) {
                f.pass();
            }
        }

        @Override
        public long waitMillis(String client) {
            ready();
            long now = clock.millis();
            try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                    "SELECT NOT_BEFORE FROM " + TABLE + " WHERE K = ? AND LAST_AT >= ?")) {
                s.setString(1, key(prefix, client));
                s.setLong(2, now - BACKOFF_WINDOW.toMillis());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Math.max(0, r.getLong(1) - now) : 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("throttle not read: " + e.getMessage(), e);
            }
        }

        @Override
        public void failed(String client) {
            ready();
            String k = key(prefix, client);
            long window = BACKOFF_WINDOW.toMillis();
            inTransaction(c -> {
                long now = clock.millis();
                int n;
                try (PreparedStatement u = c.prepareStatement("UPDATE " + TABLE + " SET N = CASE WHEN LAST_AT < ? "
                        + "THEN 1 ELSE N + 1 END, LAST_AT = ? WHERE K = ?")) {
                    u.setLong(1, now - window);
                    u.setLong(2, now);
                    u.setString(3, k);
                    if (u.executeUpdate() == 0) {
                        insert(c, k, now, 0, now + window + maxDelay); // a first failure is always free
                        return true;
                    }
                }
                try (PreparedStatement q = c.prepareStatement("SELECT N FROM " + TABLE + " WHERE K = ?")) {
                    q.setString(1, k);
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        n = r.getInt(1);
                    }
                }
                long d = delay(n, free, maxDelay);
                try (PreparedStatement u = c.prepareStatement("UPDATE " + TABLE + " SET NOT_BEFORE = ?, EXPIRES = ? "
                        + "WHERE K = ?")) {
                    u.setLong(1, d > 0 ? now + d : 0);
                    u.setLong(2, now + window + maxDelay);
                    u.setString(3, k);
                    u.executeUpdate();
                }
                return true;
            });
        }

        @Override
        public void forgetAll() {
            if (started) {
                deleteAll();
                return;
            }
            FirstUse f = new FirstUse("限流计数清零 / failures under " + prefix + " forgotten", this::deleteAll);
            fresh = f;
            forgetting.add(f);
            if (started) {
                drainForgetting(); // started while this was being asked for
            }
        }

        private void deleteAll() {
            try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                    "DELETE FROM " + TABLE + " WHERE K LIKE ? ESCAPE '!'")) {
                s.setString(1, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("throttle not cleared: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public long acquire(Limit... limits) {
        Limit[] sorted = sorted(limits);
        long[] wait = new long[1];
        inTransaction(c -> {
            wait[0] = 0;
            long now = clock.millis();
            for (Limit l : sorted) {
                long refused = take(c, key("l:", l.key()), l.max(), l.window().toMillis(), now);
                if (refused > 0) {
                    wait[0] = refused;
                    return false; // refused: the slots taken under earlier limits are rolled back
                }
            }
            return true;
        });
        return wait[0];
    }

    /** Takes one slot on the row (in the caller's transaction): 0 when taken, else the milliseconds to wait. */
    private static long take(Connection c, String k, int max, long w, long now) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (PreparedStatement u = c.prepareStatement("UPDATE " + TABLE + " SET "
                    + "N = CASE WHEN SINCE <= ? THEN 1 ELSE N + 1 END, "
                    + "SINCE = CASE WHEN SINCE <= ? THEN CAST(? AS BIGINT) ELSE SINCE END, "
                    + "EXPIRES = CASE WHEN SINCE <= ? THEN CAST(? AS BIGINT) ELSE EXPIRES END, LAST_AT = ? "
                    + "WHERE K = ? AND (SINCE <= ? OR N < ?)")) {
                u.setLong(1, now - w);
                u.setLong(2, now - w);
                u.setLong(3, now);
                u.setLong(4, now - w);
                u.setLong(5, now + w);
                u.setLong(6, now);
                u.setString(7, k);
                u.setLong(8, now - w);
                u.setInt(9, max);
                if (u.executeUpdate() == 1) {
                    return 0;
                }
            }
            if (max < 1) {
                return w;
            }
            try (PreparedStatement q = c.prepareStatement("SELECT N, SINCE FROM " + TABLE + " WHERE K = ?")) {
                q.setString(1, k);
                try (ResultSet r = q.executeQuery()) {
                    if (!r.next()) {
                        insert(c, k, now, 0, now + w); // a lost race with another insert: 23505, tried again
                        return 0;
                    }
                    if (r.getInt(1) >= max && r.getLong(2) > now - w) {
                        return Math.max(1, r.getLong(2) + w - now);
                    }
                    // the row was inserted (or its window ended) after the update looked: update it again
                }
            }
        }
        throw new SQLException("throttle row kept changing", "40001");
    }

    @Override
    public void release(Limit... limits) {
        Limit[] sorted = sorted(limits);
        inTransaction(c -> {
            for (Limit l : sorted) {
                try (PreparedStatement u = c.prepareStatement("UPDATE " + TABLE + " SET N = N - 1 WHERE K = ? "
                        + "AND N > 0")) {
                    u.setString(1, key("l:", l.key()));
                    u.executeUpdate();
                }
            }
            return true;
        });
    }

    private static Limit[] sorted(Limit... limits) {
        // one order for every request, so two transactions never wait on each other's rows in a cycle
        Limit[] sorted = limits.clone();
        Arrays.sort(sorted, Comparator.comparing(Limit::key));
        return sorted;
    }

    private static void insert(Connection c, String k, long now, long notBefore, long expires) throws SQLException {
        try (PreparedStatement i = c.prepareStatement("INSERT INTO " + TABLE + " (K, N, SINCE, LAST_AT, NOT_BEFORE, "
                + "EXPIRES) VALUES (?, 1, ?, ?, ?, ?)")) {
            i.setString(1, k);
            i.setLong(2, now);
            i.setLong(3, now);
            i.setLong(4, notBefore);
            i.setLong(5, expires);
            i.executeUpdate();
        }
    }

    /** Work on one connection in one transaction: committed when it returns true, else rolled back. */
    private interface Work {
        boolean run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) {
        for (int attempt = 1;; attempt++) {
            try (Connection c = connection()) {
                c.setAutoCommit(false);
                try {
                    if (work.run(c)) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                return;
            } catch (SQLException e) {
                // a lost insert race (23505) or a deadlock or serialisation victim is tried again
                String state = e.getSQLState();
                boolean retry = "23505".equals(state) || "40001".equals(state) || "40P01".equals(state)
                        || "40XL1".equals(state) || "40XL2".equals(state);
                if (!retry || attempt >= RETRIES) {
                    throw new IllegalStateException("throttle not written: " + e.getMessage(), e);
                }
            }
        }
    }

    /** The row key: prefix and key, or a digest of them when longer than the column. */
    static String key(String prefix, String key) {
        String k = prefix + (key == null ? "" : key);
        if (k.length() <= MAX_KEY) {
            return k;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.UTF_8));
            return prefix.substring(0, Math.min(prefix.length(), 100)) + "#" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
