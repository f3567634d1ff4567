package org.loumen.core.db.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.loumen.web.HealthCheck;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The platform's one data source (数据源): HikariCP pools in tiers ({@link TieredPool}) on embedded Derby (default,
 * {@code DATA/db}) or on PostgreSQL ({@code --db jdbc:postgresql://host:port/db}). Every persistence unit, core and
 * programme, names it in its persistence.xml as
 * {@code osgi:service/javax.sql.DataSource/(osgi.jndi.service.name=loumen)} and never knows which database it is
 * (EclipseLink reads the product from the connection). Also tells {@code /api/v1/health} when the database cannot be
 * reached.
 */
@Component(service = {DataSource.class, HealthCheck.class}, immediate = true,
        configurationPid = PlatformDataSource.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"osgi.jndi.service.name=" + PlatformDataSource.NAME})
@Designate(ocd = PlatformDataSource.Config.class)
public final class PlatformDataSource implements DataSource, HealthCheck {

    static final String PID = "org.loumen.db";
    /** The name persistence units look the data source up by. */
    public static final String NAME = "loumen";
    /** How long a health answer is reused: /health is polled, and a connection attempt may take seconds. */
    static final long HEALTH_CACHE_MS = 5_000;
    /**
     * Tiers of the pool ({@link TieredPool}): deep enough for a programme's transaction that calls a core read whose
     * transaction holds a connection and takes a second for a read-only query.
     */
    static final int TIERS = 3;

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(PlatformDataSource.class);

    @ObjectClassDefinition(name = "Loumen 数据库连接池 / database connection pool",
            description = "连接池设置；数据库本身由启动参数 --db 或 DATA/conf/db.properties 决定 / pool settings; the database "
                    + "itself is chosen by --db or DATA/conf/db.properties")
    public @interface Config {
        @AttributeDefinition(name = "最大连接数 / maximum pool size", min = "2", max = "500")
        int maximumPoolSize() default 20;

        @AttributeDefinition(name = "最少空闲连接 / minimum idle connections", min = "0", max = "500")
        int minimumIdle() default 2;

        @AttributeDefinition(name = "取连接超时（秒） / connection timeout (seconds)", min = "1", max = "600")
        int connectionTimeoutSeconds() default 10;

        @AttributeDefinition(name = "空闲连接回收（分钟） / idle timeout (minutes)", min = "1", max = "1440")
        int idleTimeoutMinutes() default 10;

        @AttributeDefinition(name = "连接最长寿命（分钟） / maximum connection lifetime (minutes)", min = "1", max = "1440")
        int maxLifetimeMinutes() default 30;
    }

    private final DatabaseSettings settings;
    private final DriverSource raw;
    private final TieredPool pool;
    private long checkedAt;
    private List<Problem> lastProblems = List.of();

    @Activate
    public PlatformDataSource(BundleContext context, Config config) throws DatabaseSettings.SettingsException {
        String data = context.getProperty("loumen.data");
        settings = DatabaseSettings.resolve(context.getProperty(DatabaseSettings.URL_PROPERTY),
                data == null ? null : Path.of(data), System.getenv());
        Properties props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        Driver driver;
        if (settings.product() == DatabaseSettings.Product.POSTGRESQL) {
            driver = new org.postgresql.Driver();
            props.setProperty("ApplicationName", "loumen");
            props.setProperty("connectTimeout", "10");
            props.setProperty("tcpKeepAlive", "true");
        } else {
            // before the database boots: Derby reads its storage settings then
            LOG.debug("Derby storage settings: {}", DerbyStorage.apply(System.getProperties()));
            driver = new org.apache.derby.jdbc.EmbeddedDriver();
        }
        raw = new DriverSource(driver, settings.url(), props);
        if (settings.product() == DatabaseSettings.Product.DERBY) {
            // boot (or create) the embedded database here, once: on a busy machine creating it can take longer than
            // a pooled request may wait for a connection
            try (Connection c = raw.getConnection()) {
                LOG.debug("Derby booted: {}", c.getMetaData().getDatabaseProductVersion());
            } catch (SQLException e) {
                LOG.error("Derby database cannot be opened (数据库无法打开): {}", e.toString());
            }
        }
        pool = new TieredPool(TIERS, tier -> {
            HikariConfig hc = new HikariConfig();
            hc.setPoolName(tier == 0 ? "loumen" : "loumen-nested-" + tier);
            hc.setDataSource(raw);
            // start even when the database is down: health names it, and the pool connects once it is back
            hc.setInitializationFailTimeout(-1);
            hc.setValidationTimeout(TimeUnit.SECONDS.toMillis(3));
            hc.setKeepaliveTime(TimeUnit.MINUTES.toMillis(5));
            apply(hc, config, tier);
            return new HikariDataSource(hc);
        });
        LOG.info("Database (数据库): {}; pool of up to {} connections (and {} more for nested use)", settings,
                config.maximumPoolSize(), (TIERS - 1) * size(config, 1));
    }

    /** Tier 0 is the configured pool; a nested tier half its size (only some of tier 0's holders nest). */
    static int size(Config config, int tier) {
        return tier == 0 ? config.maximumPoolSize() : Math.max(2, config.maximumPoolSize() / 2);
    }

    /** The configured sizes and timeouts, on a tier's settings before it starts or on its running pool. */
    private static void apply(HikariConfigMXBean bean, Config config, int tier) {
        bean.setMaximumPoolSize(size(config, tier));
        bean.setMinimumIdle(tier == 0 ? Math.min(config.minimumIdle(), config.maximumPoolSize()) : 0);
        bean.setConnectionTimeout(TimeUnit.SECONDS.toMillis(config.connectionTimeoutSeconds()));
        bean.setIdleTimeout(TimeUnit.MINUTES.toMillis(config.idleTimeoutMinutes()));
        bean.setMaxLifetime(TimeUnit.MINUTES.toMillis(config.maxLifetimeMinutes()));
    }

    /** Pool sizes and timeouts change in place (HikariCP allows it at run time); the database does not. */
    @Modified
    void modified(Config config) {
        pool.configure((bean, tier) -> apply(bean, config, tier));
    }

    @Deactivate
    void deactivate() {
        pool.close();
        if (settings.product() == DatabaseSettings.Product.DERBY) {
            shutDownDerby();
        }
    }

    /** Derby's database shutdown: a checkpoint, so the next start needs no recovery. */
    private void shutDownDerby() {
        String url = settings.url();
        int semi = url.indexOf(';');
        String shutdown = (semi < 0 ? url : url.substring(0, semi)) + ";shutdown=true";
        try {
            new DriverSource(new org.apache.derby.jdbc.EmbeddedDriver(), shutdown, new Properties()).getConnection()
                    .close();
        } catch (SQLException e) {
            // 08006: the database was shut down, as asked
            if (!"08006".equals(e.getSQLState())) {
                LOG.warn("Derby shutdown: {}", e.toString());
            }
        }
    }

    /** Which database this is, for those who must know (backup, migration): {@code Derby} or {@code PostgreSQL}. */
    public String product() {
        return settings.product().label;
    }

    @Override
    public synchronized List<Problem> problems() {
        long now = System.currentTimeMillis();
        if (now - checkedAt < HEALTH_CACHE_MS) {
            return lastProblems;
        }
        List<Problem> problems;
        // a connection of its own, not one from the pool: a full pool is not an unreachable database
        try (Connection c = raw.getConnection()) {
            problems = c.isValid(3) ? List.of() : List.of(unreachable("connection not valid"));
        } catch (SQLException e) {
            problems = List.of(unreachable(e.getMessage()));
        }
        checkedAt = System.currentTimeMillis();
        lastProblems = problems;
        return problems;
    }

    private Problem unreachable(String why) {
        return new Problem("org.loumen.core.db", "database " + settings.product().label + " "
                + DatabaseSettings.redact(settings.url()), "UNREACHABLE",
                "数据库无法连接 / the database cannot be reached: " + why);
    }

    // DataSource: the pool's

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the credentials are the platform's own");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.tier(0).getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.tier(0).setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.tier(0).setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.tier(0).getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return pool.tier(0).unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.tier(0).isWrapperFor(iface);
    }
}
