package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.data.PersonalData;
import org.loumen.testkit.ProgrammeTester;
import org.loumen.web.ApiResponse;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SPI 1.2's resident pages in the whole platform: a programme's public routes (anyone, only where the street enabled
 * it, no personal data, places checked without a caller's scope) and its parts of the unit page, listed per street by
 * {@code GET /public/streets/{street}/programmes} and served from its bundle under {@code /resident-pages/}: a street
 * that has not enabled the programme gets no section.
 */
class ResidentPagesIT extends PlatformTest {

    static final String ID = "resident-part-test";
    static final String UNIT = GANGWAN + "B002U02";

    private static ServiceRegistration<Programme> registration;

    /** A programme with a public page part: a greeting per unit and a public write. */
    static final class Greeting implements Programme {
        @Override
        public void routes(org.loumen.programme.ProgrammeRoutes routes) {
            routes.reads(PersonalData.HOUSEHOLDS)
                    .get("/staff-only", r -> Map.of("ok", true))
                    .publicGet("/units/{unit}", r -> Map.of("unit", r.place("unit", r.pathParam("unit")),
                            "anonymous", r.caller().anonymous(), "scopes", r.scopes().size()))
                    .publicGet("/units/{unit}/households", r -> r.data().households(r.pathParam("unit")))
                    .publicPost("/units/{unit}/thanks", r -> ApiResponse.created(Map.of("unit",
                            r.place("unit", r.pathParam("unit")))));
        }
    }

    @BeforeAll
    static void deploy() {
        BundleContext bc = FrameworkUtil.getBundle(ResidentPagesIT.class).getBundleContext();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ProgrammeDefinition.ID, ID);
        props.put(ProgrammeDefinition.NAME_ZH, "居民页测试");
        props.put(ProgrammeDefinition.NAME_EN, "Resident part (test)");
        props.put(ProgrammeDefinition.RESIDENT_RESOURCES, "/resident-test");
        registration = bc.registerService(Programme.class, new Greeting(), props);
    }

    @AfterAll
    static void remove() {
        registration.unregister();
    }

    private boolean listed(String street) throws Exception {
        JsonNode list = http.get("/api/v1/public/streets/" + street + "/programmes").json();
        for (JsonNode p : list) {
            if (ID.equals(p.get("id").asText())) {
                assertTrue(p.get("resident").get("unit").asBoolean());
                assertFalse(p.get("resident").get("poster").asBoolean(), "no poster.js in its folder");
                return true;
            }
        }
        return false;
    }

    @Test
    void aDisabledStreetsUnitPageGetsNoSectionAndItsPublicRoutesAnswerNotEnabled() throws Exception {
        ProgrammeTester t = ProgrammeTester.connect(context, ID);
        t.enable(SHUANGGANG);
        t.disable(SHUANGXIN);
        assertTrue(listed(SHUANGGANG), "enabled: the unit page imports its part");
        assertFalse(listed(SHUANGXIN), "not enabled: no section on the unit page");
        assertEquals(404, http.get("/api/v1/public/streets/999999999/programmes").status());

        // its part is served from its bundle, like a console page
        String version = FrameworkUtil.getBundle(ResidentPagesIT.class).getVersion().toString();
        Http.Response part = http.get("/resident-pages/" + ID + "/" + version + "/unit.js");
        assertEquals(200, part.status());
        assertTrue(part.contentType().contains("javascript"), part.contentType());
        assertEquals(404, http.get("/resident-pages/" + ID + "/" + version + "/missing.js").status());

        // public routes: no account, no scope; the place is checked in the street; disabled elsewhere
        Http.Response page = http.get("/api/v1/public/streets/" + SHUANGGANG + "/programmes/" + ID + "/units/" + UNIT);
        assertEquals(200, page.status(), page.body());
        assertEquals(UNIT, page.json().get("unit").asText());
        assertTrue(page.json().get("anonymous").asBoolean());
        assertEquals(404, http.get("/api/v1/public/streets/" + SHUANGGANG + "/programmes/" + ID + "/units/"
                + "120112001001B001U01").status(), "a unit of another street");
        Http.Response disabled = http.get("/api/v1/public/streets/" + SHUANGXIN + "/programmes/" + ID + "/units/"
                + "120112001001B001U01");
        assertEquals(404, disabled.status());
        assertEquals("programme-disabled", disabled.json().get("error").asText());
        Http.Response bad = http.get("/api/v1/public/streets/" + SHUANGGANG + "/programmes/" + ID + "/units/nope");
        assertEquals(400, bad.status());
        assertEquals("unit", bad.json().get("field").asText());
        // personal data never through a public route, even when declared
        Http.Response data = http.get("/api/v1/public/streets/" + SHUANGGANG + "/programmes/" + ID + "/units/" + UNIT
                + "/households");
        assertEquals(500, data.status());
        assertEquals("undeclared-data", data.json().get("error").asText());
        // the signed-in routes stay signed in
        assertEquals(401, http.get("/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID + "/staff-only").status());
        // a public write is audited like every write
        Http.Response thanks = http.json("POST", "/api/v1/public/streets/" + SHUANGGANG + "/programmes/" + ID
                + "/units/" + UNIT + "/thanks", Map.of());
        assertEquals(201, thanks.status(), thanks.body());
        JsonNode audit = admin().get("/api/v1/audit?size=50").json();
        assertTrue(audit.toString().contains("/programmes/" + ID + "/units/" + UNIT + "/thanks"), audit.toString());
    }
}
