package org.loumen.web.internal;

import java.util.Optional;
import java.util.function.Supplier;

import org.loumen.security.AuditRecord;
import org.loumen.security.AuditTrail;
import org.loumen.security.Caller;
import org.loumen.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the dispatcher records in the {@link AuditTrail} and what happens when the trail cannot store it: every write
 * (success or failure, unless its handler audits itself), every personal-data read, every refusal. A personal-data
 * read whose record cannot be stored is refused (503), so personal data never leaves unaudited; a write that is done
 * is not undone, its lost record is logged.
 */
final class AuditPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(AuditPolicy.class);

    /** The longest object (path and query) recorded. */
    static final int MAX_OBJECT = 500;

    private final Supplier<AuditTrail> trail;

    /** @param trail the trail as now bound, or {@code null} while there is none */
    AuditPolicy(Supplier<AuditTrail> trail) {
        this.trail = trail;
    }

    /** A route that changes something and whose handler does not record it itself. */
    static boolean isWrite(RouteTable.Route route) {
        return !route.method().equals("GET") && !route.access().isAuditedByHandler();
    }

    /** Whether a successful call of the route is recorded: writes and personal-data reads. */
    static boolean audits(RouteTable.Route route) {
        return isWrite(route) || route.access().isPersonalData();
    }

    /**
     * Records an access; throws when the trail cannot store it, so personal data is not returned unaudited.
     */
    void record(RouteTable.Route route, HttpServletRequest req, Caller caller, String node,
            AuditRecord.Outcome outcome, int status, String detail) throws ApiException {
        AuditTrail audit = trail.get();
        try {
            if (audit == null) {
                throw new IllegalStateException("no audit trail");
            }
            audit.record(entry(route, req, caller, node, outcome, status, detail));
        } catch (RuntimeException e) {
            LOG.error("AUDIT NOT STORED: {} {} by {} -> {} {}", route.method(), req.getPathInfo(),
                    actor(caller), outcome, status, e);
            if (!isWrite(route)) {
                throw new ApiException(503, "audit-unavailable",
                        "审计日志不可用，已拒绝读取个人信息 / the audit log is unavailable, so personal data is not served");
            }
        }
    }

    /** Records an access that is refused or failed anyway; a trail failure is logged, not answered. */
    void recordQuietly(RouteTable.Route route, HttpServletRequest req, Caller caller, String node,
            AuditRecord.Outcome outcome, int status, String detail) {
        AuditTrail audit = trail.get();
        if (audit == null) {
            return; // only public routes answer without a trail, and their refusals are the handlers' to record
        }
        try {
            audit.record(entry(route, req, caller, node, outcome, status, detail));
        } catch (RuntimeException e) {
            LOG.error("AUDIT NOT STORED: {} {} by {} -> {} {}", route.method(), req.getPathInfo(),
                    actor(caller), outcome, status, e);
        }
    }

    static AuditRecord entry(RouteTable.Route route, HttpServletRequest req, Caller caller, String node,
            AuditRecord.Outcome outcome, int status, String detail) {
        return entry(route, req.getPathInfo(), req.getQueryString(), ClientAddress.of(req), caller, node, outcome,
                status, detail);
    }

    /** The record: the route's template as the action, the path and query (cut at {@link #MAX_OBJECT}) as object. */
    static AuditRecord entry(RouteTable.Route route, String pathInfo, String query, String client, Caller caller,
            String node, AuditRecord.Outcome outcome, int status, String detail) {
        String object = Optional.ofNullable(pathInfo).orElse("/");
        if (query != null) {
            object = object + "?" + query;
        }
        if (object.length() > MAX_OBJECT) {
            object = object.substring(0, MAX_OBJECT);
        }
        return new AuditRecord(actor(caller), client, route.method() + " " + route.template(), object, node, outcome,
                status, detail);
    }

    static String actor(Caller caller) {
        return caller.anonymous() ? "anonymous" : caller.username();
    }
}
