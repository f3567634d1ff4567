/**
 * How a refused model operation ({@link org.loumen.core.model.ModelException}) is answered over HTTP: the one mapping
 * every resource that calls the model uses (400 {@code invalid-field}, 404 {@code not-found}, 409 {@code conflict},
 * 409 {@code stale-version}).
 */
@Export
@Version("1.0.0")
package org.loumen.core.model.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
