package org.loumen.core.programme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Function;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loumen.core.programme.internal.ProgrammeDiagnostics.ComponentState;
import org.loumen.core.programme.internal.ProgrammeRegistry.Listed;
import org.loumen.core.programme.internal.ProgrammeRegistry.State;
import org.loumen.web.Diagnostics;
import org.loumen.web.HealthCheck;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class ProgrammeDiagnosticsTest {

    /** The shared rules as the platform gives them, stubbed: what the listing does with them is under test. */
    private static final Diagnostics SHARED = new Diagnostics() {
        @Override
        public String rootCause(String failure) {
            return "cause of " + failure;
        }

        @Override
        public List<String> missingImports(Bundle bundle) {
            return List.of();
        }

        @Override
        public List<String> missingServices(ComponentDescriptionDTO component, UnsatisfiedReferenceDTO[] refs) {
            List<String> names = new ArrayList<>();
            for (UnsatisfiedReferenceDTO r : refs) {
                names.add(r.name);
            }
            return names;
        }
    };

    private static ComponentConfigurationDTO config(int state) {
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.state = state;
        return c;
    }

    @Test
    void aComponentSaysWhyItIsNotServing() {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        assertEquals(new ComponentState(State.STOPPED, "组件未启用 / component disabled"),
                ProgrammeDiagnostics.componentState(d, List.of(), SHARED));
        ComponentConfigurationDTO failed = config(ComponentConfigurationDTO.FAILED_ACTIVATION);
        failed.failure = "boom";
        assertEquals(new ComponentState(State.FAILED, "cause of boom"),
                ProgrammeDiagnostics.componentState(d, List.of(failed), SHARED));
        ComponentConfigurationDTO waiting = config(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO u = new UnsatisfiedReferenceDTO();
        u.name = "org.loumen.core.model.OrganisationService";
        waiting.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] { u };
        assertEquals(new ComponentState(State.UNSATISFIED,
                "missing services: [org.loumen.core.model.OrganisationService]"),
                ProgrammeDiagnostics.componentState(d, List.of(waiting), SHARED));
        assertEquals(new ComponentState(State.UNSATISFIED, "waiting for its configuration"),
                ProgrammeDiagnostics.componentState(d,
                        List.of(config(ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION)), SHARED));
        assertEquals(new ComponentState(State.UNSATISFIED, "starting"), ProgrammeDiagnostics.componentState(d,
                List.of(config(ComponentConfigurationDTO.SATISFIED)), SHARED));
    }

    @Test
    void programmeIdsAreReadFromComponentXmlWithoutResolvingTheBundle() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="a.B">
                  <property name="loumen.programme.id" type="String" value="mediation"/>
                  <property name="loumen.programme.nameZh" value="调解"/>
                </scr:component>
                <scr:component name="c.D"><property name="loumen.programme.id"
                  value="my-building"/></scr:component>
                """;
        assertEquals(List.of("mediation", "my-building"), ProgrammeDiagnostics.declaredIds(xml));
        assertEquals(List.of(), ProgrammeDiagnostics.declaredIds("<scr:component name=\"x\"/>"));
    }

    @Test
    void anUnresolvedBundleIsExplainedByTheGuardOrItsMissingImports() {
        assertEquals("未能解析 / bundle not resolved: no bundle offers [(osgi.wiring.package=org.loumen.nowhere)]",
                ProgrammeDiagnostics.unresolved(Optional.empty(), List.of("(osgi.wiring.package=org.loumen.nowhere)")));
        assertEquals("未能解析 / bundle not resolved", ProgrammeDiagnostics.unresolved(Optional.empty(), List.of()));
        assertEquals("refused by the data guard", ProgrammeDiagnostics.unresolved(
                Optional.of("refused by the data guard"), List.of("(osgi.wiring.package=x)")));
    }

    private static Listed listed(String id, String reason) {
        return new Listed(id, "", "", "", "", "1.0.0", "org.example." + id, 7, State.FAILED, reason, List.of(),
                List.of(), "", "", "", List.of(), Set.of());
    }

    @Test
    void healthHearsOfRefusedProgrammesButNotOfFailedActivationsSCRReports() {
        List<HealthCheck.Problem> problems = ProgrammeHealth.problems(List.of(
                listed("mediation", "id mediation is already served by org.loumen.plugin.mediation 1.0.0"),
                listed("broken", "activation failed: java.lang.IllegalStateException: no database"),
                listed("bad", "routes refused: bad path")));
        assertEquals(List.of(
                new HealthCheck.Problem("org.example.mediation", "programme mediation", "FAILED",
                        "id mediation is already served by org.loumen.plugin.mediation 1.0.0"),
                new HealthCheck.Problem("org.example.bad", "programme bad", "FAILED", "routes refused: bad path")),
                problems);
    }

    /** A stand-in for a framework interface: the given methods answer, every other returns its type's default. */
    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (self, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args);
            }
            Class<?> r = method.getReturnType();
            Map<Class<?>, Object> defaults = Map.of(boolean.class, false, int.class, 0, long.class, 0L);
            return defaults.get(r);
        });
    }

    /** An INSTALLED (unresolved) bundle declaring its component XML at OSGI-INF/c.xml, read through {@code entry}. */
    private static Bundle installed(long id, Function<Object[], Object> entry) {
        Dictionary<String, String> headers = new Hashtable<>(Map.of("Service-Component", "OSGI-INF/c.xml"));
        return stub(Bundle.class, Map.of("getState", a -> Bundle.INSTALLED, "getBundleId", a -> id,
                "getHeaders", a -> headers, "getEntry", entry, "getVersion", a -> new Version(1, 0, 0),
                "getSymbolicName", a -> "org.example.b" + id, "getLastModified", a -> 1L));
    }

    @Test
    void aBundleReplacedWhileItIsListedIsLeftOutNotAFailedListing(@TempDir Path dir) throws Exception {
        Path xml = Files.writeString(dir.resolve("c.xml"), "<scr:component name=\"a\"><property "
                + "name=\"loumen.programme.id\" value=\"steady\"/></scr:component>", StandardCharsets.UTF_8);
        URL url = xml.toUri().toURL();
        Bundle steady = installed(11, a -> url);
        // Felix, while an update or refresh closes the old revision: getEntry fails with an NPE from inside
        Bundle replaced = installed(12, a -> {
            throw new NullPointerException("BundleRevisionImpl.getContent() is null");
        });
        assertThrows(BundleEntries.BundleChanged.class, () -> ProgrammeDiagnostics.declaredIds(replaced));

        BundleContext context = stub(BundleContext.class, Map.of("getBundles", a -> new Bundle[] { replaced, steady }));
        ServiceComponentRuntime scr = stub(ServiceComponentRuntime.class,
                Map.of("getComponentDescriptionDTOs", a -> List.of()));
        ProgrammeDiagnostics diagnostics = new ProgrammeDiagnostics(context, scr, new DataGuard(context), SHARED);
        List<Listed> listed = diagnostics.list(Map.of());
        assertEquals(List.of("steady"), listed.stream().map(Listed::id).toList());
        assertEquals(State.FAILED, listed.get(0).state());
        assertEquals("未能解析 / bundle not resolved", listed.get(0).reason());
    }
}
