package org.loumen.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

import org.loumen.security.AuditRecord;
import org.loumen.security.Caller;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The servlet request seen through {@link ApiRequest}: path parameters of the matched route, query parameters, the
 * body read once up to the upload limit (as bytes or strict JSON, {@link Json#MAPPER}), and the caller and scopes the
 * {@link Gate} admitted. Split out of {@link ApiDispatcher}.
 */
final class HttpApiRequest implements ApiRequest {

    /** The one error code of a request whose body is required but missing (JSON or upload alike). */
    static final String MISSING_BODY = "missing-body";

    private final HttpServletRequest req;
    private final String path;
    private final Map<String, String> params;
    private final int maxBody;
    private final int maxUpload;
    private Caller caller = Caller.ANONYMOUS;
    private Set<String> scopes = Set.of();
    private String auditDetail;
    private IntFunction<AuditRecord> successEntry;
    private boolean audited;

    HttpApiRequest(HttpServletRequest req, String path, Map<String, String> params, int maxBody, int maxUpload) {
        this.req = req;
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

    /** How the dispatcher's success entry for a status is made, for routes it audits; set once admitted. */
    void auditedBy(IntFunction<AuditRecord> successEntry) {
        this.successEntry = successEntry;
    }

    @Override
    public Optional<AuditRecord> auditEntry(int status) {
        return successEntry == null ? Optional.empty() : Optional.of(successEntry.apply(status));
    }

    @Override
    public void audited() {
        this.audited = successEntry != null;
    }

    /** Whether the handler committed the success entry with its write. */
    boolean isAudited() {
        return audited;
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
        return ClientAddress.of(req);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(req.getHeader(name));
    }
}
