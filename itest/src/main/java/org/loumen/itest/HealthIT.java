package org.loumen.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

import com.fasterxml.jackson.databind.JsonNode;

/** Health names what is wrong: here a bundle that cannot resolve, as a broken plug-in would be. */
class HealthIT extends PlatformTest {

    /** A bundle importing a package that nobody exports. */
    private static byte[] unresolvableBundle() throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.loumen.itest.broken");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.loumen.nowhere;version=\"[1,2)\",org.osgi.framework");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            // a manifest is all it takes
        }
        return out.toByteArray();
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
}
