package org.loumen.core.model;

import java.util.Locale;
import java.util.Optional;

/** A value with a Chinese name, as spreadsheets and people write it. */
public interface Labelled {

    /** The Chinese name, e.g. 楼门长. */
    String zh();

    /** Other accepted spellings, e.g. {@code M} for 男. */
    default String[] aliases() {
        return new String[0];
    }

    /**
     * The constant whose Chinese name, English enum name or alias is {@code raw} (case-insensitive, trimmed).
     */
    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip();
        for (E e : type.getEnumConstants()) {
            if (e.zh().equals(v) || e.name().equalsIgnoreCase(v.replace(' ', '_'))) {
                return Optional.of(e);
            }
            for (String alias : e.aliases()) {
                if (alias.equalsIgnoreCase(v)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /** The accepted values, for error messages: {@code 男|女 (MALE|FEMALE)}. */
    static <E extends Enum<E> & Labelled> String choices(Class<E> type) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            zh.append(zh.length() == 0 ? "" : "|").append(e.zh());
            en.append(en.length() == 0 ? "" : "|").append(e.name().toUpperCase(Locale.ROOT));
        }
        return zh + " (" + en + ")";
    }
}
