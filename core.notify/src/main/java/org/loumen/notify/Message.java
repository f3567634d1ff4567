package org.loumen.notify;

import java.time.Instant;

/**
 * One delivery handed to a {@link NotificationChannel}.
 *
 * @param idempotencyKey the same for every attempt of this delivery: a receiver that sees it twice drops the second
 * @param kind           the notice's kind
 * @param node           the code of the place it concerns
 * @param title          the title (Chinese first)
 * @param body           the text (Chinese first)
 * @param url            the absolute address of the object in the console, or {@code null}
 * @param address        where to: the recipient's address on this channel (an e-mail address), or {@code null} for a
 *                       group channel (a robot posting to a group)
 * @param at             when the notice was published
 */
public record Message(String idempotencyKey, String kind, String node, String title, String body, String url,
        String address, Instant at) {
}
