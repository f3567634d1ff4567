package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The programme platform in the framework: a programme registered at runtime is listed, disabled everywhere until a
 * street enables it, reachable only by callers of that street, isolated from its own failures, and gone when its
 * service goes (its enablement kept). Also the FAILED programme and the shell commands.
 */
class ProgrammeIT extends PlatformTest {

    static final String ID = "itest-echo";
    static final String BASE_SG = "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID;
    static final String BASE_SX = "/api/v1/streets/" + SHUANGXIN + "/programmes/" + ID;

    private ServiceRegistration<Programme> registration;

    /** A programme with a route that echoes its context, one that fails and one that checks a community. */
    static final Programme ECHO = routes -> routes
            .get("/echo", r -> Map.of("street", r.street(), "programme", r.programme(), "scopes", r.scopes(),
                    "caller", r.caller().username()))
            .get("/boom", r -> {
                throw new IllegalStateException("a bug in the programme");
            })
            .post("/communities", r -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> body = r.body(Map.class);
                return Map.of("community", r.community("community", (String) body.get("community")));
            }, org.loumen.security.Role.STREET_ADMIN);

    ServiceRegistration<Programme> deploy(String id, Programme programme) {
        return deploy(context, id, programme);
    }

    static ServiceRegistration<Programme> deploy(BundleContext in, String id, Programme programme) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ProgrammeDefinition.ID, id);
        props.put(ProgrammeDefinition.NAME_ZH, "回声");
        props.put(ProgrammeDefinition.NAME_EN, "Echo");
        props.put(ProgrammeDefinition.ROLES,
                new String[] { "DISTRICT_ADMIN", "STREET_ADMIN", "COMMUNITY_SECRETARY" });
        return in.registerService(Programme.class, programme, props);
    }

    @AfterEach
    void undeploy() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    static JsonNode listed(Http who, String id) throws Exception {
        return entry(who.get("/api/v1/programmes").json(), id);
    }

    /** The programme's entry in a listing, or null. */
    static JsonNode entry(JsonNode listing, String id) {
        for (JsonNode p : listing) {
            if (p.path("id").asText().equals(id)) {
                return p;
            }
        }
        return null;
    }

    /**
     * A programme serves only the streets that enabled it and only their people: deployed, enabled by one street,
     * served there within each caller's scope, isolated from its own failures, audited, gone and back. Each step
     * builds on the one before (one instance, steps in order); the programme stays deployed until the last step.
     */
    @Scenario
    @DisplayName("a programme serves only the streets that enabled it and only their people")
    class AProgrammeServesOnlyTheStreetsThatEnabledItAndOnlyTheirPeople {

        Http admin;
        Http sgAdmin;
        Http sxAdmin;
        Http sgSecretary;
        Http sgLeader;
        EventCollector events;
        /** This scenario's own deployment (the outer class undeploys its own after every test, steps included). */
        ServiceRegistration<Programme> echo;

        // registered through ownContext(), so they live across the steps; not @AutoClose (it closes after every step)
        @AfterAll
        void undeployAndStopListening() {
            if (echo != null) {
                echo.unregister();
            }
            if (events != null) {
                events.close();
            }
        }

        @Test
        @Order(1)
        void aNewProgrammeIsListedActiveAndDisabledEverywhere() throws Exception {
            admin = admin();
            sgAdmin = user("sg-admin", "STREET_ADMIN", SHUANGGANG);
            sxAdmin = user("sx-admin", "STREET_ADMIN", SHUANGXIN);
            sgSecretary = user("sg-secretary", "COMMUNITY_SECRETARY", GANGWAN);
            sgLeader = user("sg-leader", "LEADER", GANGWAN);
            events = EventCollector.listen(ownContext(), "org/loumen/programme/*");
            echo = deploy(ownContext(), ID, ECHO);
            JsonNode listed = listed(admin, ID);
            assertEquals("ACTIVE", listed.path("state").asText(), listed.toString());
            assertEquals("回声", listed.path("name").path("zh").asText());
            assertEquals(0, listed.path("enabledStreets").size(), "a new programme is disabled everywhere");
            assertEquals("org.loumen.itest", listed.path("bundle").asText());
            assertEquals(ID, events.poll(5, TimeUnit.SECONDS).getProperty("programme"));

            Http.Response disabled = admin.get(BASE_SG + "/echo");
            assertEquals(404, disabled.status(), disabled.body());
            assertEquals("programme-disabled", disabled.json().path("error").asText());
        }

        @Test
        @Order(2)
        void onlyThatStreetsAdminSwitchesItOnWithABodyThatSaysWhat() throws Exception {
            assertEquals(403, sgSecretary.json("PUT", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID,
                    Map.of("enabled", true)).status());
            assertEquals(404, sxAdmin.json("PUT", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID,
                    Map.of("enabled", true)).status());
            Http.Response bad = sgAdmin.json("PUT", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID, "{}");
            assertEquals(400, bad.status(), bad.body());
            assertEquals("enabled", bad.json().path("field").asText());
            Http.Response unknown = sgAdmin.json("PUT", "/api/v1/streets/" + SHUANGGANG + "/programmes/no-such",
                    Map.of("enabled", true));
            assertEquals(404, unknown.status());
            assertEquals("programme-unknown", unknown.json().path("error").asText());
            Http.Response on = sgAdmin.json("PUT", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID,
                    Map.of("enabled", true));
            assertEquals(200, on.status(), on.body());
            org.osgi.service.event.Event enabled = events.poll(5, TimeUnit.SECONDS);
            assertEquals("org/loumen/programme/ENABLED", enabled.getTopic());
            assertEquals(SHUANGGANG, enabled.getProperty("street"));
            assertEquals("sg-admin", enabled.getProperty("by"));
        }

        @Test
        @Order(3)
        void itIsServedInThatStreetWithTheCallerAndTheirScope() throws Exception {
            JsonNode served = sgAdmin.get(BASE_SG + "/echo").json();
            assertEquals(SHUANGGANG, served.path("street").asText());
            assertEquals("sg-admin", served.path("caller").asText());
            assertEquals(List.of(SHUANGGANG), List.of(served.path("scopes").get(0).asText()));
            JsonNode secretaryEcho = sgSecretary.get(BASE_SG + "/echo").json();
            assertEquals(GANGWAN, secretaryEcho.path("scopes").get(0).asText(), "a secretary acts in their community");
            assertEquals(403, sgLeader.get(BASE_SG + "/echo").status(), "leaders are not among the roles it serves");
            assertEquals(SHUANGGANG, listed(admin, ID).path("enabledStreets").get(0).asText());
            JsonNode street = sgSecretary.get("/api/v1/streets/" + SHUANGGANG + "/programmes").json();
            assertTrue(street.toString().contains("\"enabled\":true"), street.toString());
            assertFalse(street.toString().contains("\"bundle\"") || street.toString().contains("\"reason\""),
                    "bundles and failure reasons are for staff: " + street);
        }

        @Test
        @Order(4)
        void otherStreetsNeitherHaveItNorReachIt() throws Exception {
            Http.Response other = admin.get(BASE_SX + "/echo");
            assertEquals(404, other.status());
            assertEquals("programme-disabled", other.json().path("error").asText());
            Http.Response foreign = sgAdmin.get(BASE_SX + "/echo");
            assertEquals(404, foreign.status());
            assertEquals("not-found", foreign.json().path("error").asText());
        }

        @Test
        @Order(5)
        void aFailingHandlerFailsItsOwnRequestOnly() throws Exception {
            Http.Response boom = sgAdmin.get(BASE_SG + "/boom");
            assertEquals(500, boom.status());
            assertEquals("programme-error", boom.json().path("error").asText());
            assertEquals(ID, boom.json().path("programme").asText());
            assertFalse(boom.body().contains("IllegalStateException"), "no stack trace to the user");
            assertEquals(200, sgAdmin.get(BASE_SG + "/echo").status());
            assertEquals(200, admin.get("/api/v1/streets/" + SHUANGGANG).status());
        }

        @Test
        @Order(6)
        void communityCodesFromBodiesAreCheckedLikePathNodes() throws Exception {
            assertEquals(200, sgAdmin.json("POST", BASE_SG + "/communities", Map.of("community", GANGWAN)).status());
            Http.Response outside = sgAdmin.json("POST", BASE_SG + "/communities", Map.of("community", XINHUALI));
            assertEquals(404, outside.status());
            Http.Response malformed = sgAdmin.json("POST", BASE_SG + "/communities", Map.of("community", "x"));
            assertEquals(400, malformed.status());
            assertEquals("community", malformed.json().path("field").asText());
        }

        @Test
        @Order(7)
        void theSwitchAndTheProgrammesReadsAreAudited() throws Exception {
            JsonNode audit = admin.get("/api/v1/audit?action=PUT%20/streets&actor=sg-admin").json();
            assertTrue(audit.toString().contains("enabled " + ID), audit.toString());
            JsonNode reads = admin.get("/api/v1/audit?action=GET%20/streets/%7Bstreet%7D/programmes/" + ID
                    + "&actor=sg-secretary").json();
            assertTrue(reads.path("total").asInt() >= 1, reads.toString());
        }

        @Test
        @Order(8)
        void whenItGoesItsRoutesAreGoneAndItComesBackStillEnabled() throws Exception {
            echo.unregister();
            echo = null;
            assertEquals("not-found", sgAdmin.get(BASE_SG + "/echo").json().path("error").asText());
            assertEquals(null, listed(admin, ID));
            echo = deploy(ownContext(), ID, ECHO);
            assertEquals(200, sgAdmin.get(BASE_SG + "/echo").status());
        }

        @Test
        @Order(9)
        void switchedOffItAnswersDisabled() throws Exception {
            Http.Response off = sgAdmin.json("PUT", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID,
                    Map.of("enabled", false));
            assertEquals(200, off.status(), off.body());
            assertEquals("programme-disabled", sgAdmin.get(BASE_SG + "/echo").json().path("error").asText());
        }
    }

    @Test
    void aSecondProgrammeWithTheSameIdOrBadRoutesIsFailedAndTheFirstKeepsServing() throws Exception {
        Http admin = admin();
        registration = deploy(ID, ECHO);
        ServiceRegistration<Programme> twin = deploy(ID, routes -> routes.get("/echo", r -> "twin"));
        ServiceRegistration<Programme> badRoutes = deploy("itest-bad-routes", routes -> routes.get("no-slash",
                r -> "x"));
        try {
            JsonNode bad = listed(admin, "itest-bad-routes");
            assertEquals("FAILED", bad.path("state").asText(), bad.toString());
            assertTrue(bad.path("reason").asText().contains("routes refused"), bad.toString());
            long failedTwins = 0;
            for (JsonNode p : admin.get("/api/v1/programmes").json()) {
                if (p.path("id").asText().equals(ID) && p.path("state").asText().equals("FAILED")) {
                    failedTwins++;
                    assertTrue(p.path("reason").asText().contains("already served"), p.toString());
                }
            }
            assertEquals(1, failedTwins);
            admin.json("PUT", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID, Map.of("enabled", true));
            assertEquals(SHUANGGANG, admin.get(BASE_SG + "/echo").json().path("street").asText());
        } finally {
            twin.unregister();
            badRoutes.unregister();
            admin.json("PUT", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID, Map.of("enabled", false));
        }
    }

    @Test
    void aProgrammeThatFailsToActivateIsListedFailedAndNamedByHealth(@InjectService ConfigurationAdmin configAdmin)
            throws Exception {
        Http admin = admin();
        registration = deploy(ID, ECHO);
        admin.json("PUT", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID, Map.of("enabled", true));
        Configuration config = configAdmin.getConfiguration(FailingProgramme.PID, "?");
        config.update(new Hashtable<>(Map.of("reason", "no database for it")));
        try {
            JsonNode broken = entry(Http.until(() -> admin.get("/api/v1/programmes"), r -> {
                JsonNode e = entry(r.json(), "itest-broken");
                return e != null && e.path("state").asText().equals("FAILED");
            }, 5, "itest-broken FAILED").json(), "itest-broken");
            assertEquals("FAILED", broken.path("state").asText(), String.valueOf(broken));
            assertTrue(broken.path("reason").asText().contains("programme deliberately broken: no database for it"),
                    broken.toString());
            JsonNode health = http.get("/api/v1/health").json();
            assertEquals("DEGRADED", health.path("status").asText());
            assertTrue(health.path("problems").toString().contains("FailingProgramme"), health.toString());
            // the core and the other programme keep serving
            assertEquals(200, admin.get(BASE_SG + "/echo").status());
            assertEquals(200, admin.get("/api/v1/streets/" + SHUANGGANG).status());
        } finally {
            config.delete();
            admin.json("PUT", "/api/v1/streets/" + SHUANGGANG + "/programmes/" + ID, Map.of("enabled", false));
        }
        http.awaitUp();
    }

    /** A programme bundle built against an SPI version this platform does not have: it cannot resolve. */
    static byte[] programmeForAFutureSpi() throws Exception {
        return TestBundles.jar(Map.of("Bundle-SymbolicName", "org.loumen.itest.future", "Bundle-Version", "9.0.0",
                "Import-Package", "org.loumen.programme;version=\"[9,10)\"",
                "Service-Component", "OSGI-INF/future.xml"),
                Map.of("OSGI-INF/future.xml", "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" "
                        + "name=\"future\"><property name=\"loumen.programme.id\" type=\"String\" "
                        + "value=\"itest-future\"/><implementation class=\"x.Future\"/></scr:component>"));
    }

    @Test
    void aProgrammeThatCannotResolveIsListedFailedWithWhatItLacks() throws Exception {
        Http admin = admin();
        Bundle future = context.installBundle("itest:future", new ByteArrayInputStream(programmeForAFutureSpi()));
        try {
            try {
                future.start();
            } catch (BundleException expected) {
                // cannot resolve: the listing must say why
            }
            JsonNode listed = listed(admin, "itest-future");
            assertEquals("FAILED", listed.path("state").asText(), String.valueOf(listed));
            assertTrue(listed.path("reason").asText().contains("org.loumen.programme"), listed.toString());
            assertEquals("9.0.0", listed.path("version").asText());
        } finally {
            future.uninstall();
        }
        assertEquals(null, listed(admin, "itest-future"));
        http.awaitUp();
    }

    @Test
    void operatorsSwitchProgrammesFromTheShell() throws Exception {
        Http admin = admin();
        registration = deploy(ID, ECHO);
        ServiceReference<?>[] refs = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=loumen)(osgi.command.function=enable))");
        assertEquals(1, refs.length);
        Object commands = context.getService(refs[0]);
        try {
            Method enable = commands.getClass().getMethod("enable", String.class, String.class);
            Method disable = commands.getClass().getMethod("disable", String.class, String.class);
            Method list = commands.getClass().getMethod("programmes");
            assertTrue(((String) enable.invoke(commands, SHUANGGANG, ID)).contains("enabled " + ID));
            assertEquals(200, admin.get(BASE_SG + "/echo").status());
            String table = (String) list.invoke(commands);
            assertTrue(table.contains(ID) && table.contains("ACTIVE") && table.contains("[" + SHUANGGANG + "]"), table);
            InvocationTargetException badStreet = assertThrows(InvocationTargetException.class,
                    () -> enable.invoke(commands, "999999999", ID));
            assertTrue(badStreet.getCause().getMessage().contains("999999999"));
            InvocationTargetException badId = assertThrows(InvocationTargetException.class,
                    () -> enable.invoke(commands, SHUANGGANG, "no-such"));
            assertTrue(badId.getCause().getMessage().contains("no-such"));
            assertTrue(((String) disable.invoke(commands, SHUANGGANG, ID)).contains("disabled " + ID));
            assertEquals("programme-disabled", admin.get(BASE_SG + "/echo").json().path("error").asText());
            JsonNode audit = admin.get("/api/v1/audit?actor=shell").json();
            assertTrue(audit.path("total").asInt() >= 4, audit.toString());
        } finally {
            context.ungetService(refs[0]);
        }
    }
}
