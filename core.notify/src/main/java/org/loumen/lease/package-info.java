/**
 * Leases in the shared database (数据库租约): when several nodes share one database, the holder of a named lease is
 * the one node that runs a piece of scheduled work (a scan, a purge) until the lease expires or is released.
 */
@Export
@Version("1.0.0")
package org.loumen.lease;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
