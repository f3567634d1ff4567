package org.loumen.web;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Collects the routes of one {@link ApiResource}.
 *
 * <p>Paths are relative to {@code /api/v1}, start with {@code /}, and may hold {@code {name}} segments that
 * {@link ApiRequest#pathParam(String)} returns, e.g. {@code /streets/{street}/communities}. A literal segment wins
 * over a parameter segment, so {@code /streets/count} and {@code /streets/{street}} can coexist.
 *
 * <p>Every route declares its {@link Access}: there is no route without an access rule.
 */
@ProviderType
public interface Routes {

    Routes get(String path, Access access, Handler handler);

    Routes post(String path, Access access, Handler handler);

    Routes put(String path, Access access, Handler handler);

    Routes delete(String path, Access access, Handler handler);
}
