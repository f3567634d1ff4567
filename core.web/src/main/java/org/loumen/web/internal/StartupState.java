package org.loumen.web.internal;

import java.time.Instant;

import org.loumen.web.PlatformStarted;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Whether the platform has finished starting: the framework reached the launch's start level
 * ({@code loumen.startlevel.target}). Until then health says STARTING, readiness 503, and every other API route
 * answers 503 {@code starting} with Retry-After, rather than 404 for routes whose bundles have not started yet. Then
 * it registers {@link PlatformStarted} for the components that act once start-up is over.
 */
@Component(service = StartupState.class, immediate = true)
public final class StartupState {

    private final BundleContext context;
    /** Felix reports the target level as soon as it starts the first bundle of that level, so the completion event
     * is the signal. */
    private volatile boolean started;
    private ServiceRegistration<PlatformStarted> signal;
    private boolean closed;
    private final FrameworkListener listener = event -> {
        if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED && reachedTarget()) {
            markStarted();
        }
    };

    @Activate
    public StartupState(BundleContext context) {
        this.context = context;
        context.addFrameworkListener(listener);
        // activated after start-up (e.g. this bundle was updated): no completion event will come
        if (reachedTarget()) {
            markStarted();
        }
    }

    @Deactivate
    synchronized void deactivate() {
        closed = true;
        context.removeFrameworkListener(listener);
        if (signal != null) {
            signal.unregister();
            signal = null;
        }
    }

    private synchronized void markStarted() {
        if (started || closed) {
            return;
        }
        started = true;
        Instant at = Instant.now();
        signal = context.registerService(PlatformStarted.class, () -> at, null);
    }

    public boolean started() {
        return started;
    }

    private boolean reachedTarget() {
        FrameworkStartLevel level = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkStartLevel.class);
        return level == null || level.getStartLevel() >= targetStartLevel();
    }

    /** The start level the launch rises to ({@code loumen.startlevel.target}); 1 when not set. */
    private int targetStartLevel() {
        String target = context.getProperty("loumen.startlevel.target");
        try {
            return target == null ? 1 : Integer.parseInt(target.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The answer of every API route but health while starting. */
    static org.loumen.web.ApiException starting() {
        return new org.loumen.web.ApiException(503, "starting", "平台正在启动，请稍后再试 / the platform is starting; "
                + "try again shortly").retryAfter(2);
    }
}
