package org.loumen.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.loumen.web.Access;

/**
 * The OpenAPI 3.1 document of {@code /api/v1}, made from the route table as it is now ({@code GET /openapi.json}):
 * a programme's routes appear when it starts and leave when it stops, like the routes themselves.
 *
 * <p>What the table knows is written out: each route's method and path, its path parameters, the query parameters
 * its access rule checks as node codes, its access rule (in words, as a security requirement, and as the
 * {@code x-loumen-access} extension), whether it returns personal data, the bundle it belongs to (as its tag), and
 * the error answers the dispatcher gives for that kind of rule, all in the one error shape
 * {@code {"error","message","field"}}. Handlers are plain functions, so the table does not know the fields of their
 * JSON bodies: requests and answers are described as JSON of any shape.
 */
final class OpenApiDocument {

    static final String VERSION = "3.1.0";

    private OpenApiDocument() {
    }

    /** The document for these routes, as a JSON tree of maps and lists. */
    static Map<String, Object> of(List<RouteTable.Route> routes, String apiVersion) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", VERSION);
        doc.put("info", map(
                "title", "楼门栋长工作平台 接口 / Loumen API",
                "version", apiVersion,
                "description", "由路由表即时生成；每个接口都写明访问规则。错误一律为 {\"error\",\"message\",\"field\"}。"
                        + " / Generated from the live route table; every route states its access rule. Every error "
                        + "is {\"error\",\"message\",\"field\"}."));
        doc.put("servers", List.of(map("url", "/api/v1")));
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        // OpenAPI has one path item per path shape: routes that name the same parameter differently share the
        // first template's item, their own names mapped onto it
        Map<String, String> templateOfShape = new LinkedHashMap<>();
        TreeSet<String> tags = new TreeSet<>();
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        for (RouteTable.Route r : routes) {
            String shape = shape(r.segments());
            String template = templateOfShape.computeIfAbsent(shape, s -> r.template());
            Map<String, Object> item = paths.computeIfAbsent(template, t -> new LinkedHashMap<>());
            Map<String, Object> op = operation(r, template);
            String id = (String) op.get("operationId");
            for (int n = 2; !operationIds.add(id); n++) {
                id = op.get("operationId") + "_" + n;
            }
            op.put("operationId", id);
            item.put(r.method().toLowerCase(java.util.Locale.ROOT), op);
            tags.add(r.ownerName());
        }
        doc.put("paths", paths);
        doc.put("tags", tags.stream().map(t -> map("name", t, "description", "由 " + t + " 提供 / routes of " + t))
                .toList());
        doc.put("components", components());
        return doc;
    }

    private static Map<String, Object> operation(RouteTable.Route r, String template) {
        Access a = r.access();
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("tags", List.of(r.ownerName()));
        op.put("summary", r.method() + " " + r.template());
        op.put("description", "访问规则 / access: " + a + (a.isPersonalData()
                ? "。含个人信息，每次读取记入审计 / returns personal data; every read is audited" : "")
                + (isWrite(r) ? "。写操作记入审计 / the write is audited" : ""));
        op.put("operationId", operationId(r));
        List<Object> params = new ArrayList<>();
        List<String> own = paramNames(r.template());
        List<String> shared = paramNames(template);
        for (int i = 0; i < shared.size(); i++) {
            params.add(parameter(shared.get(i), "path", own.get(i).equals(a.pathParam())
                    ? "访问规则据此认定所作用的组织节点 / the organisation node the access rule checks" : null));
        }
        for (String q : a.filterParams()) {
            params.add(parameter(q, "query",
                    "组织节点编码，按访问规则检查 / an organisation node code, checked by the access rule"));
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (r.method().equals("POST") || r.method().equals("PUT")) {
            op.put("requestBody", map("required", false, "content", map(
                    "application/json", map("schema", map("description", "JSON 请求体 / the JSON body")),
                    "multipart/form-data", map("schema", map("type", "object",
                            "description", "上传文件的接口 / for routes that take an upload")))));
        }
        op.put("responses", responses(r));
        op.put("security", a.kind() == Access.Kind.PUBLIC ? List.of() : List.of(map("bearer", List.of())));
        op.put("x-loumen-access", accessExtension(a));
        return op;
    }

    /** A string parameter: required when in the path (OpenAPI's rule), optional in the query; described if known. */
    static Map<String, Object> parameter(String name, String in, String description) {
        Map<String, Object> p = map("name", name, "in", in, "required", in.equals("path"), "schema",
                map("type", "string"));
        if (description != null) {
            p.put("description", description);
        }
        return p;
    }

    static boolean isWrite(RouteTable.Route r) {
        return !r.method().equals("GET");
    }

    private static Map<String, Object> responses(RouteTable.Route r) {
        Access a = r.access();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> json = map("application/json", map("schema", map("description", "JSON 答复 / the answer")));
        if (r.method().equals("POST")) {
            out.put("200", map("description", "完成 / done", "content", json));
            out.put("201", map("description", "已创建 / created", "content", json));
        } else if (r.method().equals("GET") && !r.template().endsWith("}")) {
            // a collection: the listings among them answer a page (items, total, totalCapped, next)
            out.put("200", map("description", "成功 / success (或文件下载 / or a file download)", "content",
                    map("application/json", map("schema", map("description", "JSON 答复；分页列表的答复为 Page / the "
                            + "answer; a paged listing answers a Page", "anyOf", List.of(
                                    map("$ref", "#/components/schemas/Page"), map("description",
                                            "其他 JSON / any other JSON")))))));
        } else {
            out.put("200", map("description", "成功 / success (或文件下载 / or a file download)", "content", json));
        }
        out.put("204", map("description", "无内容 / no content"));
        out.put("400", ref("BadRequest"));
        if (a.kind() != Access.Kind.PUBLIC) {
            out.put("401", ref("Unauthenticated"));
            out.put("403", ref("Forbidden"));
        }
        out.put("404", ref("NotFound"));
        if (isWrite(r)) {
            out.put("409", ref("Conflict"));
        }
        if (r.method().equals("POST") || r.method().equals("PUT")) {
            out.put("413", ref("TooLarge"));
            out.put("415", ref("UnsupportedMediaType"));
        }
        out.put("429", ref("TooManyRequests"));
        out.put("503", ref("Unavailable"));
        out.put("default", ref("Error"));
        return out;
    }

    private static Map<String, Object> accessExtension(Access a) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("kind", a.kind().name());
        x.put("roles", a.roles().stream().map(Enum::name).sorted().toList());
        x.put("granted", a.granted().stream().sorted().toList());
        if (a.pathParam() != null) {
            x.put("nodeParam", a.pathParam());
        }
        if (a.resolver() != null) {
            x.put("nodeResolved", true);
        }
        x.put("filters", a.filterParams());
        x.put("personalData", a.isPersonalData());
        x.put("rule", a.toString());
        return x;
    }

    private static Map<String, Object> components() {
        Map<String, Object> error = map("type", "object", "required", List.of("error", "message"),
                "properties", map(
                        "error", map("type", "string", "description", "稳定的错误代码 / stable error code, e.g. not-found"),
                        "message", map("type", "string", "description", "中文在前，英文在后 / Chinese first, then English"),
                        "field", map("type", "string", "description", "出错的字段或参数 / the field or parameter at fault")),
                "additionalProperties", true);
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("BadRequest", errorResponse("输入有误 / bad input",
                "invalid-field, invalid-parameter, invalid-json, invalid-body, missing-body"));
        responses.put("Unauthenticated", errorResponse("未登录或令牌失效 / not signed in, or the token is gone",
                "unauthenticated, invalid-token"));
        responses.put("Forbidden", errorResponse("角色不符 / the caller holds none of the route's roles",
                "forbidden, password-change-required"));
        responses.put("NotFound", errorResponse("未找到，或不在调用者范围内 / not found, or outside the caller's scope",
                "not-found"));
        responses.put("Conflict", errorResponse("与现有数据冲突 / conflicts with the current state",
                "conflict, busy, and codes of the route's own rules"));
        responses.put("TooLarge", errorResponse("请求体过大 / body too large", "body-too-large"));
        responses.put("UnsupportedMediaType", errorResponse("请求体类型不支持 / unsupported body type",
                "unsupported-media-type"));
        responses.put("TooManyRequests", errorResponse("请求过多，见 Retry-After / too many requests, see Retry-After",
                "too-many-requests and throttle codes"));
        responses.put("Unavailable", errorResponse("平台启动中或服务未就绪，见 Retry-After / starting or not ready",
                "starting, security-unavailable, audit-unavailable"));
        responses.put("Error", errorResponse("其他错误 / any other error (500 internal-error, never a stack trace)",
                "internal-error, method-not-allowed"));
        Map<String, Object> page = map("type", "object", "required", List.of("items", "total"),
                "description", "分页列表（page 从 1 起，size 每页条数）/ one page of a listing (page counts from 1)",
                "properties", map(
                        "items", map("type", "array", "description", "本页各条 / the page's rows"),
                        "total", map("type", "integer", "minimum", 0, "description", "共多少条；totalCapped 为 true "
                                + "时为计数上限（10,000） / how many in all; the count's cap (10,000) when "
                                + "totalCapped is true"),
                        "totalCapped", map("type", "boolean", "description", "为 true 时条数超过 total：计数到上限即停，"
                                + "以免城市级列表每页都数遍全部记录；仍可按 page 逐页翻看（下一页有无看本页是否满页）/ true "
                                + "when there are more than total: counting stops at the cap, so that a page of a "
                                + "city-wide list costs the same as a community's; pages still follow (a full page "
                                + "may have a next one). Absent in older answers: exact (added in org.loumen.core.model 1.6)"),
                        "next", map("type", List.of("string", "null"), "description", "按键翻页的列表（住户）给出的下一页游标，"
                                + "原样作为 after 参数再请求即得下一页（无论多深都一样快，期间新增的记录不致跳过或重复）；"
                                + "最后一页为 null，只按页码翻页的列表无此项或为 null / in a listing paged by key (households), the next page's cursor: ask again "
                                + "with after=<next> for the page after this one (as fast however deep, no row skipped "
                                + "or repeated when rows are added meanwhile); null (or absent) on the last page and in "
                                + "listings paged by number only (added in org.loumen.core.model 1.7)")),
                "additionalProperties", true);
        return map(
                "schemas", map("Error", error, "Page", page),
                "responses", responses,
                "securitySchemes", map("bearer", map("type", "http", "scheme", "bearer",
                        "description", "POST /auth/login 取得令牌 / the token from POST /auth/login")));
    }

    private static Map<String, Object> errorResponse(String description, String codes) {
        return map("description", description + " — error: " + codes,
                "content", map("application/json", map("schema", map("$ref", "#/components/schemas/Error"))));
    }

    private static Map<String, Object> ref(String name) {
        return map("$ref", "#/components/responses/" + name);
    }

    /** The path's shape: parameters blanked, so that equivalent templates compare equal. */
    static String shape(String[] segments) {
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            b.append('/').append(s.startsWith("{") ? "{}" : s);
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    static List<String> paramNames(String template) {
        List<String> names = new ArrayList<>();
        for (String s : template.split("/")) {
            if (s.length() > 2 && s.startsWith("{") && s.endsWith("}")) {
                names.add(s.substring(1, s.length() - 1));
            }
        }
        return names;
    }

    static String operationId(RouteTable.Route r) {
        StringBuilder b = new StringBuilder(r.method().toLowerCase(java.util.Locale.ROOT));
        for (String s : r.template().split("[^A-Za-z0-9]+")) {
            if (!s.isEmpty()) {
                b.append(Character.toUpperCase(s.charAt(0))).append(s.substring(1));
            }
        }
        return b.toString();
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
