package org.loumen.launcher.internal;

import java.util.concurrent.TimeUnit;

import org.loumen.core.db.schema.FirstUse;
import org.loumen.web.PlatformStarted;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Once the platform has started ({@link PlatformStarted}) and the work done in the background after it
 * ({@link FirstUse}) is over, collects the heap once on its own thread, so that what start-up alone needed (bundle
 * installs, persistence units, the demo seeding) is given back and the heap shrinks to
 * the free ratio the launcher set (see {@code org.loumen.launcher.HeapSizing}). It is a full, stop-the-world
 * collection of about 30–60 MB live: a pause of some tens of milliseconds on an idle machine (longer on a loaded one),
 * once, soon after the platform turns UP.
 */
@Component(immediate = true)
public final class HeapTrim {

    private static final long SETTLE_MILLIS = 50;
    private static final long MAX_WAIT_SECONDS = 30;

    @Activate
    public HeapTrim(@Reference PlatformStarted started) {
        trim();
    }

    private static void trim() {
        Thread gc = new Thread(HeapTrim::afterFirstUses, "loumen-heap-trim");
        gc.setDaemon(true);
        gc.start();
    }

    /**
     * The work components do before their data's first use runs in the background once the platform has started
     * (units deployed, data checked): the collection waits for it, or it would give back only what the start level
     * needed and the heap would grow again right after (RSS 2 s after UP 272 vs 198 MB, issue 17).
     */
    private static void afterFirstUses() {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
            Thread.sleep(SETTLE_MILLIS); // the started() of every component queues its gate meanwhile
            while (!FirstUse.backgroundIdle() && System.nanoTime() < deadline) {
                Thread.sleep(SETTLE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        System.gc();
    }
}
