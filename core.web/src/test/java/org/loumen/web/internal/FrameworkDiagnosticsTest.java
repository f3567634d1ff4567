package org.loumen.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

class FrameworkDiagnosticsTest {

    @Test
    void theRootCauseOfAnActivationFailureIsReported() {
        String trace = String.join("\n",
                "java.lang.reflect.InvocationTargetException",
                "\tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)",
                "Caused by: org.example.WrapperException: wrapped",
                "\tat org.example.A.b(A.java:1)",
                "Caused by: java.lang.IllegalStateException: deliberately broken: 42",
                "\tat org.example.C.d(C.java:2)");
        assertEquals("java.lang.IllegalStateException: deliberately broken: 42", FrameworkDiagnostics.rootCauseOf(trace));
    }

    @Test
    void aFailureWithoutCauseGivesItsFirstLine() {
        assertEquals("java.lang.IllegalStateException: no db",
                FrameworkDiagnostics.rootCauseOf("java.lang.IllegalStateException: no db\n\tat x.Y.z(Y.java:3)"));
        assertEquals("activation failed", FrameworkDiagnostics.rootCauseOf(null));
        assertEquals("activation failed", FrameworkDiagnostics.rootCauseOf(" "));
    }

    @Test
    void anActivationFailureIsSaidInOneLine() { // moved from core.programme's RouteCollectorTest
        assertEquals("java.lang.IllegalStateException: no database", FrameworkDiagnostics.rootCauseOf(
                "java.lang.reflect.InvocationTargetException\n\tat x\nCaused by: java.lang.IllegalStateException: "
                        + "no database\n\tat y"));
        assertEquals("activation failed", FrameworkDiagnostics.rootCauseOf(null));
    }

    /** A capability offering a package. */
    private static BundleCapability offers(String pkg) {
        return (BundleCapability) Proxy.newProxyInstance(getLoader(), new Class<?>[] { BundleCapability.class },
                (proxy, m, args) -> switch (m.getName()) {
                    case "getAttributes" -> Map.of(PackageNamespace.PACKAGE_NAMESPACE, pkg);
                    case "toString" -> pkg;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A requirement of a package, matched by name like the framework's filter would. */
    private static BundleRequirement imports(String pkg, boolean optional) {
        Map<String, String> directives = optional
                ? Map.of(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE, "(osgi.wiring.package=" + pkg + ")",
                        PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE, PackageNamespace.RESOLUTION_OPTIONAL)
                : Map.of(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE, "(osgi.wiring.package=" + pkg + ")");
        return (BundleRequirement) Proxy.newProxyInstance(getLoader(), new Class<?>[] { BundleRequirement.class },
                (proxy, m, args) -> switch (m.getName()) {
                    case "getDirectives" -> directives;
                    case "matches" -> pkg.equals(((BundleCapability) args[0]).getAttributes()
                            .get(PackageNamespace.PACKAGE_NAMESPACE));
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static ClassLoader getLoader() {
        return FrameworkDiagnosticsTest.class.getClassLoader();
    }

    @Test
    void theImportsNobodyOffersAreNamedByTheirFilters() {
        List<String> missing = FrameworkDiagnostics.missing(
                List.of(imports("org.loumen.web", false), imports("org.loumen.nowhere", false),
                        imports("org.example.optional", true)),
                List.of(offers("org.loumen.web"), offers("org.loumen.security")));
        assertEquals(List.of("(osgi.wiring.package=org.loumen.nowhere)"), missing);
        assertEquals(List.of(), FrameworkDiagnostics.missing(List.of(imports("org.loumen.web", false)),
                List.of(offers("org.loumen.web"))));
    }

    @Test
    void missingServicesAreNamedByInterfaceWithTheirTarget() {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        ReferenceDTO jpa = new ReferenceDTO();
        jpa.name = "$000";
        jpa.interfaceName = "org.apache.aries.jpa.template.JpaTemplate";
        d.references = new ReferenceDTO[] { jpa };
        UnsatisfiedReferenceDTO u = new UnsatisfiedReferenceDTO();
        u.name = "$000";
        u.target = "(osgi.unit.name=loumen.core)";
        UnsatisfiedReferenceDTO named = new UnsatisfiedReferenceDTO();
        named.name = "events";
        assertEquals(List.of("org.apache.aries.jpa.template.JpaTemplate (osgi.unit.name=loumen.core)", "events"),
                FrameworkDiagnostics.missingServicesOf(d, new UnsatisfiedReferenceDTO[] { u, named }));
        assertEquals(List.of(), FrameworkDiagnostics.missingServicesOf(d, null));
    }
}
