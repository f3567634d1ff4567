package org.loumen.core.workflow.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Ballot codes (选票码): 12 characters of Crockford's base 32 (60 random bits), printed as {@code XXXX-XXXX-XXXX}.
 * The alphabet has no I, L, O or U; typed codes are normalised: case, spaces and dashes do not matter, and I/L are
 * read as 1, O as 0, as a person may have read them off paper.
 */
final class BallotCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BallotCodes() {
    }

    static String generate() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt(RANDOM.nextInt(32));
        }
        return new String(c);
    }

    /** {@code ABCD-EFGH-JKMN} for printing. */
    static String format(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /** The stored form of a typed code, or {@code null} when it cannot be one. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (ch == '-' || Character.isWhitespace(ch)) {
                continue;
            }
            char c = ch == 'I' || ch == 'L' ? '1' : ch == 'O' ? '0' : ch;
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
            sb.append(c);
        }
        return sb.length() == LENGTH ? sb.toString() : null;
    }
}
