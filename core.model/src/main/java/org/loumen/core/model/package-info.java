/**
 * The organisation tree of a district (区 → 街道/镇 → 社区/村), keyed by the national statistical division codes
 * (统计用区划代码), as interfaces and immutable DTOs. Entities stay private to the bundle.
 */
@Export
@Version("1.1.0")
package org.loumen.core.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
