/**
 * The JSON HTTP API of Loumen (楼门): how bundles contribute routes under {@code /api/v1}.
 *
 * <p>A bundle registers an {@link org.loumen.web.ApiResource} service (whiteboard); the core dispatcher collects
 * every resource, matches requests against their route templates and maps errors to JSON in one place, so a resource
 * only turns requests into domain calls. Every route declares its {@link org.loumen.web.Access} rule, which the
 * dispatcher enforces and audits before the handler runs (2.0: routes without a rule no longer exist; 2.1:
 * {@link org.loumen.web.Access#area} for work inside a node, such as a street's programmes; 2.2: shared input rules
 * {@link org.loumen.web.Inputs}, {@link org.loumen.web.StoreConflict}, bounded lists and Retry-After on errors; 2.3: {@link org.loumen.web.ApiRequest#hasBody()}, a body readable
 * both as bytes and as JSON, one {@code missing-body} code, strict JSON types, {@link org.loumen.web.Access#orGranted}
 * and {@link org.loumen.web.GrantedRoles} for roles that programmes declare; 2.4:
 * {@link org.loumen.web.Diagnostics}, the shared reasons of health and the programme listing; 2.5:
 * {@link org.loumen.web.JsonBodies}, an answer written as JSON by the dispatcher's own rules before it leaves;
 * 2.6: handlers may let a domain {@link org.loumen.domain.Refusal} through, answered by
 * {@link org.loumen.web.ApiException#of} in one place; {@link org.loumen.web.StoreConflict} is deprecated for
 * {@link org.loumen.domain.StoreConflict} and {@link org.loumen.web.Inputs} delegates to
 * {@link org.loumen.domain.InputRules}; 2.8: {@link org.loumen.web.PlatformStarted}, the one signal that start-up
 * is over).
 */
@Export
@Version("2.8.0")
package org.loumen.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
