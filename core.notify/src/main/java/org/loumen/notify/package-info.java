/**
 * Notifications (通知): publish a notice to the people who must hear of it ({@link org.loumen.notify.Notifier}), and
 * carry notices to channels outside the platform ({@link org.loumen.notify.NotificationChannel}, a district's SMS
 * gateway or government messaging platform). Every notice lands in each recipient's inbox (站内通知); channels are
 * delivered after the fact by the platform, at least once, with the notice's key as the idempotency key.
 *
 * <p>Notices carry no personal data of households: a title, a short text and a link to the object in the console.
 */
@Export
@Version("1.0.0")
package org.loumen.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
