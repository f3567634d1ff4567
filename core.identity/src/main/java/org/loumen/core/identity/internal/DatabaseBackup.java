package org.loumen.core.identity.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backup (在线备份) of the embedded Derby database while the platform serves and writes: Derby's
 * {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE} copies the database as of one moment (every transaction committed before
 * the copy began is in it, none is torn), then the copy, the deployed plug-ins and the settings are packed into one
 * zip file that {@code loumen.jar restore} unpacks into a new data folder.
 *
 * <p>Two ways in: {@code POST /api/v1/system/backup} (the district administrator), and a request file that
 * {@code java -jar loumen.jar backup --data DIR --to FILE} drops into {@code DATA/backup-requests/} — the running
 * platform polls that folder every half second, so the command needs no password and no network: whoever may write
 * the data folder may back it up. On PostgreSQL this answers that the database's own tools are to be used.
 */
@Component(service = DatabaseBackup.class, immediate = true)
public final class DatabaseBackup {

    /** What a backup made. */
    record Made(String file, long bytes, long millis, long auditSeq, String createdAt) {
    }

    /** The database is not Derby: back it up with its own tools. */
    static final class NotDerby extends Exception {
        private static final long serialVersionUID = 1L;

        NotDerby(String product) {
            super("数据库为 " + product + "，请用其自身工具备份（PostgreSQL：pg_dump 或 PITR，见 README）/ the database is "
                    + product + ": back it up with its own tools (PostgreSQL: pg_dump or PITR, see the README)");
        }
    }

    static final String REQUESTS = "backup-requests";
    static final String MANIFEST = "loumen-backup.properties";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final JpaTemplate jpa;
    private final Path data;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loumen-backup-requests");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DatabaseBackup(@Reference(target = "(osgi.unit.name=loumen.identity)") JpaTemplate jpa) {
        this.jpa = jpa;
        this.data = Paths.get(System.getProperty("loumen.data", ".")).toAbsolutePath().normalize();
        watcher.scheduleWithFixedDelay(this::serveRequests, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        watcher.shutdownNow();
    }

    /** A backup into {@code DATA/backups/loumen-backup-<UTC time>.zip}. */
    Made backup() throws NotDerby, IOException {
        return backup(data.resolve("backups").resolve("loumen-backup-" + STAMP.format(Instant.now()) + ".zip"));
    }

    /** A backup into the given zip file (written under a temporary name, then moved into place). */
    synchronized Made backup(Path target) throws NotDerby, IOException {
        long start = System.nanoTime();
        Instant at = Instant.now();
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dir, ".loumen-backup-");
        try {
            long seq = jpa.txExpr(em -> {
                AuditHeadEntity head = em.find(AuditHeadEntity.class, AuditHeadEntity.ID);
                return head == null ? 0L : head.lastSeq();
            });
            derbyBackup(work);
            Path zip = dir.resolve(target.getFileName() + ".part");
            Properties manifest = new Properties();
            manifest.setProperty("format", "1");
            manifest.setProperty("database", "derby");
            manifest.setProperty("createdAt", at.toString());
            manifest.setProperty("auditSeqAtStart", Long.toString(seq));
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(out, "Loumen backup / 楼门备份");
                out.closeEntry();
                addTree(out, work.resolve("db"), "db/");
                addTree(out, data.resolve("plugins"), "plugins/");
                addTree(out, data.resolve("conf"), "conf/");
            }
            Files.move(zip, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Made made = new Made(target.toString(), Files.size(target), millis, seq, at.toString());
            LOG.info("Backup written to {}: {} bytes in {} ms (audit entries up to {})", target, made.bytes(), millis,
                    seq);
            return made;
        } finally {
            deleteTree(work);
        }
    }

    private void derbyBackup(Path into) throws NotDerby {
        String[] product = { null };
        try {
            jpa.tx(em -> {
                Connection c = em.unwrap(Connection.class);
                try {
                    product[0] = c.getMetaData().getDatabaseProductName();
                    if (!product[0].toLowerCase(java.util.Locale.ROOT).contains("derby")) {
                        return;
                    }
                    try (CallableStatement cs = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                        cs.setString(1, into.toString());
                        cs.execute();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Derby backup failed: " + e.getMessage(), e);
                }
            });
        } catch (IllegalStateException e) {
            throw e;
        }
        if (product[0] == null || !product[0].toLowerCase(java.util.Locale.ROOT).contains("derby")) {
            throw new NotDerby(String.valueOf(product[0]));
        }
    }

    /** Adds every regular file under {@code root} (if it exists) under the zip prefix; database secrets stay out. */
    private static void addTree(ZipOutputStream out, Path root, String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = prefix + root.relativize(f).toString().replace('\\', '/');
            if (name.equals("conf/db.credentials") || f.getFileName().toString().endsWith(".tmp")) {
                continue;
            }
            out.putNextEntry(new ZipEntry(name));
            Files.copy(f, out);
            out.closeEntry();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove the backup's work folder {}: {}", root, e.toString());
        }
    }

    /**
     * Serves the request files of {@code loumen.jar backup}: {@code <id>.request} holds the target file's path; the
     * answer is {@code <id>.result}, a properties file with {@code status=ok} and the backup's figures, or
     * {@code status=failed} and a message.
     */
    private void serveRequests() {
        Path folder = data.resolve(REQUESTS);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> requests = Files.newDirectoryStream(folder, "*.request")) {
            for (Path request : requests) {
                String id = request.getFileName().toString().replaceFirst("\\.request$", "");
                Properties answer = new Properties();
                try {
                    Path target = Paths.get(Files.readString(request, StandardCharsets.UTF_8).strip());
                    Made made = backup(target);
                    answer.setProperty("status", "ok");
                    answer.setProperty("file", made.file());
                    answer.setProperty("bytes", Long.toString(made.bytes()));
                    answer.setProperty("millis", Long.toString(made.millis()));
                    answer.setProperty("auditSeqAtStart", Long.toString(made.auditSeq()));
                } catch (NotDerby e) {
                    answer.setProperty("status", "failed");
                    answer.setProperty("message", e.getMessage());
                } catch (IOException | RuntimeException e) {
                    LOG.error("Backup requested by {} failed", request, e);
                    answer.setProperty("status", "failed");
                    answer.setProperty("message", "备份失败 / the backup failed: " + e);
                }
                Path part = folder.resolve(id + ".result.part");
                try (OutputStream out = Files.newOutputStream(part)) {
                    answer.store(out, null);
                }
                Files.move(part, folder.resolve(id + ".result"), StandardCopyOption.ATOMIC_MOVE);
                Files.deleteIfExists(request);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Backup requests in {} could not be served: {}", folder, e.toString());
        }
    }
}
