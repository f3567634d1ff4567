/**
 * How a refused model operation ({@link org.loumen.core.model.ModelException}) is answered over HTTP (400
 * {@code invalid-field}, 404 {@code not-found}, 409 {@code conflict}, 409 {@code stale-version}). 1.1: deprecated,
 * the model's refusals are domain {@link org.loumen.domain.Refusal}s which the dispatcher answers for every bundle.
 */
@Export
@Version("1.1.0")
package org.loumen.core.model.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
