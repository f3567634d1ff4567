package org.loumen.core.programme.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.loumen.core.model.OrganisationService;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeRole;
import org.loumen.programme.data.PersonalData;
import org.loumen.security.Role;
import org.loumen.web.ApiResource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployed programmes (已部署的项目): follows every {@link Programme} service, puts its routes on the API
 * whiteboard and takes them down when it goes. The listing, with the programmes whose component could not start
 * (failed activation, missing services, bundle not resolved) and why, is {@link ProgrammeDiagnostics}'; health hears
 * of programmes refused here through {@link ProgrammeHealth}.
 */
@Component(service = ProgrammeRegistry.class, immediate = true)
public final class ProgrammeRegistry {

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
    private final ProgrammeDiagnostics diagnostics;
    private final Enablement enablement;
    private final EventAdmin events;
    private final OrganisationService organisation;
    private final DataAccess data;
    private final Map<ServiceReference<Programme>, Deployed> deployed = new ConcurrentHashMap<>();
    private final ServingProgrammes serving;
    private volatile boolean active = true;

    @Activate
    public ProgrammeRegistry(BundleContext context, @Reference ProgrammeDiagnostics diagnostics,
            @Reference Enablement enablement, @Reference EventAdmin events,
            @Reference OrganisationService organisation, @Reference DataAccess data,
            @Reference ServingProgrammes serving) {
        this.serving = serving;
        this.data = data;
        this.organisation = organisation;
        this.context = context;
        this.diagnostics = diagnostics;
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
            fail(ref, base, diagnostics.activationFailure(bundle, id));
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
        deployed.put(ref, new Deployed(ref, diagnostics.withState(base, State.FAILED, reason), null));
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
        Map<Object, Listed> known = new HashMap<>();
        for (Deployed d : deployed.values()) {
            Object serviceId = d.ref.getProperty("service.id");
            known.put(serviceId != null ? serviceId : d.ref, d.listed);
        }
        return diagnostics.list(known);
    }

    /** The programmes deployed but not served (FAILED: a bad id, a duplicate, routes refused, activation failed). */
    List<Listed> refused() {
        return deployed.values().stream().filter(d -> d.api == null).map(Deployed::listed).toList();
    }

    private Listed listed(ServiceReference<Programme> ref, String id, Set<Role> roles, State state, String reason,
            List<String> routes) {
        Bundle b = ref.getBundle();
        return new Listed(id == null ? "?" : id, string(ref, ProgrammeDefinition.NAME_ZH),
                string(ref, ProgrammeDefinition.NAME_EN),
                string(ref, ProgrammeDefinition.DESCRIPTION_ZH),
                string(ref, ProgrammeDefinition.DESCRIPTION_EN), b.getVersion().toString(),
                b.getSymbolicName(), b.getBundleId(), state, reason, roles.stream().map(Enum::name).sorted().toList(),
                routes, string(ref, ProgrammeDefinition.CONSOLE_RESOURCES),
                string(ref, ProgrammeDefinition.CONSOLE_MENU_ZH),
                string(ref, ProgrammeDefinition.CONSOLE_MENU_EN), List.of(), Set.of());
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
            String folder = string(d.ref, ProgrammeDefinition.RESIDENT_RESOURCES);
            Bundle b = d.ref.getBundle();
            if (d.api == null || folder.isBlank() || b == null) {
                continue;
            }
            String root = folder.replaceAll("^/+|/+$", "");
            try {
                boolean unit = BundleEntries.has(b, root + "/unit.js");
                boolean poster = BundleEntries.has(b, root + "/poster.js");
                if (unit || poster) {
                    out.add(new Resident(d.listed.id(), d.listed.nameZh(), d.listed.nameEn(), d.listed.version(), unit,
                            poster));
                }
            } catch (IllegalStateException e) {
                // the bundle is going away
            }
        }
        out.sort(Comparator.comparing(Resident::id));
        return out;
    }

    /** The ACTIVE programmes, serving routes: whose declared roles admit and whose grants are in force. */
    List<Listed> active() {
        return deployed.values().stream().filter(d -> d.api != null).map(Deployed::listed).toList();
    }

    private static String string(ServiceReference<?> ref, String key) {
        return ServiceProps.str(ref.getProperty(key));
    }

    /** The roles the programme declares; unknown names are ignored, none at all means the default staff roles. */
    private static Set<Role> roles(ServiceReference<?> ref) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : ServiceProps.strings(ref.getProperty(ProgrammeDefinition.ROLES))) {
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
