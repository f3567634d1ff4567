package org.loumen.launcher;

import java.nio.file.Path;

/** The command line of {@code loumen.jar}. */
record Options(int port, String host, Path data, boolean demo, boolean help, String db) {

    /** The address to listen on: the one given, or all interfaces. */
    String listenHost() {
        return host == null ? "0.0.0.0" : host;
    }

    static final String USAGE = String.join("\n",
            "用法 / usage: java -jar loumen.jar [--port 8080] [--host 0.0.0.0] [--data ./loumen-data] [--demo] [--db URL]",
            "       java -jar loumen.jar migrate --data DIR --to jdbc:postgresql://host:5432/loumen",
            "  --port N     HTTP 端口 / HTTP port (1-65535, default 8080)",
            "  --host ADDR  监听地址 / address to listen on (default: all; the debug jar: 127.0.0.1)",
            "  --data DIR   数据目录 / data folder: database, plug-ins, logs (default ./loumen-data)",
            "  --demo       载入演示数据 / seed demo data (idempotent)",
            "  --db URL     数据库 / database: jdbc:postgresql://host:5432/loumen (default: embedded Derby in DATA/db);",
            "               用户与密码 / user and password: LOUMEN_DB_USER, LOUMEN_DB_PASSWORD or DATA/conf/db.credentials",
            "  --help       显示本帮助 / show this help",
            "       java -jar loumen.jar backup --data DIR --to FILE    在线备份 / online backup (see backup --help)",
            "       java -jar loumen.jar restore --from FILE --data NEWDIR   恢复 / restore into a new folder");

    /** A command line that cannot be run: the message says which argument and why. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String... args) throws UsageException {
        int port = 8080;
        String host = null; // unset: the launch decides (all interfaces; 127.0.0.1 in the debug launch)
        Path data = Path.of("loumen-data");
        boolean demo = false;
        boolean help = false;
        String db = null; // unset: DATA/conf/db.properties, else embedded Derby
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--port" -> {
                    String v = value != null ? value : next(args, ++i, arg);
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 1 || port > 65535) {
                        throw new UsageException("--port 须为 1 到 65535 的整数 / --port must be an integer from 1 to 65535: " + v);
                    }
                }
                case "--host" -> {
                    host = value != null ? value : next(args, ++i, arg);
                    if (host.isBlank()) {
                        throw new UsageException("--host 不能为空 / --host must not be empty");
                    }
                }
                case "--data" -> {
                    String v = value != null ? value : next(args, ++i, arg);
                    if (v.isBlank()) {
                        throw new UsageException("--data 不能为空 / --data must not be empty");
                    }
                    try {
                        data = Path.of(v);
                    } catch (java.nio.file.InvalidPathException e) {
                        throw new UsageException("--data 路径无效 / --data is not a valid path: " + v);
                    }
                }
                case "--demo" -> {
                    if (value != null) {
                        throw new UsageException("--demo 不带值 / --demo takes no value");
                    }
                    demo = true;
                }
                case "--db" -> {
                    db = value != null ? value : next(args, ++i, arg);
                    if (!db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:derby:")) {
                        throw new UsageException("--db 须为 jdbc:postgresql://主机:端口/库 / --db must be a JDBC URL such as "
                                + "jdbc:postgresql://host:5432/loumen");
                    }
                    if (db.toLowerCase(java.util.Locale.ROOT).matches(".*[?&;]password=.*")) {
                        throw new UsageException("--db 中不得含密码，请用环境变量 LOUMEN_DB_PASSWORD 或 DATA/conf/db.credentials"
                                + " / --db must not carry a password: use LOUMEN_DB_PASSWORD or DATA/conf/db.credentials");
                    }
                }
                case "--help", "-h" -> help = true;
                default -> throw new UsageException("未知参数 / unknown argument: " + args[i]);
            }
        }
        return new Options(port, host, data, demo, help, db);
    }

    private static String next(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " 缺少取值 / " + option + " needs a value");
        }
        return args[i];
    }
}
