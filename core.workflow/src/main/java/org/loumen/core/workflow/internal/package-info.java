/**
 * The Jinnan mechanism as server-side state machines (楼门栋长工作机制): the leader lifecycle (提名、审议、培训、持证上岗),
 * closed-loop problem reports (问题时报), weekly and monthly meetings (每周沟通、按月例会), care visits to special and
 * vulnerable households, the semi-annual resident evaluation with secret ballots (半年评议) and the selection of
 * excellent leaders (优秀楼门栋长). Every move is audited by the API dispatcher and published on Event Admin.
 */
package org.loumen.core.workflow.internal;
