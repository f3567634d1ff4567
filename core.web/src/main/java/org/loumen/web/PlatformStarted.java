package org.loumen.web;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered once the platform has started (平台启动完成): the framework completed the launch's start level, so every
 * bundle of the launch has started. Until then health says STARTING and API routes answer 503 {@code starting}.
 *
 * <p>The one place that decides "started": a component that must act once start-up is over (mark a cache complete,
 * give back the heap start-up needed) references this service and is activated then, instead of watching the start
 * level itself.
 */
@ProviderType
public interface PlatformStarted {

    /** When the start level was completed. */
    Instant at();
}
