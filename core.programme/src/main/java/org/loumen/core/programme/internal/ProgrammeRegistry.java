package org.loumen.core.programme.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.loumen.core.model.OrganisationService;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeRole;
import org.loumen.programme.data.PersonalData;
import org.loumen.security.Role;
import org.loumen.web.ApiResource;
import org.loumen.web.HealthCheck;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployed programmes (已部署的项目): follows every {@link Programme} service, puts its routes on the API
 * whiteboard and takes them down when it goes. Programmes whose component could not start (failed activation,
 * missing services) are found through Service Component Runtime, so they are listed with the reason.
 */
@Component(service = { ProgrammeRegistry.class, HealthCheck.class }, immediate = true)
public final class ProgrammeRegistry implements HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeRegistry.class);

    /** Event topics: a programme came or went (properties programme, bundle, version). */
    static final String TOPIC_DEPLOYED = "org/loumen/programme/DEPLOYED";
    static final String TOPIC_REMOVED = "org/loumen/programme/REMOVED";

    /** How a programme is doing. */
    enum State {
        /** serving its routes */
        ACTIVE,
        /** its component is waiting for services it needs */
        UNSATISFIED,
        /** its component failed to activate, or its routes were refused */
        FAILED,
        /** its component is disabled */
        STOPPED
    }

    /** One programme as listed; {@code reason} says why it is not ACTIVE. */
    record Listed(String id, String nameZh, String nameEn, String descriptionZh, String descriptionEn, String version,
            String bundle, long bundleId, State state, String reason, List<String> roles, List<String> routes,
            String consoleResources, String consoleMenuZh, String consoleMenuEn, List<ProgrammeRole> programmeRoles,
            Set<PersonalData> reads) {
        Listed {
            programmeRoles = List.copyOf(programmeRoles);
            reads = reads.isEmpty() ? Set.of() : Set.copyOf(new TreeSet<>(reads));
        }

        /** The same programme as known before its routes (and declarations) were read. */
        Listed declaring(List<ProgrammeRole> roles, Set<PersonalData> declared) {
            return new Listed(id, nameZh, nameEn, descriptionZh, descriptionEn, version, bundle, bundleId, state, reason,
                    this.roles, routes, consoleResources, consoleMenuZh, consoleMenuEn, roles, declared);
        }
    }

    /** A programme service that appeared; {@code api} is null when it could not be put on the whiteboard. */
    private record Deployed(ServiceReference<Programme> ref, Listed listed, ServiceRegistration<ApiResource> api) {
    }

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Enablement enablement;
    private final EventAdmin events;
    private final OrganisationService organisation;
    private final DataGuard guard;
    private final DataAccess data;
    private final Map<ServiceReference<Programme>, Deployed> deployed = new ConcurrentHashMap<>();
    private final ServingProgrammes serving;
    private volatile boolean active = true;

    @Activate
    public ProgrammeRegistry(BundleContext context, @Reference ServiceComponentRuntime scr,
            @Reference Enablement enablement, @Reference EventAdmin events,
            @Reference OrganisationService organisation, @Reference DataGuard guard, @Reference DataAccess data,
            @Reference ServingProgrammes serving) {
        this.serving = serving;
        this.data = data;
        this.organisation = organisation;
        this.guard = guard;
        this.context = context;
        this.scr = scr;
        this.enablement = enablement;
        this.events = events;
    }

    @Deactivate
    void deactivate() {
        active = false;
        for (ServiceReference<Programme> ref : List.copyOf(deployed.keySet())) {
            removeProgramme(ref);
        }
    }

    @Reference(service = Programme.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    synchronized void addProgramme(ServiceReference<Programme> ref) {
        if (!active) {
            return;
        }
        Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return; // gone already
        }
        String id = string(ref, ProgrammeDefinition.ID);
        Set<Role> roles = roles(ref);
        Listed base = listed(ref, id, roles, State.ACTIVE, null, List.of());
        if (id == null || !id.matches(ProgrammeDefinition.ID_PATTERN)) {
            fail(ref, base, "id must match " + ProgrammeDefinition.ID_PATTERN + ": " + id);
            return;
        }
        for (Deployed d : deployed.values()) {
            if (d.api != null && d.listed.id().equals(id)) {
                fail(ref, base, "id " + id + " is already served by " + d.listed.bundle() + " " + d.listed.version());
                return;
            }
        }
        Programme programme;
        try {
            programme = context.getService(ref);
        } catch (RuntimeException e) {
            programme = null;
        }
        if (programme == null) {
            fail(ref, base, activationFailure(bundle, id));
            return;
        }
        RouteCollector routes = new RouteCollector(roles);
        try {
            programme.routes(routes);
        } catch (RuntimeException | LinkageError e) {
            context.ungetService(ref);
            LOG.error("Programme {} ({}) declared bad routes", id, bundle.getSymbolicName(), e);
            fail(ref, base, "routes refused: " + e.getMessage());
            return;
        }
        List<String> routeNames = routes.specs().stream()
                .map(s -> s.method() + " " + ProgrammeApi.path(id, s)).toList();
        Listed listed = listed(ref, id, roles, State.ACTIVE, null, routeNames).declaring(routes.roles(),
                routes.reads());
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ApiResource.OWNER, bundle.getSymbolicName());
        props.put(ProgrammeDefinition.ID, id);
        ServiceRegistration<ApiResource> api = context.registerService(ApiResource.class,
                new ProgrammeApi(id, routes.specs(), enablement, organisation, routes.reads(), data), props);
        deployed.put(ref, new Deployed(ref, listed, api));
        serving.set(activeIds());
        LOG.info("Programme {} {} ({}) deployed with {} routes", id, listed.version(), listed.bundle(),
                routeNames.size());
        events.postEvent(new Event(TOPIC_DEPLOYED, Map.of("programme", id, "bundle", listed.bundle(),
                "version", listed.version())));
    }

    synchronized void removeProgramme(ServiceReference<Programme> ref) {
        Deployed d = deployed.remove(ref);
        serving.set(activeIds());
        if (d == null) {
            return;
        }
        if (d.api != null) {
            try {
                d.api.unregister();
            } catch (IllegalStateException e) {
                // already unregistered
            }
            try {
                context.ungetService(ref);
            } catch (IllegalStateException e) {
                // our context is going away
            }
            LOG.info("Programme {} ({}) removed; its data stays", d.listed.id(), d.listed.bundle());
            events.postEvent(new Event(TOPIC_REMOVED, Map.of("programme", d.listed.id(), "bundle",
                    d.listed.bundle(), "version", d.listed.version())));
        }
        // another bundle with the same id may have been waiting for this one to go
        for (ServiceReference<Programme> waiting : List.copyOf(deployed.keySet())) {
            Deployed w = deployed.get(waiting);
            if (w != null && w.api == null && w.listed.id().equals(d.listed.id())) {
                deployed.remove(waiting);
                serving.set(activeIds());
                addProgramme(waiting);
            }
        }
    }

    private void fail(ServiceReference<Programme> ref, Listed base, String reason) {
        LOG.error("Programme {} ({}) is FAILED: {}", base.id(), base.bundle(), reason);
        deployed.put(ref, new Deployed(ref, withState(base, State.FAILED, reason), null));
        serving.set(activeIds());
    }

    /**
     * Whether a street may switch this programme on or off: it must be listed (in any state); a programme no longer
     * deployed may still be switched off where it was ever switched.
     */
    boolean switchable(String id, boolean on) {
        if (id == null || !id.matches(ProgrammeDefinition.ID_PATTERN)) {
            return false;
        }
        return list().stream().anyMatch(l -> l.id().equals(id)) || !on && enablement.known(id);
    }

    /** Every programme: those deployed (ACTIVE or FAILED) and those whose component did not get that far. */
    List<Listed> list() {
        Map<String, Listed> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Deployed d : deployed.values()) {
            // a failure's reason may have become clearer (SCR records it after getService returned)
            Listed l = d.listed.state() != State.FAILED ? d.listed
                    : withState(d.listed, State.FAILED, d.listed.reason());
            out.put(l.bundleId() + "/" + l.id() + "/" + d.ref.getProperty("service.id"), l);
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

    /** A programme component SCR knows but that provides no service (yet): why not. */
    private void listComponent(Map<String, Listed> out, ComponentDescriptionDTO d, Object id, Bundle bundle) {
            State state = State.STOPPED;
            String reason = "组件未启用 / component disabled";
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                switch (c.state) {
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> {
                        state = State.FAILED;
                        reason = rootCause(c.failure);
                    }
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> {
                        state = State.UNSATISFIED;
                        reason = "missing services: " + Arrays.stream(c.unsatisfiedReferences)
                                .map(u -> interfaceOf(d, u.name)).toList();
                    }
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> {
                        state = State.UNSATISFIED;
                        reason = "waiting for its configuration";
                    }
                    default -> {
                        state = State.UNSATISFIED;
                        reason = "starting";
                    }
                }
            }
            Map<String, Object> p = d.properties;
            out.put(d.bundle.id + "/" + id, new Listed(id.toString(),
                    str(p.get(ProgrammeDefinition.PREFIX_ + "nameZh")),
                    str(p.get(ProgrammeDefinition.PREFIX_ + "nameEn")),
                    str(p.get(ProgrammeDefinition.PREFIX_ + "descriptionZh")),
                    str(p.get(ProgrammeDefinition.PREFIX_ + "descriptionEn")), bundle.getVersion().toString(),
                    bundle.getSymbolicName(), bundle.getBundleId(), state, reason,
                    strings(p.get(ProgrammeDefinition.PREFIX_ + "roles")), List.of(),
                    str(p.get(ProgrammeDefinition.PREFIX_ + "consoleResources")),
                    str(p.get(ProgrammeDefinition.PREFIX_ + "consoleMenuZh")),
                    str(p.get(ProgrammeDefinition.PREFIX_ + "consoleMenuEn")), List.of(), Set.of()));
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
            URL entry = b.getEntry(path.strip());
            if (entry == null) {
                continue;
            }
            try (InputStream in = entry.openStream()) {
                Matcher m = DECLARED_ID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            } catch (IOException e) {
                LOG.warn("Cannot read {} of {}", path, b.getSymbolicName());
            }
        }
        return ids;
    }

    /** Why a bundle did not resolve: the package imports no bundle offers in a matching version. */
    private String unresolved(Bundle b) {
        Optional<String> refused = guard.refusal(b);
        if (refused.isPresent()) {
            return refused.get();
        }
        BundleRevision revision = b.adapt(BundleRevision.class);
        List<String> missing = new ArrayList<>();
        if (revision != null) {
            for (BundleRequirement r : revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
                if (PackageNamespace.RESOLUTION_OPTIONAL.equals(
                        r.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
                    continue;
                }
                boolean offered = false;
                for (Bundle other : context.getBundles()) {
                    BundleWiring wiring = other.adapt(BundleWiring.class);
                    List<BundleCapability> caps = wiring == null ? null
                            : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE);
                    if (caps != null && caps.stream().anyMatch(r::matches)) {
                        offered = true;
                        break;
                    }
                }
                if (!offered) {
                    missing.add(r.getDirectives().get("filter"));
                }
            }
        }
        return "未能解析 / bundle not resolved" + (missing.isEmpty() ? "" : ": no bundle offers " + missing);
    }

    private Listed withState(Listed l, State state, String reason) {
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
    private String activationFailure(Bundle bundle, String id) {
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
            if (d.properties != null && String.valueOf(id).equals(str(d.properties.get(ProgrammeDefinition.ID)))) {
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        return "activation failed: " + rootCause(c.failure);
                    }
                }
            }
        }
        return "activation failed";
    }

    /** The last "Caused by" of a stack trace, or its first line: what went wrong, in one line. */
    static String rootCause(String failure) {
        if (failure == null || failure.isBlank()) {
            return "activation failed";
        }
        String cause = failure.lines().findFirst().orElse("").strip();
        for (String line : failure.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring(11).strip();
            }
        }
        return cause;
    }

    private static String interfaceOf(ComponentDescriptionDTO d, String reference) {
        return d.references == null ? reference : Arrays.stream(d.references).filter(r -> r.name.equals(reference))
                .map(r -> r.interfaceName).findFirst().orElse(reference);
    }

    private Listed listed(ServiceReference<Programme> ref, String id, Set<Role> roles, State state, String reason,
            List<String> routes) {
        Bundle b = ref.getBundle();
        return new Listed(id == null ? "?" : id, string(ref, ProgrammeDefinition.PREFIX_ + "nameZh"),
                string(ref, ProgrammeDefinition.PREFIX_ + "nameEn"),
                string(ref, ProgrammeDefinition.PREFIX_ + "descriptionZh"),
                string(ref, ProgrammeDefinition.PREFIX_ + "descriptionEn"), b.getVersion().toString(),
                b.getSymbolicName(), b.getBundleId(), state, reason, roles.stream().map(Enum::name).sorted().toList(),
                routes, string(ref, ProgrammeDefinition.PREFIX_ + "consoleResources"),
                string(ref, ProgrammeDefinition.PREFIX_ + "consoleMenuZh"),
                string(ref, ProgrammeDefinition.PREFIX_ + "consoleMenuEn"), List.of(), Set.of());
    }

    /**
     * The programmes FAILED although their component is active (a duplicate id, routes refused): SCR does not see
     * them, so health is told here. Failed activations and unresolved bundles are health's own findings.
     */
    @Override
    public List<HealthCheck.Problem> problems() {
        List<HealthCheck.Problem> out = new ArrayList<>();
        for (Deployed d : deployed.values()) {
            if (d.api == null && (d.listed.reason() == null || !d.listed.reason().startsWith("activation failed"))) {
                out.add(new HealthCheck.Problem(d.listed.bundle(), "programme " + d.listed.id(), "FAILED",
                        d.listed.reason()));
            }
        }
        return out;
    }

    /** The ids of the programmes being served. */
    Set<String> activeIds() {
        Set<String> ids = new HashSet<>();
        for (Deployed d : deployed.values()) {
            if (d.api != null) {
                ids.add(d.listed.id());
            }
        }
        return ids;
    }

    /** An ACTIVE programme's parts of the resident pages: whether its residentResources hold unit.js, poster.js. */
    record Resident(String id, String nameZh, String nameEn, String version, boolean unit, boolean poster) {
    }

    /** The ACTIVE programmes that bring parts of the resident pages ({@code residentResources}). */
    List<Resident> residents() {
        List<Resident> out = new ArrayList<>();
        for (Deployed d : deployed.values()) {
            String folder = string(d.ref, ProgrammeDefinition.PREFIX_ + "residentResources");
            Bundle b = d.ref.getBundle();
            if (d.api == null || folder.isBlank() || b == null) {
                continue;
            }
            String root = folder.replaceAll("^/+|/+$", "");
            try {
                boolean unit = b.getEntry(root + "/unit.js") != null;
                boolean poster = b.getEntry(root + "/poster.js") != null;
                if (unit || poster) {
                    out.add(new Resident(d.listed.id(), d.listed.nameZh(), d.listed.nameEn(), d.listed.version(), unit,
                            poster));
                }
            } catch (IllegalStateException e) {
                // the bundle is going away
            }
        }
        out.sort(java.util.Comparator.comparing(Resident::id));
        return out;
    }

    /** The ACTIVE programmes, serving routes: whose declared roles admit and whose grants are in force. */
    List<Listed> active() {
        return deployed.values().stream().filter(d -> d.api != null).map(Deployed::listed).toList();
    }

    private static String string(ServiceReference<?> ref, String key) {
        return str(ref.getProperty(key));
    }

    private static String str(Object value) {
        if (value instanceof String[] a) {
            return a.length == 0 ? "" : a[0];
        }
        return value == null ? "" : value.toString();
    }

    private static List<String> strings(Object value) {
        if (value instanceof String[] a) {
            return List.of(a);
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    /** The roles the programme declares; unknown names are ignored, none at all means the default staff roles. */
    private static Set<Role> roles(ServiceReference<?> ref) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(ref.getProperty(ProgrammeDefinition.PREFIX_ + "roles"))) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                LOG.warn("Programme property roles names an unknown role {}", name);
            }
        }
        roles.remove(Role.AUDITOR); // the auditor reads the audit log and nothing else
        return roles.isEmpty() ? EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY) : roles;
    }
}
