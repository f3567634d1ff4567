package org.loumen.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The database settings the command line front must know before any bundle starts (the bundle org.loumen.core.db
 * reads the same files again when it builds the pool): the URL from {@code --db} or the {@code db.url} line of
 * {@code DATA/conf/db.properties}, and the credentials file {@code DATA/conf/db.credentials}, refused when the group
 * or others may read it. A password never comes from the command line.
 */
final class Database {

    static final String PROPERTIES = "conf/db.properties";
    static final String CREDENTIALS = "conf/db.credentials";

    private Database() {
    }

    /** A setting that cannot be used; the message says why, Chinese first. */
    static final class SettingsException extends Exception {
        private static final long serialVersionUID = 1L;

        SettingsException(String message) {
            super(message);
        }
    }

    /** The database URL: {@code --db}, else DATA/conf/db.properties, else null (embedded Derby in DATA/db). */
    static String url(String flag, Path data) throws SettingsException {
        String url = flag;
        if (url == null) {
            Properties p = read(data.resolve(PROPERTIES));
            url = p == null ? null : p.getProperty("db.url");
            if (url != null && url.isBlank()) {
                url = null;
            }
        }
        if (url == null) {
            return null;
        }
        url = url.strip();
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:derby:")) {
            throw new SettingsException("数据库地址须为 jdbc:postgresql://主机:端口/库 / the database URL must be a JDBC URL "
                    + "such as jdbc:postgresql://host:5432/loumen: " + url);
        }
        if (url.toLowerCase(Locale.ROOT).matches(".*[?&;]password=.*")) {
            throw new SettingsException("数据库地址中不得含密码，请用环境变量 LOUMEN_DB_PASSWORD 或 DATA/" + CREDENTIALS
                    + " / the database URL must not carry a password: use LOUMEN_DB_PASSWORD or DATA/" + CREDENTIALS);
        }
        return url;
    }

    /** User and password: LOUMEN_DB_USER / LOUMEN_DB_PASSWORD, else DATA/conf/db.credentials; either may be null. */
    static String[] credentials(Path data) throws SettingsException {
        String user = System.getenv("LOUMEN_DB_USER");
        String password = System.getenv("LOUMEN_DB_PASSWORD");
        if ((user == null || user.isBlank()) && (password == null || password.isBlank())) {
            checkCredentialsFile(data);
            Properties p = read(data.resolve(CREDENTIALS));
            if (p != null) {
                user = p.getProperty("user");
                password = p.getProperty("password");
            }
        }
        return new String[] {user == null || user.isBlank() ? null : user, password};
    }

    /** Refuses a credentials file that the group or others may read or write. */
    static void checkCredentialsFile(Path data) throws SettingsException {
        Path file = data.resolve(CREDENTIALS);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
            open.retainAll(Files.getPosixFilePermissions(file));
            if (!open.isEmpty()) {
                throw new SettingsException("数据库凭据文件 " + file + " 可被其他用户访问，拒绝使用；请执行 chmod 600 " + file
                        + " / the database credentials file " + file
                        + " is open to group or others and is refused: run chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        } catch (IOException e) {
            throw new SettingsException("无法读取数据库凭据文件 / cannot read the database credentials file " + file);
        }
    }

    private static Properties read(Path file) throws SettingsException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException("无法读取 / cannot read " + file + ": " + e.getMessage());
        }
        return p;
    }
}
