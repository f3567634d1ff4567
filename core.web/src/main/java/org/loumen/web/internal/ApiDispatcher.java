package org.loumen.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.Handler;
import org.loumen.web.Routes;
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
 * The single entry point of {@code /api/v1}: matches routes of every {@link ApiResource}, runs the handler and writes
 * JSON. Every error leaves here as {@code {"error","message"[,"field"]}}; no stack trace ever reaches a client.
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
    }

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    /** JSON bodies are small; a larger one is refused before it is read into memory. */
    static final int DEFAULT_MAX_JSON_BODY = 1 << 20;

    private volatile int maxJsonBody = DEFAULT_MAX_JSON_BODY;

    @Activate
    @Modified
    void configure(Config config) {
        maxJsonBody = Math.max(1024, config.maxJsonBodyBytes());
    }

    private final transient RouteTable table = new RouteTable();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(ApiResource resource) {
        try {
            resource.routes(new Registrar(resource));
        } catch (RuntimeException e) {
            // a resource with a bad or clashing route must not take down the others
            table.removeAll(resource);
            LOG.error("Routes of {} refused: {}", resource.getClass().getName(), e.getMessage());
        }
    }

    void removeResource(ApiResource resource) {
        table.removeAll(resource);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
        String method = req.getMethod();
        try {
            RouteTable.Match match = table.match(method, path);
            if (match instanceof RouteTable.MethodNotAllowed m) {
                resp.setHeader("Allow", String.join(", ", m.allowed()));
                throw new ApiException(405, "method-not-allowed",
                        "不支持该请求方法 / method not allowed: " + method + "; allowed: " + m.allowed());
            }
            if (!(match instanceof RouteTable.Found f)) {
                throw new ApiException(404, "not-found", "没有此接口 / no such endpoint: " + path);
            }
            Object result = f.route().handler().handle(new Request(req, path, f.params(), maxJsonBody));
            if (result instanceof ApiResponse r) {
                write(resp, r.status(), r.body());
            } else {
                write(resp, result == null ? 204 : 200, result);
            }
        } catch (ApiException e) {
            writeError(resp, e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            writeError(resp, new ApiException(500, "internal-error",
                    "服务器内部错误，已记录 / internal error, logged on the server"));
        }
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

    static void writeError(HttpServletResponse resp, ApiException e) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.code());
        body.put("message", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        if (!resp.isCommitted()) {
            write(resp, e.status(), body);
        }
    }

    /** Registers one resource's routes, tagged with the resource so they leave with it. */
    private final class Registrar implements Routes {
        private final ApiResource owner;

        Registrar(ApiResource owner) {
            this.owner = owner;
        }

        private Routes add(String method, String path, Handler h) {
            table.add(owner, method, path, h);
            return this;
        }

        @Override
        public Routes get(String path, Handler h) {
            return add("GET", path, h);
        }

        @Override
        public Routes post(String path, Handler h) {
            return add("POST", path, h);
        }

        @Override
        public Routes put(String path, Handler h) {
            return add("PUT", path, h);
        }

        @Override
        public Routes delete(String path, Handler h) {
            return add("DELETE", path, h);
        }
    }

    /** The servlet request seen through {@link ApiRequest}. */
    static final class Request implements ApiRequest {
        private final HttpServletRequest req;
        private final String path;
        private final Map<String, String> params;
        private final int maxBody;

        Request(HttpServletRequest req, String path, Map<String, String> params, int maxBody) {
            this.req = req;
            this.path = path;
            this.params = params;
            this.maxBody = maxBody;
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
                throw tooLarge();
            }
            try (InputStream in = req.getInputStream()) {
                byte[] bytes = in.readNBytes(maxBody + 1);
                if (bytes.length > maxBody) {
                    throw tooLarge();
                }
                if (bytes.length == 0) {
                    throw new ApiException(400, "invalid-json", "缺少请求体 / request body is missing");
                }
                T value = Json.MAPPER.readValue(new String(bytes, StandardCharsets.UTF_8), type);
                if (value == null) {
                    throw new ApiException(400, "invalid-json", "请求体不能为 null / body must not be null");
                }
                return value;
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
        private ApiException tooLarge() {
            return new ApiException(413, "body-too-large", "请求体超过 " + maxBody + " 字节 / body larger than "
                    + maxBody + " bytes");
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
            return req.getRemoteAddr();
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.ofNullable(req.getHeader(name));
        }
    }
}
