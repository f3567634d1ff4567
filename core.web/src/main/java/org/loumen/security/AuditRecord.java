package org.loumen.security;

import java.util.Objects;

/**
 * One entry for the audit trail (审计记录): who did what to which object, from where, with what outcome.
 * The time is taken by the trail when it stores the entry.
 *
 * @param actor   the username, or {@code anonymous}
 * @param client  the client's address
 * @param action  what was attempted, e.g. {@code auth.login} or {@code PUT /users/{username}}
 * @param object  the object acted on, e.g. the request path or an account name; may be {@code null}
 * @param node    the organisation node the action concerned; may be {@code null}
 * @param outcome how it ended
 * @param status  the HTTP status answered (0 when not an HTTP request)
 * @param detail  a short reason for people (never a password or other secret); may be {@code null}
 */
public record AuditRecord(String actor, String client, String action, String object, String node, Outcome outcome,
        int status, String detail) {

    /** How an audited action ended. */
    public enum Outcome {
        /** Done. */
        SUCCESS,
        /** Refused by access control: not signed in, role missing, or outside the caller's scope. */
        DENIED,
        /** Attempted and rejected (bad input, conflict, wrong password, error). */
        FAILURE
    }

    public AuditRecord {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
