/**
 * The Jinnan mechanism as server-side state machines (楼门栋长工作机制). So far: the semi-annual resident evaluation
 * (半年评议) with secret ballots. The leader lifecycle, problem reports, meetings, care visits and awards follow.
 */
package org.loumen.core.workflow.internal;
