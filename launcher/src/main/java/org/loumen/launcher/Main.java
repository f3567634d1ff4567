package org.loumen.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The command-line front of {@code loumen.jar}: checks the arguments, the data folder and the port before any bundle
 * starts, so that a mistake ends with one line and a non-zero exit rather than a half-started server; then hands over
 * to bnd's embedded launcher.
 */
public final class Main {

    static final String BND_LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";

    /** Held for the life of the process: a second instance on the same data folder is refused. */
    private static FileChannel lockChannel;
    private static FileLock lock;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "migrate".equals(args[0])) {
            System.exit(Migrate.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        int status = prepare(args, System.out, System.err);
        if (status >= 0) {
            System.exit(status);
        }
        // beside the launch: the platform's management server costs some 150 ms to make, while the compiles the
        // directive is meant for only begin once bnd's launcher resolves the bundles
        Thread directive = new Thread(StartupCompilation::apply, "loumen-jit-directive");
        directive.setDaemon(true);
        directive.start();
        HeapSizing.apply();
        Class<?> launcher = Class.forName(BND_LAUNCHER);
        Method main = launcher.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            System.err.println("Loumen 启动失败 / failed to start: " + e.getCause());
            System.exit(1);
        }
    }

    /**
     * Everything before the framework starts.
     *
     * @return an exit status to stop with, or -1 to go on and launch
     */
    static int prepare(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && BackupCommands.handles(args[0])) {
            return BackupCommands.run(args, out, err);
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageException e) {
            err.println("loumen: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(Options.USAGE);
            return 0;
        }
        Path data = options.data().toAbsolutePath().normalize();
        try {
            Files.createDirectories(data.resolve("plugins"));
            Files.createDirectories(data.resolve("logs"));
            Files.createDirectories(data.resolve("conf"));
        } catch (IOException e) {
            err.println("loumen: 无法创建数据目录 / cannot create the data folder " + data + ": " + e.getMessage());
            return 1;
        }
        String db;
        try {
            db = Database.url(options.db(), data);
            Database.checkCredentialsFile(data);
        } catch (Database.SettingsException e) {
            err.println("loumen: " + e.getMessage());
            return 1;
        }
        if (!lockDataFolder(data)) {
            err.println("loumen: 数据目录正被另一个运行中的 Loumen 使用 / the data folder " + data
                    + " is in use by another running instance");
            return 1;
        }
        if (!portFree(options.listenHost(), options.port())) {
            err.println("loumen: 端口 " + options.port() + " 已被占用 / port " + options.port() + " on "
                    + options.listenHost() + " is already in use");
            return 1;
        }
        try {
            installShippedPlugins(data.resolve("plugins"), out);
            Path logConfig = data.resolve("conf/logback.xml");
            if (Files.notExists(logConfig)) {
                copyResource("loumen/logback.xml", logConfig);
            }
            System.setProperty("logback.configurationFile", logConfig.toString());
        } catch (IOException e) {
            err.println("loumen: 无法写入数据目录 / cannot write to the data folder " + data + ": " + e.getMessage());
            return 1;
        }
        // The framework falls back to system properties for everything the launch does not set itself.
        System.setProperty("loumen.data", data.toString());
        System.setProperty("loumen.demo", Boolean.toString(options.demo()));
        System.setProperty("org.osgi.service.http.port", Integer.toString(options.port()));
        if (options.host() != null) {
            // a system property outranks the launch's own setting, so only an explicit --host is passed on
            System.setProperty("org.apache.felix.http.host", options.host());
        }
        if (db != null) {
            // read by org.loumen.core.db; the credentials never pass through here
            System.setProperty("loumen.db.url", db);
        } else {
            // the embedded database in DATA/db was there before this start, read through
            // org.loumen.core.db.schema.DatabaseAtStart (the demo's seeder: only then can it check the demo data after
            // start rather than before)
            System.setProperty("loumen.db.existed", Boolean.toString(Files.isDirectory(data.resolve("db"))));
        }
        System.setProperty("felix.fileinstall.dir", data.resolve("plugins").toString());
        System.setProperty("derby.system.home", data.toString());
        System.setProperty("derby.stream.error.file", data.resolve("logs/derby.log").toString());
        // bnd's launcher: its bundle cache inside the data folder, kept between starts of this very build
        String cacheNote;
        try {
            cacheNote = frameworkCache(data);
        } catch (IOException e) {
            err.println("loumen: 无法准备框架缓存 / cannot prepare the framework cache in " + data + ": "
                    + e.getMessage());
            return 1;
        }
        out.println("Loumen 楼门 starting: http://" + options.listenHost() + ":" + options.port() + "/api/v1/health  data="
                + data + (options.demo() ? "  (demo data)" : "") + (db == null ? "" : "  db=" + db));
        out.println(cacheNote);
        return -1;
    }

    /**
     * Keeps the framework's bundle cache between starts of the same build ({@link FrameworkCache}); Config Admin's
     * own store is emptied at each start, as before (configurations come from DATA/conf and the platform's code).
     *
     * @return the line printed about the cache
     */
    static String frameworkCache(Path data) throws IOException {
        String key = FrameworkCache.keyOfRunningJar();
        if (key == null) {
            // not run from a jar: a fresh cache at each start, as bnd's launch file says
            System.setProperty("org.osgi.framework.storage", data.resolve("cache").toString());
            return "Loumen: 框架缓存每次新建 / framework cache made anew (not run from a jar)";
        }
        FrameworkCache.Prepared cache = FrameworkCache.prepare(data, key);
        Path configStore = cache.dir().resolve("config-admin");
        FrameworkCache.delete(configStore);
        System.setProperty("felix.cm.dir", configStore.toString());
        return cache.reused() ? "Loumen: 沿用框架缓存 / framework cache reused (" + key + ")"
                : "Loumen: 新建框架缓存 / framework cache made anew for this build (" + key + ")";
    }

    /** Takes the data folder's lock for the life of the process; false if another process (or call) holds it. */
    static synchronized boolean lockDataFolder(Path data) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(data.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock taken = channel.tryLock();
            if (taken != null) {
                lockChannel = channel;
                lock = taken;
                return true;
            }
        } catch (OverlappingFileLockException | IOException e) {
            // held by this JVM already, or the file cannot be locked: treated as in use
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
        return false;
    }

    static boolean portFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * On first start, places the plug-ins shipped in this jar into DATA/plugins, where FileInstall deploys them and an
     * operator may remove or replace them. A marker file keeps a removed plug-in from coming back at the next start.
     */
    static void installShippedPlugins(Path pluginDir, PrintStream out) throws IOException {
        Path marker = pluginDir.resolve(".shipped-plugins-installed");
        if (Files.exists(marker)) {
            return;
        }
        String index;
        try (InputStream in = Main.class.getClassLoader().getResourceAsStream("plugins/index.txt")) {
            if (in == null) {
                return;
            }
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder installed = new StringBuilder();
        for (String name : index.split("\\R")) {
            name = name.strip();
            if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
                continue;
            }
            copyResource("plugins/" + name, pluginDir.resolve(name));
            installed.append(name).append('\n');
        }
        Files.writeString(marker, installed.toString(), StandardCharsets.UTF_8);
        out.println("Loumen: 已放置随附插件 / shipped plug-ins placed in " + pluginDir + ": "
                + installed.toString().strip().replace('\n', ' '));
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = Main.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing from the launcher jar: " + resource);
            }
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            // FileInstall must never see a half-written jar
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
