/** The notifications' implementation: entities, the notifier, the scans, the delivery worker, channels, routes. */
package org.loumen.core.notify.internal;
