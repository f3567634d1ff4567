/**
 * Programme plug-in 我的楼门 管家活动 (双港镇): stewards, the unit convention, duty rotas, unit activities, household
 * points and the points shop, the monthly best-unit ranking; with parts on the resident unit page and door poster.
 * Shipped by the launcher into DATA/plugins; not exported.
 */
package org.loumen.plugin.my.building.internal;
