package org.loumen.web.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;

import org.loumen.web.Inputs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/**
 * The one JSON configuration of the API: strict on input, ISO dates on output. Every string of a body passes the
 * shared text rule ({@link Inputs#text}: NFC, no control or bidi characters; line breaks only in the free-text
 * fields named in {@link #MULTILINE}) and every date the shared range ({@link Inputs#dateProblem}).
 */
final class Json {

    /** Fields that hold free text, where line breaks and tabs are allowed. */
    static final Set<String> MULTILINE = Set.of("description", "minutes", "note", "summary", "resolution", "decision",
            "reason", "text", "details", "slogan");

    /** A value refused by a shared input rule; answered 400 {@code invalid-field} naming the field. */
    static final class Refused extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        Refused(JsonParser p, String message) {
            super(p, message);
        }
    }

    private static final class CleanText extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        CleanText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String name = p.currentName();
            String problem = Inputs.textProblem(value, name != null && MULTILINE.contains(name));
            if (problem != null) {
                throw new Refused(p, problem);
            }
            return Inputs.normalise(value);
        }
    }

    private static final class SaneDate extends StdScalarDeserializer<LocalDate> {
        private static final long serialVersionUID = 1L;

        SaneDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate d = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            String problem = Inputs.dateProblem(d);
            if (problem != null) {
                throw new Refused(p, problem);
            }
            return d;
        }
    }

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("loumen-inputs").addDeserializer(String.class, new CleanText())
                    .addDeserializer(LocalDate.class, new SaneDate()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // an unknown field is a client mistake worth naming, not something to ignore silently
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }
}
