package org.loumen.core.db.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Connections handed out in tiers (分层连接池) by what the asking thread already holds, so nested use can never
 * deadlock the pool.
 *
 * <p>Why: a thread often holds two connections at once. EclipseLink pins a connection to a transaction at its first
 * native or unhinted query, and still sends each read-only query of that transaction to the pool for a second one; a
 * programme's transaction calls a core service whose unit of work takes its own. With one pool of N, N threads that
 * each hold one and wait for another wait for ever (until the pool's timeout answers them all with an error): the
 * 500s seen with 32 concurrent first listings after a start.
 *
 * <p>How: a thread's first connection comes from tier 0, and a further one from the tier above the highest it
 * holds. A thread waiting at tier k holds only tiers below k, and the holders of tier k wait only above it, so no
 * cycle of waits can form through the pool, as long as no thread nests deeper than there are tiers (the last tier
 * serves every deeper request too). Connections are closed on the thread that took them (EclipseLink and the JPA
 * templates do); the tier is given back whichever thread closes it.
 */
final class TieredPool implements AutoCloseable {

    private final List<HikariDataSource> tiers;
    /** Per thread: how many connections of each tier it holds. */
    private final ThreadLocal<int[]> held;

    /**
     * @param count how many tiers
     * @param tier makes the pool of tier k (0: every thread's first connection)
     */
    TieredPool(int count, IntFunction<HikariDataSource> tier) {
        List<HikariDataSource> made = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            made.add(tier.apply(k));
        }
        tiers = List.copyOf(made);
        held = ThreadLocal.withInitial(() -> new int[count]);
    }

    Connection getConnection() throws SQLException {
        int[] mine = held.get();
        int k = 0;
        for (int t = mine.length - 1; t >= 0; t--) {
            if (mine[t] > 0) {
                k = Math.min(t + 1, mine.length - 1);
                break;
            }
        }
        Connection c = tiers.get(k).getConnection();
        mine[k]++;
        return handBack(c, mine, k);
    }

    /** The connection, giving its tier back when closed (once, however often close is called). */
    private static Connection handBack(Connection c, int[] counts, int tier) {
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(TieredPool.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (!closed[0]) {
                                closed[0] = true;
                                counts[tier]--;
                            }
                            break;
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "toString":
                            return "tier " + tier + " " + c;
                        default:
                            break;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The tier's pool, e.g. for its settings and figures. */
    HikariDataSource tier(int k) {
        return tiers.get(k);
    }

    /** Applies settings to every tier's pool. */
    void configure(ObjIntConsumer<HikariConfigMXBean> settings) {
        for (int k = 0; k < tiers.size(); k++) {
            settings.accept(tiers.get(k).getHikariConfigMXBean(), k);
        }
    }

    @Override
    public void close() {
        tiers.forEach(HikariDataSource::close);
    }
}
