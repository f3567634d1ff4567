package org.loumen.launcher.internal;

import org.osgi.framework.BundleContext;
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

    private final StartLevelWatch watch;

    @Activate
    public HeapTrim(BundleContext context) {
        // on the completion event only: this bundle is one of the last level's, so at its activation the level is
        // already reported while the others still start
        this.watch = StartLevelWatch.watch(context, HeapTrim::trim);
    }

    @Deactivate
    void deactivate() {
        watch.close();
    }

    private static void trim() {
        Thread gc = new Thread(System::gc, "loumen-heap-trim");
        gc.setDaemon(true);
        gc.start();
    }
}
