/**
 * Programme plug-in pairing people's mediators (人民调解员) with building leaders (楼门栋长结对), and the disputes
 * they screen and mediate together (矛盾纠纷排查化解). Shipped by the launcher into DATA/plugins; not exported.
 */
package org.loumen.plugin.mediation.internal;
