package org.loumen.core.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.model.HouseholdService;
import org.loumen.core.model.ImportException;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.NewCommunity;
import org.loumen.core.model.OrganisationService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.condition.Condition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds demo data (invented communities, leaders and households, never real people) when the launcher runs with
 * {@code --demo}
 * (framework property {@code loumen.demo=true}). Idempotent: what exists already is left as it is.
 *
 * <p>Once done (or at once without {@code --demo}) it registers the OSGi condition {@value #SEEDED}, so what builds on
 * the demo data (the demo leaders' accounts in core.identity) waits for it. The condition is registered by hand at the
 * end of the constructor: as a DS-provided service it would be visible before the seeding ran.
 */
@Component(immediate = true)
public final class DemoData {

    static final String DEMO_PROPERTY = "loumen.demo";
    static final String COMMUNITIES = "/demo/communities.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    static final String LEADERS = "/demo/leaders.csv";
    static final String HOUSEHOLDS = "/demo/households.csv";
    /** The {@code osgi.condition.id} registered once the demo data is in place. */
    static final String SEEDED = "loumen.model.seeded";

    private final ServiceRegistration<Condition> seeded;

    @Activate
    public DemoData(BundleContext context, @Reference OrganisationService organisation,
            @Reference LeaderService leaders, @Reference HouseholdService households,
            @Reference(target = "(osgi.unit.name=loumen.core)") JpaTemplate jpa) {
        if (Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY))) {
            seed(organisation, leaders, households, jpa);
        }
        seeded = context.registerService(Condition.class, Condition.INSTANCE,
                FrameworkUtil.asDictionary(Map.of(Condition.CONDITION_ID, SEEDED)));
    }

    @Deactivate
    void deactivate() {
        seeded.unregister();
    }

    private static void seed(OrganisationService organisation, LeaderService leaders, HouseholdService households,
            JpaTemplate jpa) {
        int added = 0;
        for (String[] row : Tsv.read(COMMUNITIES, 2)) {
            if (organisation.community(row[0]).isPresent()) {
                continue;
            }
            try {
                organisation.addCommunity(new NewCommunity(row[0], row[1], null));
                added++;
            } catch (ModelException e) {
                LOG.warn("Demo community {} not added: {}", row[0], e.getMessage());
            }
        }
        LOG.info("Demo data: {} communities added (演示数据已加载)", added);
        // leaders and households go through the same import as a spreadsheet from district IT
        Set<String> district = Set.of(organisation.district().code());
        try {
            // On a warm folder these two run at every start, before UP: "is there any row at all" is one trivial
            // statement each, where a district-wide page with its total (as before) cost some 8% of the start-up.
            // Any row means imported: the import is all or nothing.
            if (empty(jpa, "LeaderEntity")) {
                LOG.info("Demo data: {} leaders imported",
                        leaders.importLeaders(resource(LEADERS), district).imported());
            }
            if (empty(jpa, "HouseholdEntity")) {
                LOG.info("Demo data: {} households imported",
                        households.importHouseholds(resource(HOUSEHOLDS), district).imported());
            }
        } catch (ImportException e) {
            throw new IllegalStateException("demo data refused by the import: " + e.problems());
        }
    }

    /** Whether the entity's table has no row at all (one single-row read). */
    static boolean empty(JpaTemplate jpa, String entity) {
        return jpa.txExpr(em -> em.createQuery("select e.id from " + entity + " e",
                Long.class).setMaxResults(1).getResultList().isEmpty());
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
