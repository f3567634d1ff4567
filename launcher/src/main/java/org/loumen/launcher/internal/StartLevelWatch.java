package org.loumen.launcher.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Runs an action once, when the framework has completed the launch's start level ({@code loumen.startlevel.target}).
 *
 * <p>The completion event is the signal: Felix reports the target level as soon as it starts the first bundle of that
 * level, so a bundle of that level that asks at its own activation sees the level reached while its neighbours have
 * not started yet. Only a caller content with "every bundle installed" may also ask at once ({@link #checkNow()}).
 */
final class StartLevelWatch implements FrameworkListener, AutoCloseable {

    private final BundleContext context;
    private final Runnable action;
    private boolean done;

    private StartLevelWatch(BundleContext context, Runnable action) {
        this.context = context;
        this.action = action;
    }

    /** Starts watching; {@link #close()} stops. */
    static StartLevelWatch watch(BundleContext context, Runnable action) {
        StartLevelWatch watch = new StartLevelWatch(context, action);
        context.addFrameworkListener(watch);
        return watch;
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            checkNow();
        }
    }

    /** Runs the action if the level is reached and it has not run yet. */
    synchronized void checkNow() {
        if (!done && reached()) {
            done = true;
            action.run();
        }
    }

    @Override
    public void close() {
        context.removeFrameworkListener(this);
    }

    private boolean reached() {
        FrameworkStartLevel level = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkStartLevel.class);
        return level == null || level.getStartLevel() >= target(context.getProperty("loumen.startlevel.target"));
    }

    /** The launch's start level; 1 when not set or not a number. */
    static int target(String property) {
        try {
            return property == null ? 1 : Integer.parseInt(property.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
