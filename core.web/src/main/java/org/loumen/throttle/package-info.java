/**
 * Throttles every node shares (全局限流): a backoff against guessing (passwords, ballot codes, report numbers) and
 * limits on how often one client or one place may write. The platform keeps their counts in its database, so two
 * nodes behind one proxy count together: ten wrong codes split across node A and node B are ten wrong codes.
 */
@Export
@Version("1.0.0")
package org.loumen.throttle;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
