/**
 * The schema check (结构检查) every persistence unit of the platform names in its {@code persistence.xml} as
 * {@code eclipselink.session-event-listener}: {@link org.loumen.core.db.schema.SchemaCheck} skips EclipseLink's
 * {@code create-or-extend-tables} at a start when the unit's mappings are those of the last extension of this
 * database, and lets it run whenever they differ; {@link org.loumen.core.db.schema.DeclaredIndexes} (since 1.1) adds
 * the indexes an entity declares to a table that already exists, which that extension never does.
 */
@Export
@Version("1.1.0")
package org.loumen.core.db.schema;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
