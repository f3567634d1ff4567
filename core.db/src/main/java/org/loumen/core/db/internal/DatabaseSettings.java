package org.loumen.core.db.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Which database the platform runs on (数据库设置), read once at start: the JDBC URL (framework or system property
 * {@code loumen.db.url}, set by the launcher from {@code --db} or {@code DATA/conf/db.properties}; empty means
 * embedded Derby in {@code DATA/db}) and the credentials, from the environment variables {@code LOUMEN_DB_USER} and
 * {@code LOUMEN_DB_PASSWORD} or from the owner-only file {@code DATA/conf/db.credentials} ({@code user=},
 * {@code password=}). Never from the command line, never into a log.
 */
record DatabaseSettings(String url, Product product, String user, String password) {

    /** The URL property the launcher sets. */
    static final String URL_PROPERTY = "loumen.db.url";
    /** Embedded Derby in DATA/db ({@code derby.system.home} is DATA): the default, and what every data folder had. */
    static final String DERBY_DEFAULT = "jdbc:derby:db;create=true";
    static final String USER_ENV = "LOUMEN_DB_USER";
    static final String PASSWORD_ENV = "LOUMEN_DB_PASSWORD";
    static final String CREDENTIALS_FILE = "conf/db.credentials";

    /** The databases the platform runs on. */
    enum Product {
        DERBY("Derby"), POSTGRESQL("PostgreSQL");

        final String label;

        Product(String label) {
            this.label = label;
        }
    }

    /** A setting that cannot be used; the message is for people (Chinese, then English). */
    static final class SettingsException extends Exception {
        private static final long serialVersionUID = 1L;

        SettingsException(String message) {
            super(message);
        }
    }

    /**
     * @param url  the configured URL, or null/blank for the default
     * @param data the data folder (for DATA/conf/db.credentials), or null
     * @param env  the environment
     */
    static DatabaseSettings resolve(String url, Path data, Map<String, String> env) throws SettingsException {
        String u = url == null || url.isBlank() ? DERBY_DEFAULT : url.strip();
        Product product = productOf(u);
        if (carriesPassword(u)) {
            throw new SettingsException("数据库地址中不得含密码，请用环境变量 " + PASSWORD_ENV + " 或 DATA/" + CREDENTIALS_FILE
                    + " / the database URL must not carry a password: use " + PASSWORD_ENV + " or DATA/" + CREDENTIALS_FILE);
        }
        String user = blankToNull(env.get(USER_ENV));
        String password = blankToNull(env.get(PASSWORD_ENV));
        if (user == null && password == null && data != null) {
            Properties file = readCredentials(data.resolve(CREDENTIALS_FILE));
            if (file != null) {
                user = blankToNull(file.getProperty("user"));
                password = file.getProperty("password");
            }
        }
        return new DatabaseSettings(u, product, user, password);
    }

    static Product productOf(String url) throws SettingsException {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:derby:")) {
            return Product.DERBY;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return Product.POSTGRESQL;
        }
        throw new SettingsException("不支持的数据库地址（支持 jdbc:derby: 与 jdbc:postgresql:） / unsupported database URL "
                + "(jdbc:derby: and jdbc:postgresql: are supported): " + redact(url));
    }

    /** True when the URL names a password (a query or Derby attribute {@code password=}). */
    static boolean carriesPassword(String url) {
        return url.toLowerCase(Locale.ROOT).matches(".*[?&;]password=.*");
    }

    /** The URL as it may be shown: without any parameter value that could be secret. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password|sslpassword)=[^&;]*", "$1=***");
    }

    /**
     * Reads DATA/conf/db.credentials, or null when there is none. A file that the group or others may read is
     * refused: it holds the password.
     */
    static Properties readCredentials(Path file) throws SettingsException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
            open.retainAll(perms);
            if (!open.isEmpty()) {
                throw new SettingsException("数据库凭据文件 " + file + " 可被其他用户访问，拒绝使用；请执行 chmod 600 "
                        + file + " / the database credentials file " + file
                        + " is open to group or others and is refused: run chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its ACLs are the operator's business
        } catch (IOException e) {
            throw new SettingsException("无法读取数据库凭据文件 / cannot read the database credentials file " + file + ": "
                    + e.getMessage());
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("无法读取数据库凭据文件 / cannot read the database credentials file " + file + ": "
                    + e.getMessage());
        }
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** For logs and health: never the password. */
    @Override
    public String toString() {
        return product.label + " " + redact(url) + (user == null ? "" : " user=" + user);
    }
}
