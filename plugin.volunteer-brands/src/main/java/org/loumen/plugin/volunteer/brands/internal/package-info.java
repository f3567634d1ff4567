/**
 * Programme plug-in for volunteer service brands (志愿服务品牌): each community's named volunteer teams (e.g.
 * 双港镇「港湾之家」) and the activities they run, with volunteers and service hours. Shipped by the launcher into
 * DATA/plugins; not exported.
 */
package org.loumen.plugin.volunteer.brands.internal;
