package org.loumen.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

class HeapSizingTest {

    private static final Map<String, String> WANTED = new LinkedHashMap<>();
    static {
        WANTED.put("MinHeapFreeRatio", "10");
        WANTED.put("MaxHeapFreeRatio", "30");
        WANTED.put("G1PeriodicGCInterval", "300000");
    }

    /** Sets the options left at their defaults (this test JVM's own), leaving any the command line set. */
    @Test
    void setsWhatTheCommandLineLeftAtItsDefault() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Map<String, VMOption> before = new LinkedHashMap<>();
        WANTED.keySet().forEach(name -> before.put(name, vm.getVMOption(name)));

        HeapSizing.apply();
        HeapSizing.apply(); // twice: the second finds them set and changes nothing

        WANTED.forEach((name, value) -> {
            VMOption was = before.get(name);
            String expected = was.getOrigin() == VMOption.Origin.DEFAULT ? value : was.getValue();
            assertEquals(expected, vm.getVMOption(name).getValue(), name);
        });
    }
}
