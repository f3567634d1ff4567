package org.loumen.launcher.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the framework in order when the process is asked to end (SIGTERM, SIGINT): every bundle is stopped, so the
 * database shuts down cleanly (Derby's bundle stop does) and in-flight requests finish. bnd's launcher registers no
 * such hook itself.
 */
@Component(immediate = true)
public final class GracefulShutdown {

    /** Longest wait for an orderly stop before the JVM exits anyway. */
    static final long STOP_TIMEOUT_MS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final Thread hook;

    @Activate
    public GracefulShutdown(BundleContext context) {
        Framework framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        hook = new Thread(() -> stop(framework), "loumen-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private static void stop(Framework framework) {
        LOG.info("Shutting down (正在关闭)");
        try {
            framework.stop();
            framework.waitForStop(STOP_TIMEOUT_MS);
        } catch (BundleException | InterruptedException e) {
            LOG.warn("Orderly shutdown incomplete: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: this hook is the one stopping us
        }
    }
}
