/**
 * Programme plug-in pairing people's mediators (人民调解员) with leaders, with dispute screening (矛盾纠纷排查) and cases.
 * Shipped by the launcher into DATA/plugins; its programme arrives on the programme SPI.
 */
package org.loumen.plugin.mediation.internal;
