package org.loumen.core.identity.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The password rules (密码规则), as documented in the README: 10 to 128 characters; at least three of the four kinds
 * lower-case letter, upper-case letter, digit, other character; not containing the username; not one character
 * repeated. Generated passwords meet them.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    // no 0/O, 1/l/I: generated passwords are read off a screen and typed
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String OTHER = "#%+-=@_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** Why the password is refused, in Chinese then English; empty when it is acceptable. */
    static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of("密码长度须为 " + MIN_LENGTH + " 至 " + MAX_LENGTH + " 个字符 / a password must be "
                    + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        int kinds = 0;
        kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        // anything that is neither a cased letter nor a digit (punctuation, a Chinese character) counts as "other"
        kinds += password.chars().anyMatch(c -> !Character.isLowerCase(c) && !Character.isUpperCase(c)
                && !Character.isDigit(c)) ? 1 : 0;
        if (kinds < 3) {
            return Optional.of("密码须包含小写字母、大写字母、数字、其他字符中的至少三类 / a password needs three of: "
                    + "lower-case letters, upper-case letters, digits, other characters");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("密码不能包含用户名 / a password must not contain the username");
        }
        if (password.chars().distinct().count() < 4) {
            return Optional.of("密码过于简单 / a password needs at least four different characters");
        }
        return Optional.empty();
    }

    /** A random 16-character password that meets the rules (about 95 bits). */
    static String generate() {
        String all = LOWER + UPPER + DIGITS + OTHER;
        char[] pw = new char[16];
        pw[0] = pick(LOWER);
        pw[1] = pick(UPPER);
        pw[2] = pick(DIGITS);
        pw[3] = pick(OTHER);
        for (int i = 4; i < pw.length; i++) {
            pw[i] = pick(all);
        }
        for (int i = pw.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = pw[i];
            pw[i] = pw[j];
            pw[j] = t;
        }
        return new String(pw);
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
