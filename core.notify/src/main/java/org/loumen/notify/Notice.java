package org.loumen.notify;

import java.util.Objects;

/**
 * What people are told (通知内容). Texts are Chinese first, then English ({@code "重大问题 / Major problem"}), and hold
 * no personal data of households: name the object by its number and link to it.
 *
 * @param key   the idempotency key: one notice per key, ever (e.g. {@code report-overdue:42:1764480000000}); a second
 *              publication with the same key is ignored. At most 160 characters
 * @param kind  what kind of notice, e.g. {@code report.major}, {@code report.overdue}, or a programme's own
 *              ({@code programme.<id>.<what>}); at most 60 characters
 * @param node  the code of the place it concerns (district, street, community, building or unit)
 * @param title a one-line title, at most 200 characters
 * @param body  the text, at most 1000 characters
 * @param link  the console path of the object, e.g. {@code /reports/42} (opened as {@code #/reports/42}), or
 *              {@code null}
 */
public record Notice(String key, String kind, String node, String title, String body, String link) {

    public Notice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(title, "title");
        body = body == null ? "" : body;
        if (key.isBlank() || key.length() > 160) {
            throw new IllegalArgumentException("key must be 1-160 characters");
        }
        if (kind.isBlank() || kind.length() > 60) {
            throw new IllegalArgumentException("kind must be 1-60 characters");
        }
        if (title.length() > 200 || body.length() > 1000) {
            throw new IllegalArgumentException("title at most 200, body at most 1000 characters");
        }
    }
}
