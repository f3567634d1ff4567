package org.loumen.core.programme.internal;

import org.loumen.core.model.OrganisationService;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
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
 */
@Component(service = {})
public final class DemoEnablement {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEnablement.class);
    private static final String DEMO_STREETS = ProgrammeDefinition.DEMO_STREETS;

    private final Enablement enablement;
    private final OrganisationService organisation;
    private final boolean demo;

    @Activate
    public DemoEnablement(BundleContext context, @Reference Enablement enablement,
            @Reference OrganisationService organisation) {
        this.enablement = enablement;
        this.organisation = organisation;
        this.demo = Boolean.parseBoolean(context.getProperty("loumen.demo"));
    }

    @Reference(service = Programme.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addProgramme(ServiceReference<Programme> ref) {
        if (!demo) {
            return;
        }
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

    void removeProgramme(ServiceReference<Programme> ref) {
        // enablement outlives the programme's service: nothing to undo
    }

    private static String[] streets(Object value) {
        if (value instanceof String[] a) {
            return a;
        }
        return value instanceof String s ? new String[] { s } : new String[0];
    }
}
