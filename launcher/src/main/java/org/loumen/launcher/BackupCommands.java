package org.loumen.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code loumen.jar backup} and {@code loumen.jar restore} (备份与恢复).
 *
 * <p>{@code backup --data DIR --to FILE}: while a platform runs on DIR (its lock is held), the command drops a request
 * into {@code DIR/backup-requests/} and waits for the running platform to make an online backup (Derby's
 * {@code SYSCS_BACKUP_DATABASE}: consistent, without stopping) into FILE; whoever may write the data folder may back it
 * up, no password and no network needed. When nothing runs on DIR, the command takes the folder's lock itself and
 * packs the stopped database. Either way FILE is one zip: the database, the plug-ins, the settings and a manifest.
 *
 * <p>{@code restore --from FILE --data NEWDIR}: unpacks a backup into a new, empty data folder, on which
 * {@code java -jar loumen.jar --data NEWDIR} starts with everything the backup holds.
 */
final class BackupCommands {

    static final String MANIFEST = "loumen-backup.properties";
    static final String USAGE = String.join("\n",
            "用法 / usage: java -jar loumen.jar backup --data DIR --to FILE [--wait SECONDS]",
            "              java -jar loumen.jar restore --from FILE --data NEWDIR",
            "  backup   在线备份（平台运行时亦可）/ online backup, also while the platform runs on DIR",
            "           --to FILE  备份文件（.zip，不得已存在）/ the backup file (.zip; must not exist)",
            "           --wait N   等待运行中平台完成的秒数 / seconds to wait for the running platform (default 1800)",
            "  restore  恢复到一个新的空数据目录 / restore into a new, empty data folder");

    private BackupCommands() {
    }

    static boolean handles(String command) {
        return "backup".equals(command) || "restore".equals(command);
    }

    /** Runs the command; the exit status: 0 done, 1 failed, 2 a command line that cannot be run. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        String data = null;
        String to = null;
        String from = null;
        long waitSeconds = 1800;
        try {
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--data" -> data = value(args, ++i, arg);
                    case "--to" -> to = value(args, ++i, arg);
                    case "--from" -> from = value(args, ++i, arg);
                    case "--wait" -> {
                        String v = value(args, ++i, arg);
                        try {
                            waitSeconds = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            waitSeconds = -1;
                        }
                        if (waitSeconds < 1) {
                            throw new Options.UsageException("--wait 须为正整数 / --wait must be a positive number of "
                                    + "seconds: " + v);
                        }
                    }
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new Options.UsageException("未知参数 / unknown argument: " + arg);
                }
            }
            if (command.equals("backup")) {
                require(data, "--data");
                require(to, "--to");
                if (from != null) {
                    throw new Options.UsageException("backup 不用 --from / backup takes no --from");
                }
                return backup(path(data, "--data"), path(to, "--to"), waitSeconds, out, err);
            }
            require(from, "--from");
            require(data, "--data");
            if (to != null) {
                throw new Options.UsageException("restore 不用 --to / restore takes no --to");
            }
            return restore(path(from, "--from"), path(data, "--data"), out, err);
        } catch (Options.UsageException e) {
            err.println("loumen " + command + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }

    private static String value(String[] args, int i, String option) throws Options.UsageException {
        if (i >= args.length || args[i].startsWith("--") || args[i].isBlank()) {
            throw new Options.UsageException(option + " 缺少取值 / " + option + " needs a value");
        }
        return args[i];
    }

    private static void require(String value, String option) throws Options.UsageException {
        if (value == null) {
            throw new Options.UsageException("缺少 " + option + " / " + option + " is required");
        }
    }

    private static Path path(String value, String option) throws Options.UsageException {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new Options.UsageException(option + " 路径无效 / " + option + " is not a valid path: " + value);
        }
    }

    // ---- backup -----------------------------------------------------------------------------------------------

    static int backup(Path data, Path target, long waitSeconds, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(data.resolve("db"))) {
            err.println("loumen backup: " + data + " 不是 Loumen 数据目录（没有 db/）/ is not a Loumen data folder (no db/ "
                    + "in it)");
            // a node on PostgreSQL (--db or conf/db.properties) keeps no database in its folder
            err.println("  PostgreSQL 上请用 pg_dump 备份（见 docs/deployment.md）/ on PostgreSQL back up with pg_dump "
                    + "(see docs/deployment.md)");
            return 1;
        }
        if (Files.exists(target)) {
            err.println("loumen backup: " + target + " 已存在，不会覆盖 / already exists; it is not overwritten");
            return 1;
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            err.println("loumen backup: 目标目录不存在 / the folder of " + target + " does not exist");
            return 1;
        }
        long start = System.nanoTime();
        if (Main.lockDataFolder(data)) {
            // nothing runs on the folder: the stopped database's files are a consistent copy
            try {
                offlineBackup(data, target);
            } catch (IOException e) {
                err.println("loumen backup: 备份失败 / the backup failed: " + e.getMessage());
                return 1;
            }
            out.println("Loumen 备份完成（平台未运行）/ backup made (the platform was not running): " + target + "  "
                    + size(target) + " bytes in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            return 0;
        }
        return onlineBackup(data, target, waitSeconds, start, out, err);
    }

    private static int onlineBackup(Path data, Path target, long waitSeconds, long start, PrintStream out,
            PrintStream err) {
        Path folder = data.resolve("backup-requests");
        String id = UUID.randomUUID().toString();
        Path result = folder.resolve(id + ".result");
        try {
            Files.createDirectories(folder);
            Path part = folder.resolve(id + ".part");
            Files.writeString(part, target.toString(), StandardCharsets.UTF_8);
            Files.move(part, folder.resolve(id + ".request"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err.println("loumen backup: 无法写入备份请求 / cannot write the backup request into " + folder + ": "
                    + e.getMessage());
            return 1;
        }
        out.println("Loumen 正在运行，已请求在线备份 / the platform is running: online backup requested");
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (!Files.exists(result)) {
            if (System.nanoTime() > deadline) {
                try {
                    Files.deleteIfExists(folder.resolve(id + ".request"));
                } catch (IOException e) {
                    // left for the platform to answer late
                }
                err.println("loumen backup: 运行中的平台在 " + waitSeconds + " 秒内未完成备份 / the running platform did not "
                        + "make the backup within " + waitSeconds + " s (is it started and healthy? see DATA/logs)");
                return 1;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
        Properties answer = new Properties();
        try (InputStream in = Files.newInputStream(result)) {
            answer.load(in);
            Files.deleteIfExists(result);
        } catch (IOException e) {
            err.println("loumen backup: 无法读取结果 / cannot read the result " + result + ": " + e.getMessage());
            return 1;
        }
        if (!"ok".equals(answer.getProperty("status"))) {
            err.println("loumen backup: " + answer.getProperty("message", "备份失败 / the backup failed"));
            return 1;
        }
        out.println("Loumen 在线备份完成 / online backup made: " + answer.getProperty("file") + "  "
                + answer.getProperty("bytes") + " bytes; the database copied in " + answer.getProperty("millis")
                + " ms; " + (System.nanoTime() - start) / 1_000_000 + " ms in all; audit entries up to "
                + answer.getProperty("auditSeqAtStart"));
        return 0;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    static void offlineBackup(Path data, Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Properties manifest = new Properties();
        manifest.setProperty("format", "1");
        manifest.setProperty("database", "derby");
        manifest.setProperty("createdAt", Instant.now().toString());
        manifest.setProperty("offline", "true");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "Loumen backup / 楼门备份");
            zip.closeEntry();
            addTree(zip, data.resolve("db"), "db/");
            addTree(zip, data.resolve("plugins"), "plugins/");
            addTree(zip, data.resolve("conf"), "conf/");
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void addTree(ZipOutputStream zip, Path root, String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = prefix + root.relativize(f).toString().replace('\\', '/');
            if (name.equals("conf/db.credentials") || name.endsWith(".lck")) {
                continue; // secrets stay out; Derby's lock files belong to a running database
            }
            zip.putNextEntry(new ZipEntry(name));
            Files.copy(f, zip);
            zip.closeEntry();
        }
    }

    // ---- restore ----------------------------------------------------------------------------------------------

    static int restore(Path from, Path data, PrintStream out, PrintStream err) {
        if (!Files.isRegularFile(from)) {
            err.println("loumen restore: 找不到备份文件 / no such backup file: " + from);
            return 1;
        }
        try {
            if (Files.exists(data) && (!Files.isDirectory(data) || hasEntries(data))) {
                err.println("loumen restore: " + data + " 已存在且非空，不会覆盖 / exists and is not empty; restore only "
                        + "into a new or empty folder");
                return 1;
            }
        } catch (IOException e) {
            err.println("loumen restore: 无法读取 / cannot read " + data + ": " + e.getMessage());
            return 1;
        }
        long start = System.nanoTime();
        Path work = data.resolveSibling(data.getFileName() + ".restoring-" + UUID.randomUUID());
        try (ZipFile zip = new ZipFile(from.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null || zip.getEntry("db/service.properties") == null) {
                err.println("loumen restore: " + from + " 不是 Loumen 备份 / is not a Loumen backup (no manifest or "
                        + "database in it)");
                return 1;
            }
            Properties manifest = new Properties();
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest.load(in);
            }
            Files.createDirectories(work);
            for (ZipEntry e : zip.stream().toList()) {
                if (e.isDirectory() || e.getName().equals(MANIFEST)) {
                    continue;
                }
                Path target = work.resolve(e.getName()).normalize();
                if (!target.startsWith(work)) {
                    throw new IOException("an entry points outside the folder: " + e.getName());
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e); OutputStream o = Files.newOutputStream(target)) {
                    in.transferTo(o);
                }
            }
            Files.createDirectories(work.resolve("logs"));
            if (Files.exists(data)) {
                Files.delete(data); // empty, checked above
            }
            Files.move(work, data, StandardCopyOption.ATOMIC_MOVE);
            out.println("Loumen 已恢复 / restored: " + from + " (made " + manifest.getProperty("createdAt") + ") into "
                    + data + " in " + (System.nanoTime() - start) / 1_000_000 + " ms; start it with: java -jar loumen.jar "
                    + "--data " + data);
            return 0;
        } catch (IOException e) {
            err.println("loumen restore: 恢复失败 / the restore failed: " + e.getMessage());
            return 1;
        } finally {
            deleteQuietly(work);
        }
    }

    private static boolean hasEntries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover work folder is harmless
        }
    }
}
