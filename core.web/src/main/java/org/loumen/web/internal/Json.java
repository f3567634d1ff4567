package org.loumen.web.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.loumen.web.Inputs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
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
public final class Json {

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

    /**
     * A JSON value of another type where a text is declared ({@code "title":5}): answered 400 {@code invalid-field}
     * naming the field, instead of Jackson's silent coercion of numbers and booleans to text.
     */
    static final class WrongType extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        WrongType(JsonParser p, String message) {
            super(p, message);
        }
    }

    /**
     * A value read by Jackson's own deserializer, then put through a shared rule: {@code problem} says why it is
     * refused ({@code null}: accepted), {@code clean} gives what is stored.
     */
    @FunctionalInterface
    private interface Rule<T> {
        /** Why the value is refused, or {@code null}. */
        String problem(T value, JsonParser p) throws IOException;
    }

    private static final class Checked<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;

        private final transient JsonDeserializer<T> reader;
        private final transient Rule<T> problem;
        private final transient UnaryOperator<T> clean;

        Checked(Class<T> type, JsonDeserializer<T> reader, Rule<T> problem,
                UnaryOperator<T> clean) {
            super(type);
            this.reader = reader;
            this.problem = problem;
            this.clean = clean;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (handledType() == String.class && token != null && (token.isNumeric() || token.isBoolean())) {
                String kind = token.isNumeric() ? "数字 / a number" : "真假值 / a boolean";
                throw new WrongType(p, "须为文本，不能是" + kind.replace(" / ", " / must be text, not "));
            }
            T value = reader.deserialize(p, ctxt);
            String why = problem.problem(value, p);
            if (why != null) {
                throw new Refused(p, why);
            }
            return clean.apply(value);
        }
    }

    /** Text: the shared rule, with line breaks only in the free-text fields. */
    private static final Checked<String> TEXT = new Checked<>(String.class, StringDeserializer.instance,
            (value, p) -> Inputs.textProblem(value, p.currentName() != null && MULTILINE.contains(p.currentName())),
            Inputs::normalise);

    /** Dates: the shared range. */
    private static final Checked<LocalDate> DATE = new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
            (value, p) -> Inputs.dateProblem(value), UnaryOperator.identity());

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("loumen-inputs").addDeserializer(String.class, TEXT)
                    .addDeserializer(LocalDate.class, DATE))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // an unknown field is a client mistake worth naming, not something to ignore silently
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** The body as the JSON tree the dispatcher would write; fails here if it cannot be written. */
    public static Object tree(Object body) {
        return MAPPER.valueToTree(body);
    }
}
