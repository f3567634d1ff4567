package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON API over real HTTP (Jetty through the servlet whiteboard). */
class HttpApiIT extends PlatformTest {


    @Test
    void healthIsUpAndJson() throws Exception {
        Http.Response r = http.awaitUp();
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode health = r.json();
        assertEquals("UP", health.get("status").asText(), r.body());
        assertTrue(health.get("bundles").get("total").asInt() > 20);
        assertEquals(0, health.get("problems").size(), r.body());
    }

    @Test
    void theTreeIsServedFromTheDatabase() throws Exception {
        Http http = admin();
        JsonNode streets = http.get("/api/v1/streets").json();
        assertEquals(15, streets.size());
        JsonNode shuanggang = http.get("/api/v1/streets/120112103").json();
        assertEquals("双港镇", shuanggang.get("name").asText());
        assertEquals("TOWN", shuanggang.get("kind").asText());

        JsonNode communities = http.get("/api/v1/streets/120112107/communities").json();
        boolean hasShuangzha = false;
        for (JsonNode c : communities) {
            hasShuangzha |= c.get("code").asText().equals("120112107210");
        }
        assertTrue(hasShuangzha, communities.toString());

        assertEquals("双闸村", http.get("/api/v1/communities/120112107210").json().get("name").asText());
        assertEquals("津南区", http.get("/api/v1/district").json().get("name").asText());
    }

    @Test
    void errorsAreJsonWithCodeAndField() throws Exception {
        Http http = admin();
        // a malformed code lies outside every scope: answered like a missing object
        assertEquals(404, http.get("/api/v1/streets/12345/communities").status());
        Http.Response bad = http.json("POST", "/api/v1/streets/120112103/communities",
                java.util.Map.of("code", "120112103", "name", "短代码社区"));
        assertEquals(400, bad.status(), bad.body());
        assertEquals("invalid-field", bad.json().get("error").asText());
        assertEquals("code", bad.json().get("field").asText());

        Http.Response missing = http.get("/api/v1/streets/120112999/communities");
        assertEquals(404, missing.status());
        assertEquals("not-found", missing.json().get("error").asText());

        assertEquals(404, http.get("/api/v1/streets/120112999").status());
        assertEquals(404, http.get("/api/v1/communities/120112103999").status());
        Http.Response noRoute = http.get("/api/v1/no/such/route");
        assertEquals(404, noRoute.status());
        assertEquals("not-found", noRoute.json().get("error").asText());

        Http.Response method = http.send("DELETE", "/api/v1/streets", null, null);
        assertEquals(405, method.status());
        assertEquals("method-not-allowed", method.json().get("error").asText());

        // outside the API and the console: still JSON, never the container's HTML page
        Http.Response outside = http.get("/no/such/page.html");
        assertEquals(404, outside.status());
        assertTrue(outside.contentType().startsWith("application/json"), outside.contentType());
        assertEquals("not-found", outside.json().get("error").asText());
        assertFalse(outside.body().contains("<html"));
    }
}
