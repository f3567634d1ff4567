/**
 * The schema check (结构检查) every persistence unit of the platform names in its {@code persistence.xml} as
 * {@code eclipselink.session-event-listener}: {@link org.loumen.core.db.schema.SchemaCheck} skips EclipseLink's
 * {@code create-or-extend-tables} at a start when the unit's mappings are those of the last extension of this
 * database, and lets it run whenever they differ; {@link org.loumen.core.db.schema.DeclaredIndexes} (since 1.1) adds
 * the indexes an entity declares to a table that already exists, which that extension never does;
 * {@link org.loumen.core.db.schema.FirstUse} (since 1.2) does the work a component needs done before its data is
 * first used at that first use (or in the background once the platform has started), not on the start level's thread;
 * {@link org.loumen.core.db.schema.DatabaseAtStart} (since 1.4) tells whether the embedded database was there before
 * this start.
 */
@Export
@Version("1.4.0")
package org.loumen.core.db.schema;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
