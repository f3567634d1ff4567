package org.loumen.core.programme.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.loumen.core.programme.internal.ProgrammeRegistry.Listed;
import org.loumen.core.programme.internal.ProgrammeRegistry.State;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.web.Diagnostics;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The programme listing and why a programme is not serving (项目诊断): programmes deployed by the
 * {@link ProgrammeRegistry}, those whose component SCR knows but that provide no service (failed activation, missing
 * services, waiting for configuration, disabled), and bundles that declare programmes but did not resolve (read from
 * their component XML, since SCR knows nothing of them). The reasons themselves are the platform's shared
 * {@link Diagnostics}, the same health gives.
 */
@Component(service = ProgrammeDiagnostics.class)
public final class ProgrammeDiagnostics {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeDiagnostics.class);

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final DataGuard guard;
    private final Diagnostics diagnostics;

    @Activate
    public ProgrammeDiagnostics(BundleContext context, @Reference ServiceComponentRuntime scr,
            @Reference DataGuard guard, @Reference Diagnostics diagnostics) {
        this.context = context;
        this.scr = scr;
        this.guard = guard;
        this.diagnostics = diagnostics;
    }

    /**
     * Every programme: those deployed (ACTIVE or FAILED) and those whose component did not get that far.
     *
     * @param deployed what the registry deployed, by service id
     */
    List<Listed> list(Map<Object, Listed> deployed) {
        Map<String, Listed> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<Object, Listed> d : deployed.entrySet()) {
            // a failure's reason may have become clearer (SCR records it after getService returned)
            Listed l = d.getValue().state() != State.FAILED ? d.getValue()
                    : withState(d.getValue(), State.FAILED, d.getValue().reason());
            out.put(l.bundleId() + "/" + l.id() + "/" + d.getKey(), l);
            seen.add(l.bundleId() + "/" + l.id());
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            Object id = d.properties == null ? null : d.properties.get(ProgrammeDefinition.ID);
            if (id == null || seen.contains(d.bundle.id + "/" + id)) {
                continue;
            }
            Bundle bundle = context.getBundle(d.bundle.id);
            if (bundle == null) {
                continue;
            }
            try {
                listComponent(out, d, id, bundle);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the bundle is being updated or uninstalled under us (a hot deploy): the next listing shows it
                LOG.debug("Programme bundle {} changed while listed", d.bundle.id, e);
            }
        }
        for (Bundle b : context.getBundles()) {
            try {
                listUnresolved(out, seen, b);
            } catch (IllegalStateException e) {
                LOG.debug("Bundle {} changed while listed", b.getBundleId(), e);
            }
        }
        List<Listed> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparing(Listed::id).thenComparing(Listed::bundleId));
        return list;
    }

    /** The state of a programme component and why, from SCR's configurations of it. */
    record ComponentState(State state, String reason) {
    }

    /** A component with no configuration is disabled; otherwise its (last) configuration says. */
    static ComponentState componentState(ComponentDescriptionDTO d,
            Collection<ComponentConfigurationDTO> configurations, Diagnostics diagnostics) {
        ComponentState s = new ComponentState(State.STOPPED, "组件未启用 / component disabled");
        for (ComponentConfigurationDTO c : configurations) {
            s = switch (c.state) {
                case ComponentConfigurationDTO.FAILED_ACTIVATION -> new ComponentState(State.FAILED,
                        diagnostics.rootCause(c.failure));
                case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> new ComponentState(State.UNSATISFIED,
                        "missing services: " + diagnostics.missingServices(d, c.unsatisfiedReferences));
                case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> new ComponentState(State.UNSATISFIED,
                        "waiting for its configuration");
                default -> new ComponentState(State.UNSATISFIED, "starting");
            };
        }
        return s;
    }

    /** A programme component SCR knows but that provides no service (yet): why not. */
    private void listComponent(Map<String, Listed> out, ComponentDescriptionDTO d, Object id, Bundle bundle) {
        ComponentState s = componentState(d, scr.getComponentConfigurationDTOs(d), diagnostics);
        Map<String, Object> p = d.properties;
        out.put(d.bundle.id + "/" + id, new Listed(id.toString(),
                ServiceProps.str(p.get(ProgrammeDefinition.NAME_ZH)),
                ServiceProps.str(p.get(ProgrammeDefinition.NAME_EN)),
                ServiceProps.str(p.get(ProgrammeDefinition.DESCRIPTION_ZH)),
                ServiceProps.str(p.get(ProgrammeDefinition.DESCRIPTION_EN)),
                bundle.getVersion().toString(), bundle.getSymbolicName(), bundle.getBundleId(), s.state(),
                s.reason(), ServiceProps.strings(p.get(ProgrammeDefinition.ROLES)), List.of(),
                ServiceProps.str(p.get(ProgrammeDefinition.CONSOLE_RESOURCES)),
                ServiceProps.str(p.get(ProgrammeDefinition.CONSOLE_MENU_ZH)),
                ServiceProps.str(p.get(ProgrammeDefinition.CONSOLE_MENU_EN)), List.of(), Set.of()));
    }

    /** A bundle that declares programmes but could not be resolved: FAILED, with the imports nobody offers. */
    private void listUnresolved(Map<String, Listed> out, Set<String> seen, Bundle b) {
        if (b.getState() == Bundle.INSTALLED) {
            for (String id : declaredIds(b)) {
                if (seen.add(b.getBundleId() + "/" + id)) {
                    out.put(b.getBundleId() + "/" + id, new Listed(id, "", "", "", "", b.getVersion().toString(),
                            b.getSymbolicName(), b.getBundleId(), State.FAILED, unresolved(b), List.of(),
                            List.of(), "", "", "", List.of(), Set.of()));
                }
            }
        }
    }

    private static final Pattern DECLARED_ID = Pattern.compile(
            "<property\\s+name=\"" + Pattern.quote(ProgrammeDefinition.ID) + "\"[^>]*?value=\"([^\"]+)\"");

    /**
     * The programme ids an unresolved bundle declares in its component descriptions: SCR knows nothing of a bundle
     * it cannot start, but its XML is readable without resolving it.
     */
    static List<String> declaredIds(Bundle b) {
        String header = b.getHeaders("").get("Service-Component");
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String path : header.split(",")) {
            try {
                BundleEntries.read(b, path.strip())
                        .ifPresent(xml -> ids.addAll(declaredIds(new String(xml, StandardCharsets.UTF_8))));
            } catch (IOException e) {
                LOG.warn("Cannot read {} of {}", path, b.getSymbolicName());
            }
        }
        return ids;
    }

    /** The programme ids one component description declares (a regex: the XML need not be valid to be read). */
    static List<String> declaredIds(String componentXml) {
        List<String> ids = new ArrayList<>();
        Matcher m = DECLARED_ID.matcher(componentXml);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** Why a bundle did not resolve: the data guard's refusal, or the package imports no bundle offers. */
    private String unresolved(Bundle b) {
        return unresolved(guard.refusal(b), diagnostics.missingImports(b));
    }

    static String unresolved(Optional<String> refusal, List<String> missingImports) {
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return "未能解析 / bundle not resolved"
                + (missingImports.isEmpty() ? "" : ": no bundle offers " + missingImports);
    }

    /** The programme as listed in the given state; an activation failure with what SCR recorded about it. */
    Listed withState(Listed l, State state, String reason) {
        String why = reason;
        if (state == State.FAILED && reason != null && reason.startsWith("activation failed")) {
            Bundle b = context.getBundle(l.bundleId());
            why = b == null ? reason : activationFailure(b, l.id());
        }
        return new Listed(l.id(), l.nameZh(), l.nameEn(), l.descriptionZh(), l.descriptionEn(), l.version(), l.bundle(),
                l.bundleId(), state, why, l.roles(), l.routes(), l.consoleResources(), l.consoleMenuZh(),
                l.consoleMenuEn(), l.programmeRoles(), l.reads());
    }

    /** What SCR recorded about the programme component's failed activation. */
    String activationFailure(Bundle bundle, String id) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
            if (d.properties != null
                    && String.valueOf(id).equals(ServiceProps.str(d.properties.get(ProgrammeDefinition.ID)))) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return "activation failed: " + diagnostics.rootCause(c.failure);
                    }
                }
            }
        }
        return "activation failed";
    }
}
