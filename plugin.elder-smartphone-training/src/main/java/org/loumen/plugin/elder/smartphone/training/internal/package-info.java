/**
 * Programme plug-in for elder smartphone training (老年人智能手机培训: courses, sessions, attendees, skills). Shipped by the
 * launcher into DATA/plugins; its programme arrives on the programme SPI.
 */
package org.loumen.plugin.elder.smartphone.training.internal;
