/**
 * Workflow facts for programmes and other bundles (工作机制的只读事实): read-only views of what the core's mechanism
 * decided — awards of excellent leaders (优秀楼门栋长) and the reserve pool, the outcomes of closed semi-annual
 * evaluations (半年评议) per leader, a leader's current status, the problem reports (问题时报) of a place. Every method
 * takes the caller's scopes (e.g. {@code ProgrammeRequest.scopes()}) and returns only what lies within them. Views
 * name leaders by id only: names and phones come through a programme's declared data access.
 *
 * <p>To react to the mechanism, subscribe to the Event Admin topics of {@link org.loumen.core.workflow.events}.
 */
@Export
@Version("1.2.0")
package org.loumen.core.workflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
