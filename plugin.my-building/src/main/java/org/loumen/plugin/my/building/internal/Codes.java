package org.loumen.plugin.my.building.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Household codes (户码): 8 characters of Crockford's base 32 (40 random bits), printed on a slip the unit's leader
 * hands to each household. A resident types it on the unit page to agree to the convention, sign up for an activity
 * or as a steward; it names the household without any personal data, and wrong guesses are throttled per client.
 * Typed as {@code XXXX-XXXX}; case, dashes, spaces, O/0 and I/L/1 are forgiven.
 */
final class Codes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {
    }

    static String fresh() {
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(32)];
        }
        return new String(c);
    }

    /** The stored form of what a resident typed, or {@code null} when it cannot be a code. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
        return s.matches("[0-9A-HJKMNP-TV-Z]{8}") ? s : null;
    }

    /** As printed: XXXX-XXXX. */
    static String show(String code) {
        return code == null || code.length() != 8 ? code : code.substring(0, 4) + "-" + code.substring(4);
    }
}
