package org.loumen.web;

import org.loumen.web.internal.Json;

/**
 * Answers written as JSON by the dispatcher's own rules (dates as ISO text, java.time types), now rather than when the
 * response is sent: a component that answers for others (the programme platform) turns a body that cannot be written
 * into its own error, with the culprit named, instead of a bare 500.
 *
 * @since 2.5
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The body as a JSON tree, ready to be returned by a handler.
     *
     * @throws IllegalArgumentException when the body cannot be written as JSON
     */
    public static Object written(Object body) {
        return body == null ? null : Json.tree(body);
    }
}
