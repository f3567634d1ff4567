package ${package}.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeHandler;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.ProgrammeRoutes;
import org.loumen.security.Caller;
import org.loumen.security.Role;
import org.loumen.security.RoleBinding;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * In the framework, with the whole platform: the programme's component activates, its service carries the
 * programme's properties, and its route stores a note in the programme's own tables and lists it; its console page
 * is in the bundle.
 */
class ProgrammeIT {

    static final String STREET = "120112103";

    @InjectService(filter = "(" + ProgrammeDefinition.ID + "=${programmeId})", timeout = 30_000)
    ServiceAware<Programme> programme;

    @Test
    void theProgrammeStoresAndListsNotesOfItsStreet() throws Exception {
        ServiceReference<Programme> ref = programme.getServiceReference();
        assertEquals("${nameZh}", ref.getProperty(ProgrammeDefinition.PREFIX_ + "nameZh"));

        Map<String, ProgrammeHandler> routes = new HashMap<>();
        programme.getService().routes(new ProgrammeRoutes() {
            ProgrammeRoutes add(String method, String path, ProgrammeHandler h) {
                routes.put(method + " " + path, h);
                return this;
            }

            @Override
            public ProgrammeRoutes get(String path, ProgrammeHandler h, Role... roles) {
                return add("GET", path, h);
            }

            @Override
            public ProgrammeRoutes post(String path, ProgrammeHandler h, Role... roles) {
                return add("POST", path, h);
            }

            @Override
            public ProgrammeRoutes put(String path, ProgrammeHandler h, Role... roles) {
                return add("PUT", path, h);
            }

            @Override
            public ProgrammeRoutes delete(String path, ProgrammeHandler h, Role... roles) {
                return add("DELETE", path, h);
            }
        });
        assertEquals(Set.of("GET /notes", "POST /notes"), routes.keySet());

        String text = "测试 " + System.nanoTime();
        Object created = routes.get("POST /notes").handle(new FakeRequest(Map.of("text", text)));
        assertEquals(201, ((ApiResponse) created).status());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notes = (List<Map<String, Object>>) routes.get("GET /notes")
                .handle(new FakeRequest(null));
        assertTrue(notes.stream().anyMatch(n -> text.equals(n.get("text"))), notes.toString());
    }

    @Test
    void theConsolePageIsInTheBundleWhereTheDefinitionSays() {
        ServiceReference<Programme> ref = programme.getServiceReference();
        String folder = String.valueOf(ref.getProperty(ProgrammeDefinition.PREFIX_ + "consoleResources"));
        assertEquals("/console", folder);
        assertTrue(ref.getBundle().getEntry(folder + "/index.js") != null, "the page the console loads: "
                + folder + "/index.js");
    }

    /** A request as the platform hands it to the programme: a street admin of 双港镇 calling for that street. */
    record FakeRequest(Object body) implements ProgrammeRequest {

        @Override
        public String street() {
            return STREET;
        }

        @Override
        public String programme() {
            return "${programmeId}";
        }

        @Override
        public String community(String field, String code) throws ApiException {
            throw new ApiException(404, "not-found", "not used here");
        }

        @Override
        public String method() {
            return body == null ? "GET" : "POST";
        }

        @Override
        public String path() {
            return "/streets/" + STREET + "/programmes/${programmeId}/notes";
        }

        @Override
        public String pathParam(String name) {
            throw new IllegalArgumentException(name);
        }

        @Override
        public Optional<String> query(String name) {
            return Optional.empty();
        }

        @Override
        public List<String> queryAll(String name) {
            return List.of();
        }

        @Override
        public int queryInt(String name, int defaultValue, int min, int max) {
            return defaultValue;
        }

        @Override
        public <T> T body(Class<T> type) throws ApiException {
            return new ObjectMapper().convertValue(body, type);
        }

        @Override
        public byte[] bytes() {
            return String.valueOf(body).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1";
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.empty();
        }

        @Override
        public Caller caller() {
            return new Caller("test-admin", "测试", List.of(new RoleBinding(Role.STREET_ADMIN, STREET)), false);
        }

        @Override
        public Set<String> scopes() {
            return Set.of(STREET);
        }

        @Override
        public void auditDetail(String detail) {
            // the platform's dispatcher would add it to the audit entry
        }
    }
}
