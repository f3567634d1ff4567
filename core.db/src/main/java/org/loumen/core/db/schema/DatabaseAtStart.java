package org.loumen.core.db.schema;

import org.osgi.framework.BundleContext;

/**
 * Whether the embedded database was there before this start (启动前已有数据库): a first start creates it, and what
 * only a first start does (the administrator's first password, the demo data seeded before UP) reads this.
 *
 * @since 1.4
 */
public final class DatabaseAtStart {

    /** The framework property the launcher sets: {@code true} when {@code DATA/db} existed (unset on PostgreSQL). */
    public static final String PROPERTY = "loumen.db.existed";

    private DatabaseAtStart() {
    }

    /** Whether the embedded database existed before this start: false when new, and on another database. */
    public static boolean existed(BundleContext context) {
        return Boolean.parseBoolean(context.getProperty(PROPERTY));
    }
}
