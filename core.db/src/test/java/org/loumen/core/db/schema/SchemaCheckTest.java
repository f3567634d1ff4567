package org.loumen.core.db.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.eclipse.persistence.descriptors.RelationalDescriptor;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.platform.database.DerbyPlatform;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Project;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.eclipse.persistence.tools.schemaframework.SchemaManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The schema check on a real (in-memory) Derby, with EclipseLink sessions as a persistence unit's: the first start
 * extends and stores the fingerprint once deployed; a start with the same mappings skips the extension; a changed
 * mapping (a new column) extends again, and the column arrives with every row kept.
 */
class SchemaCheckTest {

    /** The entity of the test unit; {@code nickname} is mapped only in its "upgraded" version. */
    static final class Household {
        long id;
        String name;
        String nickname;
    }

    private final EmbeddedDataSource db = new EmbeddedDataSource();

    /** Stops Derby's engine again, so that a later test in this JVM boots it with its own derby.system.home. */
    @AfterAll
    static void stopDerby() {
        try {
            new EmbeddedDriver().connect("jdbc:derby:;shutdown=true", new java.util.Properties());
        } catch (SQLException e) {
            // XJ015: Derby's engine shut down
        }
    }

    SchemaCheckTest() {
        db.setDatabaseName("memory:schema-" + UUID.randomUUID().toString().substring(0, 8));
        db.setCreateDatabase("create");
    }

    @Test
    void extendsOnlyWhenTheMappingsChange() throws Exception {
        // first start: nothing stored, the tables are extended (created), the fingerprint stored once deployed
        Deployment first = start(false);
        assertEquals(SchemaCheck.EXTEND, first.ddl());
        first.deploy();
        insert("INSERT INTO T_HOUSEHOLD (ID, NAME) VALUES (1, '王')");
        first.logout();
        assertEquals(1, count("SELECT COUNT(*) FROM LMN_SCHEMA_FINGERPRINT"));

        // warm start, same mappings: the extension is skipped
        Deployment warm = start(false);
        assertEquals("none", warm.ddl());
        warm.deploy();
        warm.logout();

        // upgraded mapping (one more column): extended again, the row kept, the new fingerprint stored
        Deployment upgraded = start(true);
        assertEquals(SchemaCheck.EXTEND, upgraded.ddl());
        upgraded.deploy();
        upgraded.logout();
        assertTrue(columns("T_HOUSEHOLD").contains("NICKNAME"), columns("T_HOUSEHOLD").toString());
        assertEquals(1, count("SELECT COUNT(*) FROM T_HOUSEHOLD WHERE NAME = '王'"));

        Deployment again = start(true);
        assertEquals("none", again.ddl());
        again.logout();
        // going back to the old version extends too (it adds nothing; nothing is dropped)
        Deployment older = start(false);
        assertEquals(SchemaCheck.EXTEND, older.ddl());
        older.deploy();
        older.logout();
        assertTrue(columns("T_HOUSEHOLD").contains("NICKNAME"));
        assertEquals(1, count("SELECT COUNT(*) FROM LMN_SCHEMA_FINGERPRINT"));
    }

    @Test
    void aDeploymentThatNeverCompletesStoresNothing() throws Exception {
        Deployment first = start(false);
        new SchemaManager(first.session).extendDefaultTables(true);
        first.logout(); // the DDL step never returned: the unit never deployed
        Deployment next = start(false);
        assertEquals(SchemaCheck.EXTEND, next.ddl());
        next.logout();
    }

    /** A deployment as EclipseLink makes it: the tuner given the properties, then the login. */
    private Deployment start(boolean upgraded) {
        Deployment d = new Deployment(session(upgraded, db));
        d.tuner.tunePreDeploy(d.properties);
        d.tuner.tuneDeploy(d.session);
        d.session.login();
        return d;
    }

    static final class Deployment {
        final ServerSession session;
        final Map<Object, Object> properties = new HashMap<>(Map.of("eclipselink.ddl-generation", SchemaCheck.EXTEND));
        final SchemaCheck tuner = new SchemaCheck();

        Deployment(ServerSession session) {
            this.session = session;
        }

        /** What EclipseLink does after the login: its DDL step as the setting says, then the tuner's post-deploy. */
        void deploy() {
            if (SchemaCheck.EXTEND.equals(ddl())) {
                new SchemaManager(session).extendDefaultTables(true);
            }
            tuner.tunePostDeploy(session);
        }

        String ddl() {
            return String.valueOf(properties.get("eclipselink.ddl-generation"));
        }

        void logout() {
            session.logout();
        }
    }

    private static ServerSession session(boolean upgraded, DataSource source) {
        RelationalDescriptor household = new RelationalDescriptor();
        household.setJavaClass(Household.class);
        household.setTableName("T_HOUSEHOLD");
        household.addPrimaryKeyFieldName("T_HOUSEHOLD.ID");
        household.addDirectMapping("id", "T_HOUSEHOLD.ID");
        household.addDirectMapping("name", "T_HOUSEHOLD.NAME");
        if (upgraded) {
            household.addDirectMapping("nickname", "T_HOUSEHOLD.NICKNAME");
        }
        DatabaseLogin login = new DatabaseLogin();
        login.setConnector(new JNDIConnector(source));
        login.usePlatform(new DerbyPlatform());
        Project project = new Project(login);
        project.addDescriptor(household);
        ServerSession session = (ServerSession) project.createServerSession();
        session.setLogLevel(SessionLog.OFF);
        return session;
    }

    private void insert(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private Set<String> columns(String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = db.getConnection(); ResultSet r = c.getMetaData().getColumns(null, null, table, null)) {
            while (r.next()) {
                names.add(r.getString("COLUMN_NAME"));
            }
        }
        return names;
    }
}
