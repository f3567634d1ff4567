package org.loumen.web.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.loumen.domain.Refusal;
import org.loumen.domain.StoreConflict;
import org.loumen.security.AuditRecord;
import org.loumen.security.AuditTrail;
import org.loumen.security.Authenticator;
import org.loumen.security.Caller;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.GrantedRoles;
import org.loumen.web.Handler;
import org.loumen.web.Routes;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The single entry point of {@code /api/v1}: matches routes of every {@link ApiResource}, authenticates the caller,
 * checks the route's {@link Access} rule ({@link Gate}), runs the handler and writes JSON. Refusals, writes and
 * personal-data reads are recorded in the {@link AuditTrail}. Every error leaves here as
 * {@code {"error","message"[,"field"]}}; no stack trace ever reaches a client. The request it hands to handlers is
 * {@link HttpApiRequest}, answers are written by {@link JsonResponses}, and what is recorded is {@link AuditPolicy}'s.
 */
@RequireHttpWhiteboard
@HttpWhiteboardServletName("loumen-api")
@HttpWhiteboardServletPattern("/api/v1/*")
@Component(service = Servlet.class, configurationPid = ApiDispatcher.PID)
@Designate(ocd = ApiDispatcher.Config.class)
public final class ApiDispatcher extends HttpServlet {

    static final String PID = "org.loumen.web.api";

    /** Settings of the JSON API, editable at runtime through Config Admin (e.g. a DATA/conf/org.loumen.web.api.cfg). */
    @ObjectClassDefinition(id = PID, name = "Loumen JSON API / 接口设置",
            description = "请求体大小上限等 / limits of the JSON API")
    public @interface Config {
        @AttributeDefinition(name = "JSON 请求体上限（字节） / largest JSON body (bytes)", min = "1024",
                max = "67108864", description = "更大的请求体以 413 拒绝 / larger bodies are refused with 413")
        int maxJsonBodyBytes() default DEFAULT_MAX_JSON_BODY;

        @AttributeDefinition(name = "上传文件上限（字节） / largest upload, e.g. a CSV import (bytes)", min = "1024",
                max = "1073741824")
        int maxUploadBytes() default DEFAULT_MAX_UPLOAD;

        @AttributeDefinition(name = "受信任的反向代理地址 / trusted reverse proxies (addresses)", required = false,
                description = "来自这些地址的请求按 X-Forwarded-For 认定客户端地址（如 nginx）/ for requests from these "
                        + "addresses (e.g. nginx) the client's address is read from X-Forwarded-For")
        String[] trustedProxies() default {};
    }

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    /** JSON bodies are small; a larger one is refused before it is read into memory. */
    static final int DEFAULT_MAX_JSON_BODY = 1 << 20;
    /** A spreadsheet of the whole district's leaders is about 1 MB; 32 MiB leaves room for households. */
    static final int DEFAULT_MAX_UPLOAD = 32 << 20;

    private volatile int maxJsonBody = DEFAULT_MAX_JSON_BODY;
    private volatile int maxUpload = DEFAULT_MAX_UPLOAD;
    private volatile Set<String> trustedProxies = Set.of();

    @Activate
    @Modified
    void configure(Config config) {
        maxJsonBody = Math.max(1024, config.maxJsonBodyBytes());
        maxUpload = Math.max(1024, config.maxUploadBytes());
        String[] proxies = config.trustedProxies();
        // a .cfg file gives one string: addresses separated by commas
        trustedProxies = proxies == null ? Set.of() : Arrays.stream(proxies).flatMap(p -> Arrays.stream(p.split(",")))
                .map(String::strip).filter(p -> !p.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private final transient RouteTable table = new RouteTable();

    /** Provided by the identity bundle; while either is missing, only public routes answer (fail closed). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail auditTrail;

    /** What is recorded, and what a trail failure means; reads the trail as now bound. */
    private final transient AuditPolicy audit = new AuditPolicy(() -> auditTrail);

    /** Roles granted beside the core's (programme roles); without it, granted roles admit nobody. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile GrantedRoles grantedRoles;

    /** Until the platform has started, every route but health answers 503 {@code starting}. */
    @Reference
    private volatile StartupState startup;

    public ApiDispatcher() {
        // the catalogue of routes, for district IT and for the route x role test
        table.add(this, "org.loumen.core.web", "GET", "/system/routes", Access.within(Role.DISTRICT_ADMIN),
                r -> table.all().stream().map(RouteInfo::of).toList());
        // the OpenAPI document of the routes as they are now, for staff and the API browser (/api-docs)
        table.add(this, "org.loumen.core.web", "GET", "/openapi.json", Access.within(Role.DISTRICT_ADMIN,
                Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY, Role.AUDITOR),
                r -> OpenApiDocument.of(table.all(), apiVersion()));
    }

    /** The version the document states: this bundle's, which grows with the API packages it exports. */
    private static String apiVersion() {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(ApiDispatcher.class);
        return bundle == null ? "1" : bundle.getVersion().toString();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(ServiceReference<ApiResource> ref, ApiResource resource) {
        // the programme platform registers programmes' routes on their behalf and names their bundle
        Object named = ref.getProperty(ApiResource.OWNER);
        String owner = named != null ? named.toString()
                : ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName();
        try {
            resource.routes(new Registrar(resource, owner));
        } catch (RuntimeException e) {
            // a resource with a bad or clashing route must not take down the others
            table.removeAll(resource);
            LOG.error("Routes of {} ({}) refused: {}", resource.getClass().getName(), owner, e.getMessage());
        }
    }

    void removeResource(ApiResource resource) {
        table.removeAll(resource);
    }

    /** One row of {@code GET /system/routes}. */
    record RouteInfo(String method, String path, String access, List<String> roles, List<String> granted,
            String nodeParam, List<String> filters, boolean personalData, String bundle) {
        static RouteInfo of(RouteTable.Route r) {
            Access a = r.access();
            return new RouteInfo(r.method(), r.template(), a.kind().name(),
                    a.roles().stream().map(Enum::name).sorted().toList(), a.granted().stream().sorted().toList(),
                    a.pathParam(), a.filterParams(), a.isPersonalData(), r.ownerName());
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long started = System.nanoTime();
        String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
        String method = req.getMethod();
        // the client's address, behind a trusted proxy the one it forwarded for: for the audit log and throttles
        req.setAttribute(ClientAddress.ATTRIBUTE,
                ClientAddress.of(req.getRemoteAddr(), req.getHeader("X-Forwarded-For"), trustedProxies));
        RouteTable.Route route = null;
        Caller caller = Caller.ANONYMOUS;
        String node = null;
        try {
            StartupState state = startup;
            if ((state == null || !state.started()) && !path.equals("/health") && !path.startsWith("/health/")) {
                throw StartupState.starting();
            }
            RouteTable.Match match = table.match(method, path);
            if (match instanceof RouteTable.MethodNotAllowed m) {
                resp.setHeader("Allow", String.join(", ", m.allowed()));
                throw new ApiException(405, "method-not-allowed",
                        "不支持该请求方法 / method not allowed: " + method + "; allowed: " + m.allowed());
            }
            if (!(match instanceof RouteTable.Found f)) {
                throw new ApiException(404, "not-found", "没有此接口 / no such endpoint: " + path);
            }
            route = f.route();
            Access access = route.access();
            HttpApiRequest request = new HttpApiRequest(req, path, f.params(), maxJsonBody, maxUpload);
            boolean guarded = access.kind() != Access.Kind.PUBLIC;
            Authenticator auth = authenticator;
            if (guarded && (auth == null || auditTrail == null)) {
                throw new ApiException(503, "security-unavailable",
                        "身份认证服务未就绪，请稍后再试 / identity and audit services are not ready; try again shortly");
            }
            Optional<String> token = bearerToken(req);
            if (token.isPresent() && auth != null) {
                Optional<Caller> known = auth.authenticate(token.get());
                if (known.isPresent()) {
                    caller = known.get();
                } else if (guarded) {
                    resp.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                    deny(resp, route, req, caller, null, new ApiException(401, "invalid-token",
                            "登录已失效，请重新登录 / the token is unknown, expired or revoked; sign in again"));
                    return;
                }
            } else if (guarded && req.getHeader("Authorization") != null) {
                deny(resp, route, req, caller, null, new ApiException(401, "invalid-token",
                        "Authorization 须为 Bearer 令牌 / Authorization must be a Bearer token"));
                return;
            }
            GrantedRoles grants = grantedRoles;
            Gate.Decision decision = Gate.check(access, caller, request,
                    u -> grants == null || u == null ? List.of() : grants.grantsOf(u));
            if (!decision.admitted()) {
                if (decision.refusal().status() == 401) {
                    resp.setHeader("WWW-Authenticate", "Bearer");
                }
                deny(resp, route, req, caller, decision.node(), decision.refusal());
                return;
            }
            node = decision.node();
            request.admit(caller, decision.scopes());
            if (AuditPolicy.audits(route)) {
                RouteTable.Route audited = route;
                Caller who = caller;
                String where = node;
                request.auditedBy(status -> AuditPolicy.entry(audited, req, who, where, AuditRecord.Outcome.SUCCESS,
                        status, request.auditDetail()));
            }
            Object result = route.handler().handle(request);
            int status = result instanceof ApiResponse r ? r.status() : result == null ? 204 : 200;
            if (AuditPolicy.audits(route) && !request.isAudited()) {
                // a personal-data read is recorded before the data leaves; a write after it is done
                audit.record(route, req, caller, node, AuditRecord.Outcome.SUCCESS, status, request.auditDetail());
            }
            // the server's own time (token, access, handler, audit entry), which a browser shows per request and the
            // console page benchmark reads (PerformanceResourceTiming.serverTiming)
            resp.setHeader("Server-Timing", serverTiming(System.nanoTime() - started));
            if (result instanceof ApiResponse r && r.contentType() != null) {
                JsonResponses.writeFile(resp, r);
            } else {
                JsonResponses.write(resp, status, result instanceof ApiResponse r ? r.body() : result);
            }
        } catch (ApiException e) {
            refused(resp, route, req, caller, node, e);
        } catch (Refusal e) {
            // a domain service's refusal: answered here, the same way for every bundle's resources
            refused(resp, route, req, caller, node, ApiException.of(e));
        } catch (RuntimeException e) {
            Optional<StoreConflict> conflict = StoreConflict.in(e);
            if (conflict.isPresent()) {
                // a unique key taken or a lock conflict that the service's retries did not resolve: never a 500
                ApiException answer = ApiException.of(conflict.get().toRefusal());
                LOG.info("{} {}: store conflict {} {}", method, path, conflict.get().sqlState(),
                        conflict.get().constraint());
                if (route != null && AuditPolicy.isWrite(route)) {
                    audit.recordQuietly(route, req, caller, node, AuditRecord.Outcome.FAILURE, 409, answer.code());
                }
                answer(req, resp, answer);
                return;
            }
            LOG.error("{} {} failed", method, path, e);
            if (route != null && AuditPolicy.isWrite(route)) {
                audit.recordQuietly(route, req, caller, node, AuditRecord.Outcome.FAILURE, 500, "internal-error");
            }
            answer(req, resp, new ApiException(500, "internal-error",
                    "服务器内部错误，已记录 / internal error, logged on the server"));
        }
    }

    /** The W3C Server Timing header: {@code app;dur=12.3}, milliseconds with one decimal. */
    static String serverTiming(long nanos) {
        long tenths = Math.max(0, nanos / 100_000);
        return "app;dur=" + tenths / 10 + "." + tenths % 10;
    }

    private static Optional<String> bearerToken(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** Answers an expected failure of the handler; a failed write is recorded. */
    private void refused(HttpServletResponse resp, RouteTable.Route route, HttpServletRequest req, Caller caller,
            String node, ApiException e) throws IOException {
        if (route != null && AuditPolicy.isWrite(route)) {
            audit.recordQuietly(route, req, caller, node, AuditRecord.Outcome.FAILURE, e.status(), e.code());
        }
        answer(req, resp, e);
    }

    /** Answers a refusal and records it. */
    private void deny(HttpServletResponse resp, RouteTable.Route route, HttpServletRequest req, Caller caller,
            String node, ApiException refusal) throws IOException {
        audit.recordQuietly(route, req, caller, node, AuditRecord.Outcome.DENIED, refusal.status(), refusal.code());
        answer(req, resp, refusal);
    }

    /** Writes an error answer once the body the client is still sending is read, so that the client reads it. */
    private void answer(HttpServletRequest req, HttpServletResponse resp, ApiException e) throws IOException {
        UnreadBody.discard(req, maxUpload);
        JsonResponses.writeError(resp, e);
    }

    /** Registers one resource's routes, tagged with the resource so they leave with it. */
    private final class Registrar implements Routes {
        private final ApiResource owner;
        private final String ownerName;

        Registrar(ApiResource owner, String ownerName) {
            this.owner = owner;
            this.ownerName = ownerName;
        }

        private Routes add(String method, String path, Access access, Handler h) {
            table.add(owner, ownerName, method, path, access, h);
            return this;
        }

        @Override
        public Routes get(String path, Access access, Handler h) {
            return add("GET", path, access, h);
        }

        @Override
        public Routes post(String path, Access access, Handler h) {
            return add("POST", path, access, h);
        }

        @Override
        public Routes put(String path, Access access, Handler h) {
            return add("PUT", path, access, h);
        }

        @Override
        public Routes delete(String path, Access access, Handler h) {
            return add("DELETE", path, access, h);
        }
    }

}
