/**
 * The Event Admin topics the core publishes (工作机制事件), with their property names: subscribe with an
 * {@code EventHandler} service whose {@code event.topics} names them (a {@code *} suffix matches a family, e.g.
 * {@link org.loumen.core.workflow.events.WorkflowTopics#LEADER_ALL}). Events are posted asynchronously after the change
 * is committed; properties hold ids and codes, never personal data.
 */
@Export
@Version("1.2.0")
package org.loumen.core.workflow.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
