package org.loumen.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.Handler;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

class OpenApiDocumentTest {

    private final RouteTable table = new RouteTable();
    private final Handler h = r -> null;

    private OpenAPI parse() throws Exception {
        String json = Json.MAPPER.writeValueAsString(OpenApiDocument.of(table.all(), "2.3.0"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(json, null, options);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(),
                "the parser's complaints about " + json);
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    @Test
    void everyKindOfRuleMakesAValidDocument() throws Exception {
        Object core = new Object();
        Object programme = new Object();
        table.add(core, "org.loumen.core.model", "GET", "/streets/{street}/communities",
                Access.node("street", Role.STREET_ADMIN), h);
        table.add(core, "org.loumen.core.model", "GET", "/leaders",
                Access.within(Role.COMMUNITY_SECRETARY).filteredBy("community").personalData(), h);
        table.add(core, "org.loumen.core.identity", "POST", "/auth/login", Access.publicRoute().auditedByHandler(), h);
        table.add(core, "org.loumen.core.identity", "PUT", "/me/password", Access.signedIn(), h);
        table.add(core, "org.loumen.core.model", "DELETE", "/leaders/{id}",
                Access.node(r -> List.of("120112103001"), Role.COMMUNITY_SECRETARY), h);
        table.add(programme, "org.loumen.plugin.mediation", "POST", "/programmes/mediation/{street}/cases",
                Access.area("street", Role.STREET_ADMIN).orGranted("mediation:MEDIATOR"), h);

        OpenAPI api = parse();
        assertEquals("3.1.0", api.getOpenapi());
        assertEquals("/api/v1", api.getServers().get(0).getUrl());
        assertEquals(6, api.getPaths().size());

        Operation communities = api.getPaths().get("/streets/{street}/communities").getGet();
        Parameter street = communities.getParameters().get(0);
        assertEquals("street", street.getName());
        assertEquals("path", street.getIn());
        assertTrue(street.getRequired());
        assertEquals(List.of("org.loumen.core.model"), communities.getTags());
        assertEquals("NODE", access(communities).get("kind"));
        assertEquals(List.of("STREET_ADMIN"), access(communities).get("roles"));
        assertEquals("street", access(communities).get("nodeParam"));
        assertFalse(communities.getSecurity().isEmpty(), "a guarded route needs the bearer token");
        assertTrue(communities.getResponses().containsKey("401"));
        assertTrue(communities.getResponses().containsKey("403"));

        Operation leaders = api.getPaths().get("/leaders").getGet();
        assertEquals("community", leaders.getParameters().get(0).getName());
        assertEquals("query", leaders.getParameters().get(0).getIn());
        assertEquals(true, access(leaders).get("personalData"));
        assertTrue(leaders.getDescription().contains("personal data"));
        // a listing answers a Page, whose totalCapped says the count stopped at the cap
        io.swagger.v3.oas.models.media.Schema<?> answer = leaders.getResponses().get("200").getContent()
                .get("application/json").getSchema();
        assertTrue(answer.getAnyOf().stream().anyMatch(x -> "#/components/schemas/Page"
                .equals(((io.swagger.v3.oas.models.media.Schema<?>) x).get$ref())), String.valueOf(answer));
        var page = api.getComponents().getSchemas().get("Page");
        assertEquals(List.of("items", "total"), page.getRequired());
        var capped = (io.swagger.v3.oas.models.media.Schema<?>) page.getProperties().get("totalCapped");
        assertTrue(capped.getDescription().contains("more than total"), capped.getDescription());

        Operation login = api.getPaths().get("/auth/login").getPost();
        assertTrue(login.getSecurity().isEmpty(), "a public route is called without a token");
        assertFalse(login.getResponses().containsKey("401"));
        assertNotNull(login.getRequestBody());
        assertTrue(login.getResponses().containsKey("201"));

        Operation cases = api.getPaths().get("/programmes/mediation/{street}/cases").getPost();
        assertEquals(List.of("mediation:MEDIATOR"), access(cases).get("granted"));
        assertEquals("AREA", access(cases).get("kind"));

        Operation delete = api.getPaths().get("/leaders/{id}").getDelete();
        assertEquals(true, access(delete).get("nodeResolved"));
        assertNull(delete.getRequestBody());
        assertTrue(delete.getResponses().containsKey("409"));

        assertNotNull(api.getComponents().getSchemas().get("Error"));
        assertEquals(List.of("error", "message"), api.getComponents().getSchemas().get("Error").getRequired());
        assertEquals("bearer", api.getComponents().getSecuritySchemes().get("bearer").getScheme());
    }

    @Test
    void routesOfTheSameShapeShareOnePathItem() throws Exception {
        Object owner = new Object();
        table.add(owner, "a", "GET", "/leaders/{id}", Access.within(Role.LEADER), h);
        table.add(owner, "a", "PUT", "/leaders/{leader}", Access.node("leader", Role.COMMUNITY_SECRETARY), h);
        OpenAPI api = parse();
        assertEquals(1, api.getPaths().size());
        PathItem item = api.getPaths().get("/leaders/{id}");
        assertNotNull(item.getGet());
        assertNotNull(item.getPut());
        assertEquals("id", item.getPut().getParameters().get(0).getName());
        assertNotNull(item.getPut().getParameters().get(0).getDescription(), "the node the rule checks is named");
    }

    @Test
    void operationIdsAreUnique() throws Exception {
        Object owner = new Object();
        table.add(owner, "a", "GET", "/a-b", Access.publicRoute(), h);
        table.add(owner, "a", "GET", "/a/b", Access.publicRoute(), h);
        OpenAPI api = parse();
        assertEquals("getAB", api.getPaths().get("/a-b").getGet().getOperationId());
        assertEquals("getAB_2", api.getPaths().get("/a/b").getGet().getOperationId());
    }

    @Test
    void aRouteThatLeavesLeavesTheDocument() throws Exception {
        Object core = new Object();
        Object programme = new Object();
        table.add(core, "core", "GET", "/health", Access.publicRoute(), h);
        table.add(programme, "prog", "GET", "/programmes/p/{street}", Access.area("street", Role.STREET_ADMIN), h);
        assertEquals(2, parse().getPaths().size());
        table.removeAll(programme);
        OpenAPI api = parse();
        assertEquals(List.of("/health"), List.copyOf(api.getPaths().keySet()));
        assertEquals(List.of("core"), api.getTags().stream().map(t -> t.getName()).toList());
    }

    @Test
    void theParserDoesComplainAboutABrokenDocument() throws Exception {
        // the check above means something: the same parser refuses a document without its info and a bad response
        table.add(new Object(), "a", "GET", "/x", Access.publicRoute(), h);
        Map<String, Object> doc = new java.util.LinkedHashMap<>(OpenApiDocument.of(table.all(), "1"));
        doc.remove("info");
        String json = Json.MAPPER.writeValueAsString(doc);
        SwaggerParseResult result = new OpenAPIParser().readContents(json, null, new ParseOptions());
        assertFalse(result.getMessages().isEmpty(), json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> access(Operation op) {
        return (Map<String, Object>) op.getExtensions().get("x-loumen-access");
    }
}
