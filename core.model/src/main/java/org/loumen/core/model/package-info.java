/**
 * The organisation tree of a district (区 → 街道/镇 → 社区/村 → 网格 → 楼栋 → 楼门), keyed by the national statistical
 * division codes (统计用区划代码) and codes derived from them; the leaders (楼门栋长) with their assignments and the
 * households (住户), with spreadsheet import and export and the profile report. Interfaces and immutable DTOs; the
 * entities stay private to the bundle. (1.5: {@link org.loumen.core.model.ModelException} is a domain
 * {@link org.loumen.domain.Refusal}; 1.6: {@link org.loumen.core.model.Page#totalCapped()}, listings count up to a
 * cap; 1.7: {@link org.loumen.core.model.Page#next()} and
 * {@link org.loumen.core.model.HouseholdService#findAfter}, households paged by key;
 * {@link org.loumen.core.model.LeaderQuery#statuses()}, leaders in any of several statuses.)
 */
@Export
@Version("1.9.0")
package org.loumen.core.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
