package org.loumen.launcher.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Once the framework has reached the launch's start level, collects the heap once on its own thread, so that what
 * start-up alone needed (bundle installs, persistence units, the demo seeding) is given back and the heap shrinks to
 * the free ratio the launcher set (see {@code org.loumen.launcher.HeapSizing}). It is a full, stop-the-world
 * collection of about 30–60 MB live: a pause of some tens of milliseconds on an idle machine (longer on a loaded one),
 * once, as the platform turns UP.
 */
@Component(immediate = true)
public final class HeapTrim {

    private final BundleContext context;
    private volatile boolean done;
    private final FrameworkListener listener = event -> {
        if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            trimOnceStarted();
        }
    };

    @Activate
    public HeapTrim(BundleContext context) {
        this.context = context;
        // The event that the launch's start level is complete, not the level itself: Felix reports the target level
        // as soon as it starts the first bundle of that level, and this bundle is one of them.
        context.addFrameworkListener(listener);
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(listener);
    }

    private synchronized void trimOnceStarted() {
        if (done || !started()) {
            return;
        }
        done = true;
        Thread gc = new Thread(System::gc, "loumen-heap-trim");
        gc.setDaemon(true);
        gc.start();
    }

    private boolean started() {
        FrameworkStartLevel level = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
                .adapt(FrameworkStartLevel.class);
        String target = context.getProperty("loumen.startlevel.target");
        int wanted;
        try {
            wanted = target == null ? 1 : Integer.parseInt(target.strip());
        } catch (NumberFormatException e) {
            wanted = 1;
        }
        return level == null || level.getStartLevel() >= wanted;
    }
}
