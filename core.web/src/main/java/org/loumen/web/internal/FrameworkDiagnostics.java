package org.loumen.web.internal;

import java.util.ArrayList;
import java.util.List;

import org.loumen.web.Diagnostics;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/** {@link Diagnostics} from the framework's wiring: what health and the programme listing say about failures. */
@Component(service = Diagnostics.class)
public final class FrameworkDiagnostics implements Diagnostics {

    private final BundleContext context;

    @Activate
    public FrameworkDiagnostics(BundleContext context) {
        this.context = context;
    }

    @Override
    public String rootCause(String failure) {
        return rootCauseOf(failure);
    }

    /** {@link #rootCause}, without a component (unit tests). */
    static String rootCauseOf(String failure) {
        if (failure == null || failure.isBlank()) {
            return "activation failed";
        }
        String cause = failure.lines().findFirst().orElse("").strip();
        for (String line : failure.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length()).strip();
            }
        }
        return cause;
    }

    @Override
    public List<String> missingImports(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of();
        }
        // only asked about an unresolved bundle: health is polled, and this walks every wiring
        List<BundleCapability> offered = new ArrayList<>();
        for (Bundle other : context.getBundles()) {
            BundleWiring wiring = other.adapt(BundleWiring.class);
            List<BundleCapability> caps = wiring == null ? null
                    : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE);
            if (caps != null) { // null once the wiring is no longer in use (bundle refreshed or removed)
                offered.addAll(caps);
            }
        }
        return missing(revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE), offered);
    }

    /** The filters of the mandatory requirements that none of the capabilities satisfies. */
    static List<String> missing(List<BundleRequirement> requirements, List<BundleCapability> offered) {
        List<String> missing = new ArrayList<>();
        for (BundleRequirement r : requirements) {
            if (PackageNamespace.RESOLUTION_OPTIONAL.equals(
                    r.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
                continue;
            }
            if (offered.stream().noneMatch(r::matches)) {
                missing.add(r.getDirectives().get(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE));
            }
        }
        return missing;
    }

    @Override
    public List<String> missingServices(ComponentDescriptionDTO component, UnsatisfiedReferenceDTO[] unsatisfied) {
        return missingServicesOf(component, unsatisfied);
    }

    static List<String> missingServicesOf(ComponentDescriptionDTO d, UnsatisfiedReferenceDTO[] refs) {
        List<String> names = new ArrayList<>();
        if (refs != null) {
            for (UnsatisfiedReferenceDTO r : refs) {
                String service = r.name;
                if (d.references != null) {
                    for (ReferenceDTO ref : d.references) {
                        if (ref.name.equals(r.name)) {
                            service = ref.interfaceName;
                        }
                    }
                }
                names.add(service + (r.target == null ? "" : " " + r.target));
            }
        }
        return names;
    }
}
