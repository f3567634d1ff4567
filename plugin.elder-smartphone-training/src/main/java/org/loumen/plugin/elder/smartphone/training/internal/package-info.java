/**
 * Programme plug-in for elder smartphone training (老年人智能手机培训): courses run in communities on skills such as
 * health codes, mobile payment and video calls, the elders enrolled, and who completed. Not exported.
 */
package org.loumen.plugin.elder.smartphone.training.internal;
