package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.loumen.web.ApiException;

class NotesTest {

    @Test
    void aNoteIsTrimmedAndMustSaySomething() throws ApiException {
        assertEquals("楼道灯已修好", Notes.text(new Notes.NewNote("  楼道灯已修好 ")));
        assertEquals("text", assertThrows(ApiException.class, () -> Notes.text(new Notes.NewNote(" "))).field());
        assertEquals("text", assertThrows(ApiException.class,
                () -> Notes.text(new Notes.NewNote("字".repeat(Notes.MAX_LENGTH + 1)))).field());
    }
}
