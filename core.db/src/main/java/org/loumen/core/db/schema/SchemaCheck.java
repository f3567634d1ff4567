package org.loumen.core.db.schema;

import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.tools.tuning.SessionTuner;
import org.loumen.core.db.internal.MappingFingerprint;
import org.loumen.core.db.internal.SchemaFingerprints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips EclipseLink's {@code create-or-extend-tables} at a start when nothing it could add is missing. A persistence
 * unit names it as its {@code eclipselink.tuning}; EclipseLink makes one per deployment of the unit and calls it
 * before the login (with the very properties its DDL step reads afterwards), at the login, and once the DDL is written.
 *
 * <p>Once the unit's session has logged in, and before EclipseLink writes its DDL, the check computes a fingerprint
 * of what the DDL would be made from (every table the mappings define, as this database's platform would create it,
 * with its unique keys, foreign keys and indexes, the sequences and EclipseLink's version) and compares it with the
 * one stored in this same database ({@code LMN_SCHEMA_FINGERPRINT}) after the unit's last extension. Equal: the
 * extension is skipped (reading the database's metadata for every table, and a failing {@code ALTER TABLE … ADD
 * CONSTRAINT} for every unique key that exists already). Different or absent — a new unit, a changed mapping, a
 * database restored from before it, a database of another kind migrated here — and EclipseLink extends the tables as
 * always; the fingerprint is stored only after EclipseLink's DDL step has returned, so a failed deployment leaves the
 * next start extending again. Any trouble reading the stored fingerprint also extends: the check can only ever skip
 * work that would have changed nothing.
 */
public final class SchemaCheck implements SessionTuner {

    static final String DDL_GENERATION = "eclipselink.ddl-generation";
    static final String EXTEND = "create-or-extend-tables";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaCheck.class);

    /** The deployment's properties: EclipseLink reads its DDL setting from this same map after the login. */
    private volatile Map<Object, Object> properties;
    private volatile boolean listening;
    /** What to store once the DDL step has returned: set when the tables are extended at this deployment. */
    private volatile Runnable toRecord;

    @Override
    @SuppressWarnings("unchecked")
    public void tunePreDeploy(@SuppressWarnings("rawtypes") Map properties) {
        this.properties = properties;
    }

    @Override
    public void tuneDeploy(Session session) {
        if (listening) {
            return;
        }
        listening = true;
        session.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void postLogin(SessionEvent event) {
                check(event.getSession());
            }
        });
    }

    @Override
    public void tunePostDeploy(Session session) {
        Runnable record = toRecord;
        toRecord = null;
        if (record != null) {
            record.run();
        }
    }

    /** After the login, before the DDL step: skips it when the stored fingerprint is this one. */
    void check(Session session) {
        Map<Object, Object> deploy = properties;
        if (deploy == null || !EXTEND.equalsIgnoreCase(String.valueOf(deploy.get(DDL_GENERATION)))) {
            return;
        }
        DataSource db = dataSource(session.getDatasourceLogin());
        if (db == null || !(session instanceof AbstractSession)) {
            return;
        }
        MappingFingerprint fingerprint;
        String stored;
        try {
            fingerprint = MappingFingerprint.of((AbstractSession) session);
            stored = SchemaFingerprints.read(db, fingerprint.unitKey());
        } catch (RuntimeException | SQLException e) {
            LOG.warn("结构指纹无法读取，照常扩展 / schema fingerprint not readable, extending the tables as usual: {}",
                    e.toString());
            return;
        }
        if (fingerprint.value().equals(stored)) {
            try {
                deploy.put(DDL_GENERATION, "none");
                LOG.debug("Schema of {} unchanged ({}): create-or-extend-tables skipped", fingerprint.tables(),
                        fingerprint.value());
            } catch (RuntimeException e) {
                // an unmodifiable map: EclipseLink extends as usual
            }
        } else {
            toRecord = () -> SchemaFingerprints.record(db, fingerprint);
            LOG.info("结构为新或已改变，扩展数据表 / schema new or changed, extending the tables {}", fingerprint.tables());
        }
    }

    private static DataSource dataSource(Login login) {
        if (login instanceof DatabaseLogin && ((DatabaseLogin) login).getConnector() instanceof JNDIConnector) {
            return ((JNDIConnector) ((DatabaseLogin) login).getConnector()).getDataSource();
        }
        return null;
    }
}
