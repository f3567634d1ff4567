package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

/** Routes come and go with their ApiResource services; the dispatcher maps every failure to JSON. */
class ApiWhiteboardIT extends PlatformTest {

    /** A request body of the kind a resource reads. */
    public record Greeting(String name, int times) {
    }


    @Test
    void aRegisteredResourceAnswersUntilItIsUnregistered() throws Exception {
        ServiceRegistration<ApiResource> reg = context.registerService(ApiResource.class,
                routes -> routes.get("/itest/hello/{name}", Access.publicRoute(),
                        r -> Map.of("hello", r.pathParam("name")))
                        .delete("/itest/hello/{name}", Access.publicRoute(), r -> null),
                null);
        try {
            Http.Response r = http.await("/api/v1/itest/hello/%E6%A5%BC%E9%97%A8", 200);
            assertEquals("楼门", r.json().get("hello").asText());
            assertEquals(204, http.send("DELETE", "/api/v1/itest/hello/x", null, null).status());
        } finally {
            reg.unregister();
        }
        assertEquals(404, http.get("/api/v1/itest/hello/x").status());
    }

    @Test
    void bodiesAreCheckedAndFailuresAreJson() throws Exception {
        ServiceRegistration<ApiResource> reg = context.registerService(ApiResource.class,
                routes -> routes
                        .post("/itest/greetings", Access.publicRoute(), r -> {
                            Greeting g = r.body(Greeting.class);
                            if (g.times() < 1) {
                                throw ApiException.invalidField("times", "至少一次 / at least once");
                            }
                            return ApiResponse.created(Map.of("greeted", g.name()));
                        })
                        .get("/itest/boom", Access.publicRoute(), r -> {
                            throw new IllegalStateException("secret internal detail");
                        }),
                null);
        try {
            http.await("/api/v1/itest/boom", 500);
            Http.Response ok = http.send("POST", "/api/v1/itest/greetings", "application/json",
                    "{\"name\":\"王\",\"times\":2}");
            assertEquals(201, ok.status());
            assertEquals("王", ok.json().get("greeted").asText());

            Http.Response invalid = http.send("POST", "/api/v1/itest/greetings", "application/json",
                    "{\"name\":\"王\",\"times\":0}");
            assertEquals(400, invalid.status());
            assertEquals("times", invalid.json().get("field").asText());

            Http.Response unknownField = http.send("POST", "/api/v1/itest/greetings", "application/json",
                    "{\"name\":\"王\",\"times\":1,\"admin\":true}");
            assertEquals(400, unknownField.status());
            assertEquals("invalid-json", unknownField.json().get("error").asText());
            assertEquals("admin", unknownField.json().get("field").asText());

            Http.Response wrongType = http.send("POST", "/api/v1/itest/greetings", "application/json",
                    "{\"name\":\"王\",\"times\":\"many\"}");
            assertEquals(400, wrongType.status());
            assertEquals("times", wrongType.json().get("field").asText());

            Http.Response malformed = http.send("POST", "/api/v1/itest/greetings", "application/json", "{\"name\":");
            assertEquals(400, malformed.status());
            assertEquals("invalid-json", malformed.json().get("error").asText());

            Http.Response notJson = http.send("POST", "/api/v1/itest/greetings", "text/plain", "hello");
            assertEquals(415, notJson.status());

            Http.Response boom = http.get("/api/v1/itest/boom");
            assertEquals(500, boom.status());
            assertEquals("internal-error", boom.json().get("error").asText());
            assertFalse(boom.body().contains("secret internal detail"));
            assertFalse(boom.body().contains("IllegalStateException"));
        } finally {
            reg.unregister();
        }
    }

    @Test
    void theBodyLimitIsConfigurableAtRuntime(@InjectService ConfigurationAdmin configAdmin) throws Exception {
        ServiceRegistration<ApiResource> reg = context.registerService(ApiResource.class,
                routes -> routes.post("/itest/echo", Access.publicRoute(), r -> r.body(Greeting.class)), null);
        String big = "{\"name\":\"" + "楼".repeat(1000) + "\",\"times\":1}"; // about 3 KB of UTF-8
        Configuration config = configAdmin.getConfiguration("org.loumen.web.api", "?");
        try {
            assertEquals(200, http.send("POST", "/api/v1/itest/echo", "application/json", big).status());
            config.update(new Hashtable<>(Map.of("maxJsonBodyBytes", 2048)));
            Http.Response r = Http.until(() -> http.send("POST", "/api/v1/itest/echo", "application/json", big),
                    answer -> answer.status() == 413, 10, "413 after the limit was lowered");
            assertEquals("body-too-large", r.json().get("error").asText());
        } finally {
            config.delete();
            reg.unregister();
        }
    }

    @Test
    void aClashingResourceIsRefusedWithoutHarmingOthers() throws Exception {
        ServiceRegistration<ApiResource> clash = context.registerService(ApiResource.class,
                routes -> routes.get("/itest/own", Access.publicRoute(), r -> "own")
                        .get("/district", Access.publicRoute(), r -> "hijacked"), null);
        try {
            Http.Response district = http.get("/api/v1/district");
            assertEquals(200, district.status());
            assertFalse(district.body().contains("hijacked"));
            // all or nothing: the clashing resource's other routes are not half-registered
            assertEquals(404, http.get("/api/v1/itest/own").status());
        } finally {
            clash.unregister();
        }
        assertEquals(200, http.get("/api/v1/district").status());
    }
}
