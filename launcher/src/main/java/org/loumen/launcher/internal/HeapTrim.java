package org.loumen.launcher.internal;

import org.loumen.web.PlatformStarted;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Once the platform has started ({@link PlatformStarted}), collects the heap once on its own thread, so that what
 * start-up alone needed (bundle installs, persistence units, the demo seeding) is given back and the heap shrinks to
 * the free ratio the launcher set (see {@code org.loumen.launcher.HeapSizing}). It is a full, stop-the-world
 * collection of about 30–60 MB live: a pause of some tens of milliseconds on an idle machine (longer on a loaded one),
 * once, as the platform turns UP.
 */
@Component(immediate = true)
public final class HeapTrim {

    @Activate
    public HeapTrim(@Reference PlatformStarted started) {
        trim();
    }

    private static void trim() {
        Thread gc = new Thread(System::gc, "loumen-heap-trim");
        gc.setDaemon(true);
        gc.start();
    }
}
