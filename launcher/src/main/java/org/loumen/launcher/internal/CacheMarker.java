package org.loumen.launcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the framework cache kept between starts (see {@code org.loumen.launcher.FrameworkCache}) complete once the
 * framework has reached the launch's start level: every embedded bundle was installed into it. A cache never marked
 * (a start killed while bnd's launcher was installing) is made anew at the next start.
 */
@Component(immediate = true)
public final class CacheMarker {

    private static final Logger LOG = LoggerFactory.getLogger(CacheMarker.class);

    private final BundleContext context;
    private final StartLevelWatch watch;

    @Activate
    public CacheMarker(BundleContext context) {
        this.context = context;
        this.watch = StartLevelWatch.watch(context, this::mark);
        // the level may have been reached before this component activated; every bundle is installed by then
        watch.checkNow();
    }

    @Deactivate
    void deactivate() {
        watch.close();
    }

    private void mark() {
        String marker = context.getProperty("loumen.cache.marker");
        if (marker == null) {
            return;
        }
        try {
            Path file = Path.of(marker);
            if (Files.notExists(file)) {
                Files.writeString(file, "complete\n");
            }
        } catch (IOException e) {
            LOG.warn("框架缓存未能标记为完整，下次启动将重建 / the framework cache could not be marked complete; the next "
                    + "start makes it anew: {}", e.toString());
        }
    }
}
