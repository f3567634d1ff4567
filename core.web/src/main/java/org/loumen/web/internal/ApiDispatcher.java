package org.loumen.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.loumen.security.AuditRecord;
import org.loumen.security.AuditTrail;
import org.loumen.security.Authenticator;
import org.loumen.security.Caller;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.GrantedRoles;
import org.loumen.web.Handler;
import org.loumen.web.Routes;
import org.loumen.web.StoreConflict;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The single entry point of {@code /api/v1}: matches routes of every {@link ApiResource}, authenticates the caller,
 * checks the route's {@link Access} rule ({@link Gate}), runs the handler and writes JSON. Refusals, writes and
 * personal-data reads are recorded in the {@link AuditTrail}. Every error leaves here as
 * {@code {"error","message"[,"field"]}}; no stack trace ever reaches a client.
 */
@RequireHttpWhiteboard
@HttpWhiteboardServletName("loumen-api")
@HttpWhiteboardServletPattern("/api/v1/*")
@Component(service = Servlet.class, configurationPid = ApiDispatcher.PID)
@Designate(ocd = ApiDispatcher.Config.class)
public final class ApiDispatcher extends HttpServlet {

    static final String PID = "org.loumen.web.api";

    /** The one error code of a request whose body is required but missing (JSON or upload alike). */
    static final String MISSING_BODY = "missing-body";

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
        trustedProxies = proxies == null ? Set.of() : java.util.Arrays.stream(proxies)
                .flatMap(p -> java.util.Arrays.stream(p.split(","))).map(String::strip).filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The client's address: the peer, or behind a trusted proxy the one it forwarded for. */
    private String client(HttpServletRequest req) {
        return ClientAddress.of(req.getRemoteAddr(), req.getHeader("X-Forwarded-For"), trustedProxies);
    }

    private final transient RouteTable table = new RouteTable();

    /** Provided by the identity bundle; while either is missing, only public routes answer (fail closed). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail auditTrail;

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
        String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
        String method = req.getMethod();
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
            Request request = new Request(req, path, f.params(), maxJsonBody, maxUpload, client(req));
            boolean guarded = access.kind() != Access.Kind.PUBLIC;
            Authenticator auth = authenticator;
            AuditTrail audit = auditTrail;
            if (guarded && (auth == null || audit == null)) {
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
            Object result = route.handler().handle(request);
            int status = result instanceof ApiResponse r ? r.status() : result == null ? 204 : 200;
            if (audits(route)) {
                // a personal-data read is recorded before the data leaves; a write after it is done
                record(route, req, caller, node, AuditRecord.Outcome.SUCCESS, status, request.auditDetail());
            }
            if (result instanceof ApiResponse r && r.contentType() != null) {
                writeFile(resp, r);
            } else {
                write(resp, status, result instanceof ApiResponse r ? r.body() : result);
            }
        } catch (ApiException e) {
            if (route != null && isWrite(route)) {
                recordQuietly(route, req, caller, node, AuditRecord.Outcome.FAILURE, e.status(), e.code());
            }
            writeError(resp, e);
        } catch (RuntimeException e) {
            Optional<StoreConflict> conflict = StoreConflict.in(e);
            if (conflict.isPresent()) {
                // a unique key taken or a lock conflict that the service's retries did not resolve: never a 500
                ApiException answer = conflict.get().toApi();
                LOG.info("{} {}: store conflict {} {}", method, path, conflict.get().sqlState(),
                        conflict.get().constraint());
                if (route != null && isWrite(route)) {
                    recordQuietly(route, req, caller, node, AuditRecord.Outcome.FAILURE, 409, answer.code());
                }
                writeError(resp, answer);
                return;
            }
            LOG.error("{} {} failed", method, path, e);
            if (route != null && isWrite(route)) {
                recordQuietly(route, req, caller, node, AuditRecord.Outcome.FAILURE, 500, "internal-error");
            }
            writeError(resp, new ApiException(500, "internal-error",
                    "服务器内部错误，已记录 / internal error, logged on the server"));
        }
    }

    private static Optional<String> bearerToken(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static boolean isWrite(RouteTable.Route route) {
        return !route.method().equals("GET") && !route.access().isAuditedByHandler();
    }

    private static boolean audits(RouteTable.Route route) {
        return isWrite(route) || route.access().isPersonalData();
    }

    /** Answers a refusal and records it. */
    private void deny(HttpServletResponse resp, RouteTable.Route route, HttpServletRequest req, Caller caller,
            String node, ApiException refusal) throws IOException {
        recordQuietly(route, req, caller, node, AuditRecord.Outcome.DENIED, refusal.status(), refusal.code());
        writeError(resp, refusal);
    }

    /**
     * Records an access; throws when the trail cannot store it, so personal data is not returned unaudited.
     */
    private void record(RouteTable.Route route, HttpServletRequest req, Caller caller, String node,
            AuditRecord.Outcome outcome, int status, String detail) throws ApiException {
        AuditTrail audit = auditTrail;
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
    private void recordQuietly(RouteTable.Route route, HttpServletRequest req, Caller caller, String node,
            AuditRecord.Outcome outcome, int status, String detail) {
        AuditTrail audit = auditTrail;
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

    private AuditRecord entry(RouteTable.Route route, HttpServletRequest req, Caller caller, String node,
            AuditRecord.Outcome outcome, int status, String detail) {
        String object = Optional.ofNullable(req.getPathInfo()).orElse("/");
        if (req.getQueryString() != null) {
            object = object + "?" + req.getQueryString();
        }
        if (object.length() > 500) {
            object = object.substring(0, 500);
        }
        return new AuditRecord(actor(caller), client(req), route.method() + " " + route.template(),
                object, node, outcome, status, detail);
    }

    private static String actor(Caller caller) {
        return caller.anonymous() ? "anonymous" : caller.username();
    }

    static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (body == null || status == 204) {
            return;
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static void writeFile(HttpServletResponse resp, ApiResponse r) throws IOException {
        byte[] bytes = (byte[]) r.body();
        resp.setStatus(r.status());
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentType(r.contentType());
        // RFC 6266/5987: an ASCII fallback and the UTF-8 name, so Chinese file names survive
        String ascii = r.filename().replaceAll("[^A-Za-z0-9._-]", "_");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(r.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    static void writeError(HttpServletResponse resp, ApiException e) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.code());
        body.put("message", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        body.putAll(e.details());
        if (!resp.isCommitted()) {
            if (e.retryAfterSeconds() > 0) {
                resp.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            }
            write(resp, e.status(), body);
        }
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

    /** The servlet request seen through {@link ApiRequest}. */
    static final class Request implements ApiRequest {
        private final HttpServletRequest req;
        private final String path;
        private final Map<String, String> params;
        private final int maxBody;
        private final int maxUpload;
        private Caller caller = Caller.ANONYMOUS;
        private Set<String> scopes = Set.of();
        private String auditDetail;
        private final String client;

        Request(HttpServletRequest req, String path, Map<String, String> params, int maxBody, int maxUpload,
                String client) {
            this.req = req;
            this.client = client;
            this.path = path;
            this.params = params;
            this.maxBody = maxBody;
            this.maxUpload = maxUpload;
        }

        /** The body as read once (both {@link #bytes()} and {@link #body(Class)} use it); {@code null} until read. */
        private byte[] raw;
        /** Whether the body was larger than the upload limit (then it is not kept). */
        private boolean overLimit;

        /** Reads the body once, up to the upload limit; every later call answers from what was read. */
        private byte[] raw() throws ApiException {
            if (raw == null && !overLimit) {
                if (req.getContentLengthLong() > maxUpload) {
                    overLimit = true;
                } else {
                    try (InputStream in = req.getInputStream()) {
                        byte[] read = in.readNBytes(maxUpload + 1);
                        if (read.length > maxUpload) {
                            overLimit = true;
                        } else {
                            raw = read;
                        }
                    } catch (IOException e) {
                        throw new ApiException(400, "invalid-body", "无法读取请求体 / could not read the request body");
                    }
                }
            }
            if (overLimit) {
                throw tooLarge(maxUpload);
            }
            return raw;
        }

        static ApiException missingBody() {
            return new ApiException(400, MISSING_BODY, "缺少请求体 / request body is missing");
        }

        @Override
        public boolean hasBody() throws ApiException {
            return raw().length > 0;
        }

        @Override
        public byte[] bytes() throws ApiException {
            byte[] bytes = raw();
            if (bytes.length == 0) {
                throw missingBody();
            }
            return bytes.clone();
        }

        void admit(Caller who, Set<String> nodes) {
            this.caller = who;
            this.scopes = Set.copyOf(nodes);
        }

        @Override
        public Caller caller() {
            return caller;
        }

        @Override
        public Set<String> scopes() {
            return scopes;
        }

        @Override
        public void auditDetail(String detail) {
            this.auditDetail = detail;
        }

        String auditDetail() {
            return auditDetail;
        }

        @Override
        public String method() {
            return req.getMethod();
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public String pathParam(String name) {
            String v = params.get(name);
            if (v == null) {
                throw new IllegalArgumentException("route has no parameter {" + name + "}");
            }
            return v;
        }

        @Override
        public Optional<String> query(String name) {
            return Optional.ofNullable(req.getParameter(name)).map(String::strip).filter(s -> !s.isEmpty());
        }

        @Override
        public List<String> queryAll(String name) {
            String[] values = req.getParameterValues(name);
            return values == null ? List.of() : Arrays.asList(values);
        }

        @Override
        public int queryInt(String name, int defaultValue, int min, int max) throws ApiException {
            Optional<String> raw = query(name);
            if (raw.isEmpty()) {
                return defaultValue;
            }
            try {
                int v = Integer.parseInt(raw.get());
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new ApiException(400, "invalid-parameter", "参数 " + name + " 必须是 " + min + " 到 " + max
                    + " 之间的整数 / parameter " + name + " must be an integer from " + min + " to " + max, name);
        }

        @Override
        public <T> T body(Class<T> type) throws ApiException {
            String contentType = Optional.ofNullable(req.getContentType()).orElse("");
            if (!contentType.toLowerCase().startsWith("application/json")) {
                throw new ApiException(415, "unsupported-media-type",
                        "请求体须为 JSON (Content-Type: application/json) / body must be JSON");
            }
            if (req.getContentLengthLong() > maxBody) {
                throw tooLarge(maxBody);
            }
            byte[] bytes = raw();
            if (bytes.length > maxBody) {
                throw tooLarge(maxBody);
            }
            if (bytes.length == 0) {
                throw missingBody();
            }
            try {
                T value = Json.MAPPER.readValue(new String(bytes, StandardCharsets.UTF_8), type);
                if (value == null) {
                    throw new ApiException(400, "invalid-json", "请求体不能为 null / body must not be null");
                }
                return value;
            } catch (Json.Refused e) {
                String field = fieldOf(e);
                throw ApiException.invalidField(field, (field == null ? "" : field + ": ") + e.getOriginalMessage());
            } catch (Json.WrongType e) {
                String field = fieldOf(e);
                throw ApiException.invalidField(field, (field == null ? "" : field + " ") + e.getOriginalMessage());
            } catch (JsonMappingException e) {
                String field = fieldOf(e);
                throw new ApiException(400, "invalid-json", "JSON 格式或字段有误 / malformed JSON or wrong field"
                        + (field == null ? "" : ": " + field), field);
            } catch (JsonProcessingException e) {
                throw new ApiException(400, "invalid-json", "JSON 格式有误 / malformed JSON at line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
            } catch (IOException e) {
                throw new ApiException(400, "invalid-json", "无法读取请求体 / could not read the request body");
            }
        }

        /** Built only when thrown: an exception captures its stack, and most bodies are within the limit. */
        private static ApiException tooLarge(int limit) {
            return new ApiException(413, "body-too-large", "请求体超过 " + limit + " 字节 / body larger than "
                    + limit + " bytes");
        }

        private static String fieldOf(JsonMappingException e) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        @Override
        public String remoteAddress() {
            return client;
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.ofNullable(req.getHeader(name));
        }
    }
}
