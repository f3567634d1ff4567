package org.loumen.core.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The password rules (密码规则), as documented in the README: 10 to 128 characters; at least three of the four kinds
 * lower-case letter, upper-case letter, digit, other character; not containing the username; not one character
 * repeated; not a common password ({@code /common-passwords.txt}, NIST SP 800-63B §3.1.1.2), compared
 * case-insensitively and also without leading and trailing digits and symbols and with look-alike digits undone, so
 * {@code Password123!} and {@code P@ssw0rd2026} count as {@code password}. Generated passwords meet them.
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

    /** The shipped list of common passwords, lower case. */
    static final Set<String> COMMON = load("/common-passwords.txt");

    private PasswordPolicy() {
    }

    private static Set<String> load(String resource) {
        Set<String> out = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }

    /** Whether the password is, or is a decorated form of, a common password. */
    static boolean common(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return true;
        }
        // strip the decorations people add to meet composition rules: Password123!, !!qwerty2026
        String core = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
        if (core.isEmpty()) {
            return false;
        }
        String undone = core.replace('@', 'a').replace('4', 'a').replace('0', 'o').replace('1', 'i')
                .replace('3', 'e').replace('$', 's').replace('5', 's').replace('7', 't').replace('!', 'i');
        String lettersOnly = undone.replaceAll("[^\\p{L}]", "");
        return COMMON.contains(core) || COMMON.contains(undone) || COMMON.contains(undone.replace('i', 'l'))
                || (lettersOnly.length() >= 3 && COMMON.contains(lettersOnly) && lettersOnly.length() * 2 >= core.length());
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
        if (common(password)) {
            return Optional.of("密码过于常见，容易被猜中 / this password is too common and easily guessed");
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

    /**
     * A first password to print on an account slip (开通通知单) and type on a phone: three groups of four letters and
     * digits joined by hyphens, e.g. {@code Kp7m-Xr4t-9Hwq}, without look-alikes (0/O, 1/l/I). About 70 bits; it meets
     * the rules (lower, upper, digit, and the hyphen as the other kind).
     */
    static String generateReadable() {
        String all = LOWER + UPPER + DIGITS;
        while (true) {
            StringBuilder pw = new StringBuilder(14);
            for (int i = 0; i < 12; i++) {
                if (i > 0 && i % 4 == 0) {
                    pw.append('-');
                }
                pw.append(pick(all));
            }
            String candidate = pw.toString();
            boolean kinds = candidate.chars().anyMatch(c -> LOWER.indexOf(c) >= 0)
                    && candidate.chars().anyMatch(c -> UPPER.indexOf(c) >= 0)
                    && candidate.chars().anyMatch(c -> DIGITS.indexOf(c) >= 0);
            if (kinds && problem(null, candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
