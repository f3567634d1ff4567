/**
 * Programme plug-in for volunteer service brands (志愿服务品牌: teams, members, activities, service hours). Shipped by
 * the launcher into DATA/plugins so it can be removed or replaced at runtime; its programme arrives on the programme SPI.
 */
package org.loumen.plugin.volunteer.brands.internal;
