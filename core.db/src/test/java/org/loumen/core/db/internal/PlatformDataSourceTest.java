package org.loumen.core.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loumen.web.HealthCheck.Problem;
import org.osgi.framework.BundleContext;

class PlatformDataSourceTest {

    @TempDir
    Path data;

    @Test
    void derbyPoolServesConnectionsAndHealthIsQuiet() throws Exception {
        System.setProperty("derby.system.home", data.toString());
        System.setProperty("derby.stream.error.file", data.resolve("derby.log").toString());
        PlatformDataSource ds = new PlatformDataSource(context(Map.of("loumen.data", data.toString())), config());
        try (Connection c = ds.getConnection(); ResultSet r = c.createStatement().executeQuery("VALUES 1")) {
            r.next();
            assertEquals(1, r.getInt(1));
        }
        assertEquals("Derby", ds.product());
        assertEquals(List.of(), ds.problems());
        ds.deactivate();
    }

    /**
     * As many threads as the pool has connections each hold one and then ask for a second and a third (a transaction
     * pinned to its connection whose read-only query takes another): from one pool all would wait until the timeout;
     * from the tiers every one gets through.
     */
    @Test
    void nestedConnectionsComeFromTheirOwnTierSoAFullPoolDoesNotDeadlock() throws Exception {
        System.setProperty("derby.system.home", data.toString());
        System.setProperty("derby.stream.error.file", data.resolve("derby.log").toString());
        PlatformDataSource ds = new PlatformDataSource(context(Map.of("loumen.data", data.toString())), config());
        try {
            int threads = config().maximumPoolSize();
            CyclicBarrier allHoldOne = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    try (Connection first = ds.getConnection()) {
                        allHoldOne.await(10, TimeUnit.SECONDS);
                        try (Connection second = ds.getConnection(); Connection third = ds.getConnection();
                                ResultSet r = third.createStatement().executeQuery("VALUES 1")) {
                            r.next();
                            return first + " | " + second + " | " + third + " | " + r.getInt(1);
                        }
                    }
                }));
            }
            for (Future<String> f : done) {
                String tiers = f.get(30, TimeUnit.SECONDS);
                assertTrue(tiers.startsWith("tier 0 ") && tiers.contains("| tier 1 ") && tiers.contains("| tier 2 ")
                        && tiers.endsWith("| 1"), tiers);
            }
            pool.shutdown();
            // every tier given back: the next first connection is a first again
            try (Connection c = ds.getConnection()) {
                assertTrue(c.toString().startsWith("tier 0 "), c.toString());
                try (Connection nested = ds.getConnection()) {
                    assertTrue(nested.toString().startsWith("tier 1 "), nested.toString());
                }
            }
            try (Connection c = ds.getConnection()) {
                assertTrue(c.toString().startsWith("tier 0 "), c.toString());
            }
        } finally {
            ds.deactivate();
        }
    }

    @Test
    void anUnreachableDatabaseIsNamedOnHealthWithoutItsPassword() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/loumen";
        // starts all the same: the pool connects once the database is there
        PlatformDataSource ds = new PlatformDataSource(context(Map.of("loumen.data", data.toString(),
                "loumen.db.url", url)), config());
        try {
            List<Problem> problems = ds.problems();
            assertEquals(1, problems.size());
            Problem p = problems.get(0);
            assertEquals("UNREACHABLE", p.state());
            assertEquals("org.loumen.core.db", p.bundle());
            assertTrue(p.component().contains(url), p.component());
            assertTrue(p.reason().startsWith("数据库无法连接 / the database cannot be reached"), p.reason());
        } finally {
            ds.deactivate();
        }
    }

    private static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static PlatformDataSource.Config config() {
        return new PlatformDataSource.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PlatformDataSource.Config.class;
            }

            @Override
            public int maximumPoolSize() {
                return 4;
            }

            @Override
            public int minimumIdle() {
                return 1;
            }

            @Override
            public int connectionTimeoutSeconds() {
                return 2;
            }

            @Override
            public int idleTimeoutMinutes() {
                return 10;
            }

            @Override
            public int maxLifetimeMinutes() {
                return 30;
            }
        };
    }
}
