package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The real platform's {@code GET /api/v1/openapi.json} (core, demo and the shipped programmes) passes a Java OpenAPI
 * parser without a complaint and holds one operation for each route of {@code GET /system/routes}.
 */
class OpenApiE2EIT extends E2EBase {

    private static final String PASSWORD = "OpenApi-E2E-2026!";

    @TempDir
    Path tmp;

    @Test
    void theDocumentOfTheWholePlatformIsValidOpenApi31() throws Exception {
        int port = freePort();
        Process platform = start(Map.of("LOUMEN_ADMIN_PASSWORD", PASSWORD), tmp.resolve("data"), port, "--demo");
        awaitHealth(platform, port);
        String token = login(port, "admin", PASSWORD);
        JsonNode routes = json(send(port, "GET", "/api/v1/system/routes", token, null), 200);
        HttpResponse<String> r = send(port, "GET", "/api/v1/openapi.json", token, null);
        assertEquals(200, r.statusCode(), r.body());

        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(r.body(), null, options);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        assertEquals("3.1.0", api.getOpenapi());
        int operations = api.getPaths().values().stream().mapToInt(p -> p.readOperations().size()).sum();
        assertEquals(routes.size(), operations, "one operation per registered route");
        Set<String> bundles = new TreeSet<>();
        routes.forEach(route -> bundles.add(route.get("bundle").asText()));
        Set<String> tags = new TreeSet<>();
        api.getTags().forEach(t -> tags.add(t.getName()));
        assertEquals(bundles, tags, "every bundle's routes, programmes included");
        assertTrue(routes.size() > 100, "the whole platform: " + routes.size());
    }
}
