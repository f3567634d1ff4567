/**
 * The Jinnan mechanism as server-side state machines: leader lifecycle (提名、审议、培训、持证上岗), closed-loop problem
 * reports (问题时报), weekly and monthly meetings (每周沟通、按月例会), care visits and the semi-annual resident evaluation
 * (半年评议). Its services arrive with the core.workflow issue; this bundle reserves the module and its private package.
 */
package org.loumen.core.workflow.internal;
