package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiResource;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/openapi.json} is made from the live route table: every registered route of every bundle is in
 * it with its access rule, a resource's routes come and go with it, and the API browser ({@code /api-docs}) is served
 * from this server. (That the document is valid OpenAPI 3.1 is checked by a parser in core.web's
 * OpenApiDocumentTest.)
 */
class OpenApiIT extends PlatformTest {

    @Test
    void everyRegisteredRouteIsInTheDocumentWithItsAccessRule() throws Exception {
        Http admin = admin();
        JsonNode routes = admin.get("/api/v1/system/routes").json();
        Http.Response r = admin.get("/api/v1/openapi.json");
        assertEquals(200, r.status(), r.body());
        JsonNode doc = r.json();
        assertEquals("3.1.0", doc.get("openapi").asText());
        assertEquals("/api/v1", doc.get("servers").get(0).get("url").asText());
        Map<String, JsonNode> byShape = byShape(doc.get("paths"));

        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (JsonNode route : routes) {
            String method = route.get("method").asText().toLowerCase(java.util.Locale.ROOT);
            String path = route.get("path").asText();
            JsonNode item = byShape.get(shape(path));
            JsonNode op = item == null ? null : item.get(method);
            if (op == null) {
                missing.add(method + " " + path);
                continue;
            }
            checked++;
            JsonNode access = op.get("x-loumen-access");
            String where = method + " " + path;
            assertEquals(route.get("access").asText(), access.get("kind").asText(), where);
            assertEquals(route.get("roles"), access.get("roles"), where);
            assertEquals(route.get("granted"), access.get("granted"), where);
            assertEquals(route.get("personalData").asBoolean(), access.get("personalData").asBoolean(), where);
            assertEquals(route.get("bundle").asText(), op.get("tags").get(0).asText(), where);
            assertEquals(route.get("access").asText().equals("PUBLIC"), op.get("security").isEmpty(), where);
            assertTrue(op.get("description").asText().contains("访问规则 / access"), where);
            assertTrue(op.get("responses").has("400") && op.get("responses").has("404"), where);
            for (String param : params(path)) {
                assertTrue(op.get("parameters").toString().contains("\"in\":\"path\""), where + " " + param);
            }
        }
        assertEquals(List.of(), missing, "routes not in the document");
        assertEquals(routes.size(), checked);
        assertEquals(routes.size(), countOperations(doc.get("paths")), "and nothing else is in it");
        // the core's own routes are there, and so is every bundle's tag
        assertNotNull(doc.get("paths").get("/openapi.json").get("get"));
        assertNotNull(doc.get("paths").get("/auth/login").get("post"));
        assertTrue(doc.get("components").get("schemas").get("Error").get("required").toString().contains("error"));
    }

    @Test
    void aResourcesRoutesComeAndGoWithIt() throws Exception {
        Http admin = admin();
        ServiceRegistration<ApiResource> reg = context.registerService(ApiResource.class,
                routes -> routes.get("/itest/openapi/{street}/things", Access.area("street", Role.STREET_ADMIN)
                        .orGranted("openapi-probe:PROBE"), q -> List.of()), null);
        try {
            JsonNode op = Http.until(() -> admin.get("/api/v1/openapi.json"),
                    x -> x.body().contains("/itest/openapi/{street}/things"), 10, "the new route in the document")
                    .json().get("paths").get("/itest/openapi/{street}/things").get("get");
            assertEquals("AREA", op.get("x-loumen-access").get("kind").asText());
            assertEquals("street", op.get("x-loumen-access").get("nodeParam").asText());
            assertEquals("[\"openapi-probe:PROBE\"]", op.get("x-loumen-access").get("granted").toString());
            assertEquals("street", op.get("parameters").get(0).get("name").asText());
            assertTrue(op.get("responses").has("403"));
        } finally {
            reg.unregister();
        }
        JsonNode paths = admin.get("/api/v1/openapi.json").json().get("paths");
        assertNull(paths.get("/itest/openapi/{street}/things"), "gone with its resource");
    }

    @Test
    void theDocumentIsForSignedInStaffAndTheBrowserIsServedHere() throws Exception {
        Http.Response anonymous = http.get("/api/v1/openapi.json");
        assertEquals(401, anonymous.status());
        assertEquals("unauthenticated", anonymous.json().get("error").asText());

        Http.Response page = http.get("/api-docs");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("接口文档"), "Chinese first");
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+/vendor/swagger-ui-bundle\\.js)\"").matcher(page.body());
        assertTrue(script.find(), page.body());
        Http.Response bundle = http.get(script.group(1));
        assertEquals(200, bundle.status());
        assertTrue(bundle.body().contains("SwaggerUIBundle"), "Swagger UI from the webjar, served by this server");
        Matcher own = Pattern.compile("src=\"(/assets/[^\"]+/js/api-docs\\.js)\"").matcher(page.body());
        assertTrue(own.find());
        assertTrue(http.get(own.group(1)).body().contains("/api/v1/openapi.json"));
        assertFalse(page.body().contains("<script>"), "no inline script: the console's CSP forbids it");
    }

    private static Map<String, JsonNode> byShape(JsonNode paths) {
        Map<String, JsonNode> out = new HashMap<>();
        paths.fields().forEachRemaining(e -> out.put(shape(e.getKey()), e.getValue()));
        return out;
    }

    private static int countOperations(JsonNode paths) {
        int[] n = { 0 };
        paths.forEach(item -> item.fieldNames().forEachRemaining(m -> n[0]++));
        return n[0];
    }

    private static String shape(String template) {
        return template.replaceAll("\\{[^}/]+}", "{}");
    }

    private static List<String> params(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
