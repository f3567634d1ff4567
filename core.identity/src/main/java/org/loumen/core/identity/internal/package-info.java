/**
 * Accounts, sign-in sessions, lockout and the audit log. Nothing here is exported: other bundles reach identity
 * through {@link org.loumen.security.Authenticator} and {@link org.loumen.security.AuditTrail}.
 */
package org.loumen.core.identity.internal;
