package org.loumen.core.programme.internal;

import java.util.ArrayList;
import java.util.List;

import org.loumen.core.db.schema.DatabaseAtStart;
import org.loumen.core.model.OrganisationService;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.web.PlatformStarted;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With demo data ({@code loumen.demo=true}), enables a programme for the streets its
 * {@link ProgrammeDefinition#demoStreets()} names, the first time the platform sees it, so a demo shows the street
 * programmes at work. A programme any street has switched on or off before is left alone.
 *
 * <p>On a database that existed at launch the programmes are almost always known already: they are looked at once the
 * platform has started, on a thread of their own, so a warm start does not read the enablement table on the start
 * level's thread (issue 17). On a new database (the demo's first start) they are enabled before UP, as they register.
 */
@Component(service = {})
public final class DemoEnablement {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEnablement.class);
    private static final String DEMO_STREETS = ProgrammeDefinition.DEMO_STREETS;

    private final Enablement enablement;
    private final OrganisationService organisation;
    private final boolean demo;
    /** Demo data on a database that existed at launch: programmes registered before the start are looked at after it. */
    private final boolean deferred;
    private final List<ServiceReference<Programme>> pending = new ArrayList<>();
    private boolean started;

    @Activate
    public DemoEnablement(BundleContext context, @Reference Enablement enablement,
            @Reference OrganisationService organisation) {
        this.enablement = enablement;
        this.organisation = organisation;
        this.demo = Boolean.parseBoolean(context.getProperty("loumen.demo"));
        this.deferred = demo && DatabaseAtStart.existed(context);
    }

    @Reference(service = Programme.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addProgramme(ServiceReference<Programme> ref) {
        if (!demo) {
            return;
        }
        synchronized (this) {
            if (deferred && !started) {
                pending.add(ref);
                return;
            }
        }
        enable(ref);
    }

    /** Once the platform has started: the programmes registered before, on a thread of their own. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void started(PlatformStarted platform) {
        List<ServiceReference<Programme>> waiting;
        synchronized (this) {
            started = true;
            waiting = new ArrayList<>(pending);
            pending.clear();
        }
        if (!waiting.isEmpty()) {
            Thread t = new Thread(() -> waiting.forEach(this::enableQuietly), "loumen-demo-enablement");
            t.setDaemon(true);
            t.start();
        }
    }

    void unstarted(PlatformStarted platform) {
        // nothing to undo
    }

    private void enableQuietly(ServiceReference<Programme> ref) {
        try {
            enable(ref);
        } catch (RuntimeException e) {
            LOG.warn("demo: programme {} not enabled: {}", ref.getProperty(ProgrammeDefinition.ID), e.getMessage());
        }
    }

    private void enable(ServiceReference<Programme> ref) {
        Object id = ref.getProperty(ProgrammeDefinition.ID);
        String[] streets = streets(ref.getProperty(DEMO_STREETS));
        if (!(id instanceof String programme) || streets.length == 0 || enablement.known(programme)) {
            return;
        }
        for (String street : streets) {
            if (organisation.street(street).isPresent()) {
                enablement.set(street, programme, true, "demo");
                LOG.info("demo: programme {} enabled for street {}", programme, street);
            }
        }
    }

    synchronized void removeProgramme(ServiceReference<Programme> ref) {
        // enablement outlives the programme's service: nothing to undo but a look not yet taken
        pending.remove(ref);
    }

    private static String[] streets(Object value) {
        if (value instanceof String[] a) {
            return a;
        }
        return value instanceof String s ? new String[] { s } : new String[0];
    }
}
