package org.loumen.core.db.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class DerbyStorageTest {

    @Test
    void setsWhatIsNotGivenAndKeepsTheOperatorsValue() {
        Properties system = new Properties();
        system.setProperty("derby.storage.pageCacheSize", "20000");
        var set = DerbyStorage.apply(system);
        assertEquals("20000", system.getProperty("derby.storage.pageCacheSize"));
        assertFalse(set.containsKey("derby.storage.pageCacheSize"));
        assertEquals("1048576", system.getProperty("derby.storage.logBufferSize"));
        assertEquals("16777216", system.getProperty("derby.storage.logSwitchInterval"));
        assertEquals("33554432", system.getProperty("derby.storage.checkpointInterval"));
        assertEquals(3, set.size());
    }

    @Test
    void withinDerbysLimits() {
        // Derby ignores a value outside its bounds (LogToFile: 8 KB-128 MB buffer, 100,000 bytes-128 MB intervals)
        for (int v : new int[] { DerbyStorage.LOG_BUFFER_SIZE, DerbyStorage.LOG_SWITCH_INTERVAL,
                DerbyStorage.CHECKPOINT_INTERVAL }) {
            assertEquals(true, v >= 100_000 && v <= 134_217_728, Integer.toString(v));
        }
    }
}
