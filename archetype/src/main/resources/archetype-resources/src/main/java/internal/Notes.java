package ${package}.internal;

import java.time.Instant;

import org.loumen.web.ApiException;

/** The rules of a note, kept apart from the component so a plain unit test covers them. */
final class Notes {

    /** What a client sends to add a note. */
    record NewNote(String text) {
    }

    /** A note as clients see it (a record: Jackson writes its components as JSON). */
    record Note(long id, String street, String text, String createdBy, Instant createdAt) {
    }

    static final int MAX_LENGTH = 500;

    private Notes() {
    }

    /** The note's text, trimmed; a 400 naming the field when it is empty or too long. */
    static String text(NewNote note) throws ApiException {
        String text = note.text() == null ? "" : note.text().strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw ApiException.invalidField("text", "须为 1–" + MAX_LENGTH + " 个字 / text must have 1 to " + MAX_LENGTH
                    + " characters");
        }
        return text;
    }
}
