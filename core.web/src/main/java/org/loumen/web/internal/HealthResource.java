package org.loumen.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiResource;
import org.loumen.web.Diagnostics;
import org.loumen.web.Routes;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * {@code GET /api/v1/health}: STARTING until the framework reaches the launch's start level (components not counted
 * meanwhile: 0 of 0); then UP when every
 * bundle is active and every enabled component is satisfied, otherwise DEGRADED, naming each bundle or component at
 * fault and why. Answers 200 in every case: the platform is serving. {@code /health/live} (liveness) answers 200
 * whenever the process serves HTTP; {@code /health/ready} (readiness) 503 {@code starting} until started. The reasons
 * (root cause, imports nobody offers, missing services) are the shared {@link Diagnostics}'.
 */
@Component(service = ApiResource.class)
public final class HealthResource implements ApiResource {

    private static final Pattern PACKAGE_FILTER = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]+)\\)");

    /** A health entry for one bundle or component that is not as it should be. */
    public record Problem(String bundle, String component, String state, String reason) {
    }

    public record Counts(int total, int active) {
    }

    /** One row of {@code GET /system/bundles}. */
    public record BundleInfo(long id, String symbolicName, String version, String state, String location,
            Instant startedAt) {
    }

    public record Health(String status, String version, Instant startedAt, long uptimeSeconds, Counts bundles,
            Counts components, List<Problem> problems) {
    }

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final StartupState startup;
    private final Diagnostics diagnostics;
    private final Instant startedAt = Instant.now();

    /** Problems other bundles see (e.g. programmes FAILED with a duplicate id). */
    @org.osgi.service.component.annotations.Reference(cardinality =
            org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private final List<org.loumen.web.HealthCheck> checks = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public HealthResource(BundleContext context, @Reference ServiceComponentRuntime scr,
            @Reference StartupState startup, @Reference Diagnostics diagnostics) {
        this.context = context;
        this.diagnostics = diagnostics;
        this.scr = scr;
        this.startup = startup;
        context.addBundleListener(startTimes);
        Instant now = Instant.now();
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.ACTIVE) {
                lastStarted.put(b.getBundleId(), now);
            }
        }
    }

    /**
     * When each bundle last started, seen from here: district IT (and the hot-deploy test) can tell that deploying
     * a programme left the core bundles alone: same ids, same states, no restart.
     */
    private final Map<Long, Instant> lastStarted = new ConcurrentHashMap<>();
    private final SynchronousBundleListener startTimes = event -> {
        if (event.getType() == BundleEvent.STARTED) {
            lastStarted.put(event.getBundle().getBundleId(), Instant.now());
        } else if (event.getType() == BundleEvent.UNINSTALLED) {
            lastStarted.remove(event.getBundle().getBundleId());
        }
    };

    @Deactivate
    void deactivate() {
        context.removeBundleListener(startTimes);
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/health", Access.publicRoute(), request -> health())
                // liveness: the process serves HTTP (a load balancer or Kubernetes restarts it otherwise)
                .get("/health/live", Access.publicRoute(), request -> Map.of("status", "LIVE"))
                // readiness: started, so every route answers; 503 while starting
                .get("/health/ready", Access.publicRoute(), request -> {
                    if (!startup.started()) {
                        throw StartupState.starting();
                    }
                    return Map.of("status", "READY");
                })
                .get("/system/bundles", Access.within(Role.DISTRICT_ADMIN), request -> bundles());
    }

    List<BundleInfo> bundles() {
        List<BundleInfo> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            out.add(new BundleInfo(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(),
                    stateName(b.getState()), b.getLocation(), lastStarted.get(b.getBundleId())));
        }
        return out;
    }

    Health health() {
        List<Problem> problems = new ArrayList<>();
        Bundle[] bundles = context.getBundles();
        int activeBundles = 0;
        FrameworkStartLevel frameworkLevel = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkStartLevel.class);
        boolean starting = !startup.started();
        for (Bundle b : bundles) {
            try {
                if (b.getState() == Bundle.ACTIVE) {
                    activeBundles++;
                } else if (!starting && b.getState() != Bundle.STARTING && b.getState() != Bundle.UNINSTALLED
                        && !isFragment(b)) {
                    problems.add(new Problem(b.getSymbolicName(), null, stateName(b.getState()),
                            bundleReason(b, frameworkLevel)));
                }
            } catch (IllegalStateException | IllegalArgumentException e) {
                // uninstalled while we looked (a plug-in being removed): it is no longer part of the picture
            }
        }
        if (starting) {
            // Polled while the platform starts (often every few ms): walking every component's DTOs then costs the
            // start-up itself CPU (a third of the start level thread's, profiled polling every 20 ms), and the
            // answer is STARTING whatever they say. Counted once started.
            return new Health("STARTING", context.getBundle().getVersion().toString(), startedAt,
                    Duration.between(startedAt, Instant.now()).toSeconds(), new Counts(bundles.length, activeBundles),
                    new Counts(0, 0), problems);
        }
        int componentsTotal = 0;
        int componentsActive = 0;
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                componentsTotal++;
                switch (c.state) {
                    case ComponentConfigurationDTO.ACTIVE, ComponentConfigurationDTO.SATISFIED -> componentsActive++;
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> problems.add(new Problem(
                            d.bundle.symbolicName, d.name, "UNSATISFIED_REFERENCE", "missing services: "
                            + String.join(", ", diagnostics.missingServices(d, c.unsatisfiedReferences))));
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> problems.add(new Problem(
                            d.bundle.symbolicName, d.name, "FAILED_ACTIVATION", diagnostics.rootCause(c.failure)));
                    default -> {
                        // UNSATISFIED_CONFIGURATION: waiting for configuration is a normal state
                    }
                }
            }
        }
        for (org.loumen.web.HealthCheck check : checks) {
            try {
                for (org.loumen.web.HealthCheck.Problem p : check.problems()) {
                    problems.add(new Problem(p.bundle(), p.component(), p.state(), p.reason()));
                }
            } catch (RuntimeException e) {
                problems.add(new Problem("?", check.getClass().getName(), "FAILED", "health check failed: " + e));
            }
        }
        return new Health(starting ? "STARTING" : problems.isEmpty() ? "UP" : "DEGRADED",
                context.getBundle().getVersion().toString(),
                startedAt, Duration.between(startedAt, Instant.now()).toSeconds(),
                new Counts(bundles.length, activeBundles), new Counts(componentsTotal, componentsActive),
                problems);
    }

    private static boolean isFragment(Bundle b) {
        return b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    /** Why a bundle is not active: for an unresolved one, the imported packages nobody exports. */
    private String bundleReason(Bundle b, FrameworkStartLevel framework) {
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        String aboveLevel = level != null && framework != null && level.getStartLevel() > framework.getStartLevel()
                ? "start level " + level.getStartLevel() + " is above the framework's " + framework.getStartLevel()
                : null;
        if (b.getState() == Bundle.RESOLVED) {
            return aboveLevel != null ? aboveLevel
                    : "resolved but not started (its activation failed or it was stopped)";
        }
        if (b.getState() != Bundle.INSTALLED) {
            return "state " + stateName(b.getState());
        }
        List<String> missing = new ArrayList<>();
        // only computed for an unresolved bundle: health is polled, and this walks every wiring
        for (String filter : diagnostics.missingImports(b)) {
            Matcher m = PACKAGE_FILTER.matcher(String.valueOf(filter));
            if (m.find()) {
                missing.add(m.group(1));
            }
        }
        // missing packages say more than the start level (which only says why no resolve was attempted)
        return !missing.isEmpty() ? "unresolved: missing packages " + String.join(", ", missing)
                : aboveLevel != null ? aboveLevel : "unresolved";
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> String.valueOf(state);
        };
    }
}
