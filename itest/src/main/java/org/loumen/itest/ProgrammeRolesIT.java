package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loumen.programme.Allowed;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeRole;
import org.loumen.programme.data.LeaderView;
import org.loumen.programme.data.PersonalData;
import org.loumen.security.Role;
import org.loumen.testkit.ProgrammeTester;
import org.loumen.web.ApiResponse;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Programme SPI 1.1 in the whole platform, called through the real dispatcher with the test kit: a programme's own
 * role (granted at a community, admitted there and nowhere else; a core role without it refused), declared personal
 * data (an undeclared read fails and says why; a declared read by a secretary is their community only and audited
 * under the programme's id), {@code place(...)} and a body read both as bytes and as JSON.
 */
class ProgrammeRolesIT extends PlatformTest {

    static final String ID = "stairwell-rota-test";

    private static ServiceRegistration<Programme> registration;

    /** A stairwell cleaning rota (楼道保洁轮值): stewards run it in their community. */
    static final class Rota implements Programme {
        @Override
        public void routes(org.loumen.programme.ProgrammeRoutes routes) {
            routes.role(new ProgrammeRole("STEWARD", "楼门管家", "Steward", Role.COMMUNITY_SECRETARY,
                    ProgrammeRole.Level.COMMUNITY))
                    .reads(PersonalData.LEADER_NAMES)
                    .get("/rota", r -> Map.of("scopes", List.copyOf(r.scopes())), Allowed.programmeRoles("STEWARD"))
                    .get("/leaders", r -> r.data().leaders(r.query("place").orElse(null)),
                            Allowed.roles(Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY).and("STEWARD"))
                    .get("/phones/{leader}", r -> r.data().leaderPhone(r.pathId("leader").orElse(-1L)).orElse(null),
                            Role.STREET_ADMIN)
                    .post("/places", r -> {
                        record Body(String place) {
                        }
                        boolean had = r.hasBody();
                        int size = r.bytes().length;
                        Body b = r.body(Body.class);
                        return ApiResponse.created(Map.of("place", r.place("place", b.place()), "hadBody", had,
                                "bytes", size));
                    }, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY);
        }
    }

    @BeforeAll
    static void deploy() {
        BundleContext bc = FrameworkUtil.getBundle(ProgrammeRolesIT.class).getBundleContext();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ProgrammeDefinition.ID, ID);
        props.put(ProgrammeDefinition.NAME_ZH, "楼道保洁轮值（测试）");
        props.put(ProgrammeDefinition.NAME_EN, "Stairwell rota (test)");
        registration = bc.registerService(Programme.class, new Rota(), props);
    }

    @AfterAll
    static void remove() {
        registration.unregister();
    }

    @Test
    void aProgrammeRoleAdmitsItsHolderAtItsCommunityOnly() throws Exception {
        ProgrammeTester t = ProgrammeTester.connect(context, ID);
        t.enable(SHUANGGANG);
        t.enable(SHUANGXIN);
        ProgrammeTester.Client steward = t.granted("STEWARD", GANGWAN, null, null);

        ProgrammeTester.Response here = steward.get(SHUANGGANG, "/rota");
        assertEquals(200, here.status(), here.body());
        assertEquals(List.of(GANGWAN), List.of(here.json().get("scopes").get(0).asText()));
        assertEquals(1, here.json().get("scopes").size());
        assertEquals(404, steward.get(SHUANGXIN, "/rota").status(), "another street: as if it did not exist");
        JsonNode leaders = steward.get(SHUANGGANG, "/leaders").json();
        for (JsonNode l : leaders) {
            assertEquals(GANGWAN, l.get("community").asText(), l.toString());
        }
        // the secretary of the very community, without the grant: the route is the stewards'
        ProgrammeTester.Client secretary = t.as(Role.COMMUNITY_SECRETARY, GANGWAN);
        ProgrammeTester.Response refused = secretary.get(SHUANGGANG, "/rota");
        assertEquals(403, refused.status(), refused.body());
        assertEquals("forbidden", refused.error());
        // the street admin neither
        assertEquals(403, t.as(Role.STREET_ADMIN, SHUANGGANG).get(SHUANGGANG, "/rota").status());

        // the grant is listed, scoped: 双新's admin does not see it
        JsonNode grants = t.admin().core("GET", "/api/v1/programme-roles/grants?programme=" + ID, null).json();
        assertTrue(grants.toString().contains("\"node\":\"" + GANGWAN + "\""), grants.toString());
        assertEquals(0, t.as(Role.STREET_ADMIN, SHUANGXIN).core("GET", "/api/v1/programme-roles/grants?programme="
                + ID, null).json().size());
        // a secretary may grant it in their community, not in another one; a leader may not grant at all
        assertEquals(404, secretary.core("POST", "/api/v1/programme-roles/grants", Map.of("username",
                "t-nobody-here", "programme", ID, "role", "STEWARD", "node", GANGWAN)).status(),
                "a grant names an existing account");
        String extra = ProgrammeTester.username(Role.LEADER, GANGWAN);
        t.as(Role.LEADER, GANGWAN); // the account exists
        ProgrammeTester.Response granted = secretary.core("POST", "/api/v1/programme-roles/grants", Map.of(
                "username", extra, "programme", ID, "role", "STEWARD", "node", GANGWAN));
        assertEquals(201, granted.status(), granted.body());
        assertEquals(404, secretary.core("POST", "/api/v1/programme-roles/grants", Map.of("username",
                extra, "programme", ID, "role", "STEWARD", "node", XINHUALI)).status());
        assertEquals(400, secretary.core("POST", "/api/v1/programme-roles/grants", Map.of("username",
                extra, "programme", ID, "role", "STEWARD", "node", SHUANGGANG)).status(),
                "a community role is held at a community");
        long grant = granted.json().get("id").asLong();
        assertEquals(204, secretary.core("DELETE", "/api/v1/programme-roles/grants/" + grant, null).status());

        // disabled for the street: 404 programme-disabled, to the holder too
        t.disable(SHUANGGANG);
        assertEquals("programme-disabled", steward.get(SHUANGGANG, "/rota").error());
        t.enable(SHUANGGANG);
        assertEquals(200, steward.get(SHUANGGANG, "/rota").status());
    }

    @Test
    void aDuplicateIdIsNamedByHealth() throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ProgrammeDefinition.ID, ID);
        ServiceRegistration<Programme> second = context.registerService(Programme.class, new Rota(), props);
        try {
            Http.Response health = Http.until(() -> http.get("/api/v1/health"),
                    r -> r.body().contains("programme " + ID), 30, "health names the duplicate");
            assertEquals("DEGRADED", health.json().get("status").asText());
            assertTrue(health.body().contains("already served by"), health.body());
        } finally {
            second.unregister();
        }
        Http.until(() -> http.get("/api/v1/health"), r -> !r.body().contains("programme " + ID), 30,
                "the problem goes with the duplicate");
    }

    @Test
    void anUndeclaredReadGetsNothingAndSaysWhy() throws Exception {
        ProgrammeTester t = ProgrammeTester.connect(context, ID);
        t.enable(SHUANGGANG);
        ProgrammeTester.Client admin = t.as(Role.STREET_ADMIN, SHUANGGANG);
        JsonNode leaders = admin.get(SHUANGGANG, "/leaders").json();
        assertTrue(leaders.size() > 0, "the demo leaders of 双港镇");
        for (JsonNode l : leaders) {
            assertTrue(l.get("phone").isNull(), "phones were not declared: " + l);
        }
        ProgrammeTester.Response phone = admin.get(SHUANGGANG, "/phones/" + leaders.get(0).get("id").asLong());
        assertEquals(500, phone.status());
        assertEquals("undeclared-data", phone.error());
        assertEquals("LEADER_PHONES", phone.json().get("kind").asText());
        assertTrue(phone.json().get("message").asText().contains("routes.reads(PersonalData.LEADER_PHONES)"),
                phone.body());
        assertFalse(phone.body().matches(".*1[3-9]\\d{9}.*"), "no phone number in the answer: " + phone.body());
    }

    @Test
    void aDeclaredReadBySecretaryIsTheirCommunityOnlyAndAudited() throws Exception {
        ProgrammeTester t = ProgrammeTester.connect(context, ID);
        t.enable(SHUANGGANG);
        JsonNode all = t.as(Role.STREET_ADMIN, SHUANGGANG).get(SHUANGGANG, "/leaders").json();
        ProgrammeTester.Client secretary = t.as(Role.COMMUNITY_SECRETARY, GANGWAN);
        ProgrammeTester.Response mine = secretary.get(SHUANGGANG, "/leaders");
        assertEquals(200, mine.status(), mine.body());
        assertTrue(mine.json().size() > 0, "港湾家园 has demo leaders");
        assertTrue(all.size() > mine.json().size(), "the street has leaders in other communities too");
        for (JsonNode l : mine.json()) {
            assertEquals(GANGWAN, l.get("community").asText(), l.toString());
            assertNull(l.get("phone").textValue());
        }
        assertEquals(404, secretary.get(SHUANGGANG, "/leaders?place=" + SHUANGGANG + "002").status(),
                "a community that is not theirs");
        JsonNode audit = admin().get("/api/v1/audit?action=programme." + ID + ".read&actor="
                + ProgrammeTester.username(Role.COMMUNITY_SECRETARY, GANGWAN)).json();
        assertTrue(audit.get("total").asLong() > 0, audit.toString());
        JsonNode entry = audit.get("items").get(0);
        assertEquals("programme." + ID + ".read LEADER_NAMES", entry.get("action").asText());
        assertTrue(entry.get("detail").asText().startsWith("programme " + ID), entry.toString());
    }

    @Test
    void placesAreCheckedAndTheBodyIsReadableTwice() throws Exception {
        ProgrammeTester t = ProgrammeTester.connect(context, ID);
        t.enable(SHUANGGANG);
        ProgrammeTester.Client secretary = t.as(Role.COMMUNITY_SECRETARY, GANGWAN);
        JsonNode buildings = admin().get("/api/v1/communities/" + GANGWAN + "/buildings").json();
        String unit = buildings.get(0).get("units").get(0).get("code").asText();
        ProgrammeTester.Response ok = secretary.post(SHUANGGANG, "/places", Map.of("place", unit));
        assertEquals(201, ok.status(), ok.body());
        assertTrue(ok.json().get("hadBody").asBoolean());
        assertTrue(ok.json().get("bytes").asInt() > 10);
        assertEquals(404, secretary.post(SHUANGGANG, "/places", Map.of("place", GANGWAN + "B999U01")).status());
        assertEquals(404, secretary.post(SHUANGGANG, "/places", Map.of("place", XINHUALI)).status());
        ProgrammeTester.Response malformed = secretary.post(SHUANGGANG, "/places", Map.of("place", "12x"));
        assertEquals(400, malformed.status());
        assertEquals("place", malformed.json().get("field").asText());
        ProgrammeTester.Response number = secretary.post(SHUANGGANG, "/places", "{\"place\":5}");
        assertEquals(400, number.status(), number.body());
        assertEquals("invalid-field", number.error());
        assertEquals("place", number.json().get("field").asText());
        ProgrammeTester.Response none = secretary.core("POST", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID
                + "/places", null);
        assertEquals("missing-body", none.error(), none.body());
    }
}
