/** The ${nameEn} programme (${nameZh}): implementation, not exported. */
package ${package}.internal;
