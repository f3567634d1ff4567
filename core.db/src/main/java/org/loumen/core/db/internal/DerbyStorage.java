package org.loumen.core.db.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Embedded Derby's storage settings (Derby 存储参数) for the platform's write volume, set as system properties before
 * the database boots (Derby reads them then); a value the operator gives with {@code -Dderby.storage.…} is kept.
 * <p>A JFR recording of city leader imports (9,950 leaders a file, 32,000 rows and some 144,000 index entries written
 * each) showed the import thread in {@code RandomAccessFile.writeBytes} of Derby's log for about a seventh of its time:
 * Derby writes its log in 32 KB buffers to a file opened for synchronous writes, so every 32 KB of log waited for the
 * disk; and its checkpoints (every 10 MB of log) and log file switches (every 1 MB) wrote and synced beside the
 * import, on the same cores and disk. None of these changes what is durable: a commit still returns only after its log
 * records are forced to disk; fewer checkpoints only mean more log to replay after a crash (at most
 * {@link #CHECKPOINT_INTERVAL} bytes).
 */
final class DerbyStorage {

    /** Log buffer: 1 MB (Derby's default 32 KB; its maximum 128 MB). One synchronous write per megabyte of log. */
    static final int LOG_BUFFER_SIZE = 1 << 20;
    /** Log file switch: every 16 MB of log (default 1 MB; maximum 128 MB). */
    static final int LOG_SWITCH_INTERVAL = 16 << 20;
    /** Checkpoint: every 32 MB of log (default 10 MB; maximum 128 MB). */
    static final int CHECKPOINT_INTERVAL = 32 << 20;
    /** Page cache: 4,000 pages (default 1,000, 4 MB of 4 KB pages: smaller than a city's leader table and its indexes). */
    static final int PAGE_CACHE_SIZE = 4_000;

    private DerbyStorage() {
    }

    /** The settings, by Derby property name. */
    static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("derby.storage.logBufferSize", Integer.toString(LOG_BUFFER_SIZE));
        s.put("derby.storage.logSwitchInterval", Integer.toString(LOG_SWITCH_INTERVAL));
        s.put("derby.storage.checkpointInterval", Integer.toString(CHECKPOINT_INTERVAL));
        s.put("derby.storage.pageCacheSize", Integer.toString(PAGE_CACHE_SIZE));
        return s;
    }

    /** Sets each setting the properties do not give yet; returns those set. */
    static Map<String, String> apply(Properties system) {
        Map<String, String> set = new LinkedHashMap<>();
        settings().forEach((name, value) -> {
            if (system.getProperty(name) == null) {
                system.setProperty(name, value);
                set.put(name, value);
            }
        });
        return set;
    }
}
