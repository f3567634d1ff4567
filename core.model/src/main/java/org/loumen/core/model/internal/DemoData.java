package org.loumen.core.model.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.core.db.schema.DatabaseAtStart;
import org.loumen.core.model.HouseholdService;
import org.loumen.core.model.ImportException;
import org.loumen.core.model.LeaderService;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.NewCommunity;
import org.loumen.core.model.OrganisationService;
import org.loumen.web.PlatformStarted;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.condition.Condition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds demo data (invented communities, leaders and households, never real people) when the launcher runs with
 * {@code --demo}
 * (framework property {@code loumen.demo=true}). Idempotent: what exists already is left as it is.
 *
 * <p>Once the tree is in place (or at once without {@code --demo}) it registers the OSGi condition {@value #SEEDED}
 * (a programme's demo content builds on it); once this check is over, {@value #CHECKED}, which the other demo seeders
 * (the demo leaders' accounts in core.identity, the demo projects and training in core.workflow) wait for. Both are
 * registered by hand: as DS-provided services they would be visible before the seeding ran.
 *
 * <p>A warm start of a build that seeded this data folder before (a marker in this bundle's data area, which lives in
 * the framework cache and so goes with any other build), on the embedded database that was there before this start,
 * registers {@value #SEEDED} at once and runs the check, and with it the other seeders', on a thread of its own once
 * the platform has started: on a warm folder the checks find everything in place, and the units' first use they cost
 * is no longer part of the start-up (issue 17). A first start, the first start of a new build, a new database in the
 * folder (DATA/db deleted) and another database (PostgreSQL) seed or check before the platform is up, as before.
 */
@Component(immediate = true)
public final class DemoData {

    static final String DEMO_PROPERTY = "loumen.demo";
    static final String COMMUNITIES = "/demo/communities.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    static final String LEADERS = "/demo/leaders.csv";
    static final String HOUSEHOLDS = "/demo/households.csv";
    /** The {@code osgi.condition.id} registered once the demo data's tree is in place. */
    static final String SEEDED = "loumen.model.seeded";
    /** The {@code osgi.condition.id} registered once this seeder's check is over: the other demo seeders wait for it. */
    static final String CHECKED = "loumen.model.demo-checked";
    /** In this bundle's data area: this build seeded the demo on this data folder before. */
    static final String MARKER = "demo-seeded";

    private final BundleContext context;
    private final Runnable check;
    private final List<ServiceRegistration<Condition>> conditions = new ArrayList<>();
    private boolean closed;
    private boolean checkStarted;

    @Activate
    public DemoData(BundleContext context, @Reference OrganisationService organisation,
            @Reference LeaderService leaders, @Reference HouseholdService households,
            @Reference CoreStore store) {
        this.context = context;
        JpaTemplate jpa = store.jpa();
        this.check = () -> seed(organisation, leaders, households, jpa);
        File marker = context.getDataFile(MARKER);
        if (!Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY))) {
            checkStarted = true;
            register(SEEDED, CHECKED);
        } else if (marker != null && marker.exists() && DatabaseAtStart.existed(context)) {
            register(SEEDED);
        } else {
            checkStarted = true;
            check.run();
            remember(marker);
            register(SEEDED, CHECKED);
        }
    }

    /** Bound when the platform has started (health UP): a warm demo start runs its check now, beside the users. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void started(PlatformStarted started) {
        if (checkStarted || closed) {
            return;
        }
        checkStarted = true;
        Thread thread = new Thread(this::checkAfterStart, "loumen-demo-check");
        thread.setDaemon(true);
        thread.start();
    }

    void unstarted(PlatformStarted started) {
        // the check, once begun, runs to its end
    }

    private void checkAfterStart() {
        try {
            check.run();
        } catch (RuntimeException e) {
            if (!isClosed()) {
                LOG.warn("Demo data check after start failed (演示数据检查失败): {}", e.toString());
            }
            // stopped meanwhile: the next start checks again
            return;
        }
        register(CHECKED);
    }

    @Deactivate
    void deactivate() {
        List<ServiceRegistration<Condition>> registered;
        synchronized (this) {
            closed = true;
            registered = new ArrayList<>(conditions);
            conditions.clear();
        }
        registered.forEach(ServiceRegistration::unregister);
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Registers the conditions outside this object's lock: SCR activates the seeders waiting for one at once, on
     * this thread, and a deactivation meanwhile must not wait for them. */
    private void register(String... ids) {
        for (String id : ids) {
            ServiceRegistration<Condition> registration;
            try {
                registration = context.registerService(Condition.class, Condition.INSTANCE,
                        FrameworkUtil.asDictionary(Map.of(Condition.CONDITION_ID, id)));
            } catch (IllegalStateException e) {
                return; // the bundle is stopping
            }
            synchronized (this) {
                if (!closed) {
                    conditions.add(registration);
                    continue;
                }
            }
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // gone with its bundle already
            }
            return;
        }
    }

    private static void remember(File marker) {
        if (marker == null) {
            return;
        }
        try {
            Files.createDirectories(marker.toPath().getParent());
            Files.writeString(marker.toPath(), "seeded\n");
        } catch (IOException e) {
            LOG.debug("Demo marker not written ({}): the next start checks before UP again", e.toString());
        }
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
