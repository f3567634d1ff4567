package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loumen.web.PlatformStarted;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/** Health names what is wrong: a bundle that cannot resolve, a component that fails, as a broken plug-in would. */
class HealthIT extends PlatformTest {

    /** A bundle importing a package that nobody exports. */
    private static byte[] unresolvableBundle() throws Exception {
        // a manifest is all it takes
        return TestBundles.jar(Map.of("Bundle-SymbolicName", "org.loumen.itest.broken", "Bundle-Version", "1.0.0",
                "Import-Package", "org.loumen.nowhere;version=\"[1,2)\",org.osgi.framework"), Map.of());
    }

    /** Start-up is over once: the platform says so as a service, and health as STARTING no more. */
    @Test
    void theStartedPlatformSaysSoOnce(@InjectService PlatformStarted started) throws Exception {
        assertFalse(started.at().isAfter(Instant.now()), "started in the past: " + started.at());
        assertEquals(1, context.getServiceReferences(PlatformStarted.class, null).size(), "one signal");
        JsonNode health = http.get("/api/v1/health").json();
        assertFalse("STARTING".equals(health.get("status").asText()), health.toString());
        assertEquals(200, http.get("/api/v1/health/ready").status());
    }

    @Test
    void anUnresolvedBundleIsNamedWithItsMissingPackages() throws Exception {
        Bundle broken = context.installBundle("itest:broken", new ByteArrayInputStream(unresolvableBundle()));
        try {
            try {
                broken.start();
            } catch (BundleException expected) {
                // cannot resolve: exactly what health must report
            }
            Http.Response r = http.get("/api/v1/health");
            assertEquals(200, r.status());
            JsonNode health = r.json();
            assertEquals("DEGRADED", health.get("status").asText(), r.body());
            JsonNode problem = null;
            for (JsonNode p : health.get("problems")) {
                if ("org.loumen.itest.broken".equals(p.path("bundle").asText())) {
                    problem = p;
                }
            }
            assertTrue(problem != null, r.body());
            assertEquals("INSTALLED", problem.get("state").asText());
            assertTrue(problem.get("reason").asText().contains("org.loumen.nowhere"), r.body());
        } finally {
            broken.uninstall();
        }
        http.awaitUp();
    }

    @Test
    void aComponentThatFailsToActivateIsNamedWithItsReason(@InjectService ConfigurationAdmin configAdmin)
            throws Exception {
        Configuration config = configAdmin.getConfiguration(FailingComponent.PID, "?");
        config.update(new Hashtable<>(Map.of("reason", "test-42")));
        try {
            // SCR lists the new configuration for a moment (waiting for its satisfying condition) before it activates
            Http.Response r = Http.until(() -> http.get("/api/v1/health"), answer -> failingComponent(answer) != null
                    && "FAILED_ACTIVATION".equals(failingComponent(answer).path("state").asText()),
                    10, "the failing component in health, failed to activate");
            JsonNode problem = failingComponent(r);
            assertEquals("DEGRADED", r.json().get("status").asText());
            assertEquals("FAILED_ACTIVATION", problem.get("state").asText());
            assertEquals("org.loumen.itest", problem.get("bundle").asText());
            assertTrue(problem.get("reason").asText().contains("deliberately broken: test-42"), r.body());
            assertTrue(!problem.get("reason").asText().contains("\tat "), "no stack trace: " + r.body());
        } finally {
            config.delete();
        }
        http.awaitUp();
    }

    private static JsonNode failingComponent(Http.Response health) {
        for (JsonNode p : health.json().get("problems")) {
            if (FailingComponent.class.getName().equals(p.path("component").asText())) {
                return p;
            }
        }
        return null;
    }
}
