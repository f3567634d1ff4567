package ${package}.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.security.Role;
import org.loumen.testkit.ProgrammeTester;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/**
 * In the framework, with the whole platform, through the real dispatcher (org.loumen.testkit): a street admin of 双港镇
 * stores a note and lists it; bad input is a 400 naming the field; another street's admin and a leader are refused;
 * a street that disabled the programme answers 404 programme-disabled. The console page is in the bundle.
 */
class ProgrammeIT {

    static final String STREET = "120112103";
    static final String OTHER_STREET = "120112001";

    @InjectBundleContext
    BundleContext context;

    @InjectService(filter = "(" + ProgrammeDefinition.ID + "=${programmeId})", timeout = 30_000)
    ServiceAware<Programme> programme;

    @Test
    void aStreetAdminStoresAndListsNotesOfTheirStreetOnly() throws Exception {
        ProgrammeTester t = ProgrammeTester.connect(context, "${programmeId}");
        t.enable(STREET);
        ProgrammeTester.Client admin = t.as(Role.STREET_ADMIN, STREET);

        String text = "测试 " + System.nanoTime();
        ProgrammeTester.Response created = admin.post(STREET, "/notes", Map.of("text", text));
        assertEquals(201, created.status(), created.body());
        assertTrue(admin.get(STREET, "/notes").body().contains(text));

        ProgrammeTester.Response empty = admin.post(STREET, "/notes", Map.of("text", " "));
        assertEquals(400, empty.status());
        assertEquals("text", empty.json().get("field").asText());
        ProgrammeTester.Response number = admin.post(STREET, "/notes", "{\"text\":5}");
        assertEquals(400, number.status(), "a number is not a text");
        assertEquals("text", number.json().get("field").asText());

        // another street's admin: as if the street's programme did not exist; a leader holds none of its roles
        assertEquals(404, t.as(Role.STREET_ADMIN, OTHER_STREET).get(STREET, "/notes").status());
        assertEquals(403, t.as(Role.LEADER, STREET + "001").get(STREET, "/notes").status());

        // switched off for the street
        t.disable(STREET);
        assertEquals("programme-disabled", admin.get(STREET, "/notes").error());
        t.enable(STREET);
        assertEquals(200, admin.get(STREET, "/notes").status());
    }

    @Test
    void theConsolePageIsInTheBundleWhereTheDefinitionSays() {
        ServiceReference<Programme> ref = programme.getServiceReference();
        assertEquals("${nameZh}", ref.getProperty(ProgrammeDefinition.PREFIX_ + "nameZh"));
        String folder = String.valueOf(ref.getProperty(ProgrammeDefinition.PREFIX_ + "consoleResources"));
        assertEquals("/console", folder);
        assertTrue(ref.getBundle().getEntry(folder + "/index.js") != null, "the page the console loads: "
                + folder + "/index.js");
    }
}
