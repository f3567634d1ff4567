package org.loumen.core.model.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.loumen.core.model.DivisionCodes;
import org.loumen.core.model.ModelException;
import org.loumen.core.model.ModelException.Reason;

/**
 * The opaque cursor of the household listing paged by key: the (unit, room) of a page's last household, as
 * URL-safe Base64 of {@code "h1:" + unit + "\n" + room} (the prefix names the format, so it may change later).
 * Opaque to clients: they pass back what they were given.
 */
record HouseholdCursor(String unit, String room) {

    private static final String PREFIX = "h1:";

    /** The cursor as answered. */
    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + unit + "\n" + room).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; refused (field {@code after}) unless it is one this listing gives out. */
    static HouseholdCursor decode(String cursor) throws ModelException {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor == null ? "" : cursor.strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
        int cut = text.indexOf('\n');
        if (!text.startsWith(PREFIX) || cut < 0) {
            throw bad();
        }
        String unit = text.substring(PREFIX.length(), cut);
        String room = text.substring(cut + 1);
        if (!DivisionCodes.hasUnitForm(unit) || room.isEmpty() || room.length() > 20) {
            throw bad();
        }
        return new HouseholdCursor(unit, room);
    }

    private static ModelException bad() {
        return new ModelException(Reason.INVALID, "after",
                "after 不是本列表给出的翻页游标（请从第一页重新翻页） / after is not a cursor this listing gave out "
                        + "(start again from the first page)");
    }
}
