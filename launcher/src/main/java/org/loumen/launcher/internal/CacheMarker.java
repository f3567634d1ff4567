package org.loumen.launcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.loumen.web.PlatformStarted;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the framework cache kept between starts (see {@code org.loumen.launcher.FrameworkCache}) complete once the
 * platform has started ({@link PlatformStarted}): every embedded bundle was installed into it. A cache never marked
 * (a start killed while bnd's launcher was installing) is made anew at the next start.
 */
@Component(immediate = true)
public final class CacheMarker {

    private static final Logger LOG = LoggerFactory.getLogger(CacheMarker.class);

    @Activate
    public CacheMarker(BundleContext context, @Reference PlatformStarted started) {
        mark(context);
    }

    private static void mark(BundleContext context) {
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
