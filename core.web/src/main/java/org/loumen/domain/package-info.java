/**
 * How Loumen's domain services refuse an operation, in the domain's words and without HTTP: a {@link
 * org.loumen.domain.Refusal} (拒绝) says why ({@link org.loumen.domain.Refusal.Kind}), with a stable code, a message
 * (Chinese first, then English) and the field at fault. The web layer answers every refusal the same way, in one
 * place, for the resources of every bundle. Beside it the rules a service shares with the web layer: the input rules
 * ({@link org.loumen.domain.InputRules}) and the recognition of a write another transaction refused ({@link
 * org.loumen.domain.StoreConflict}), whether a database may be shared by other nodes ({@link
 * org.loumen.domain.SharedStore}), and many callers' writes made durable in one commit ({@link
 * org.loumen.domain.GroupCommit}, since 1.2).
 */
@Export
@Version("1.2.0")
package org.loumen.domain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
