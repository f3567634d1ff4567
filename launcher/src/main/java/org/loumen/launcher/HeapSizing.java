package org.loumen.launcher;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Keeps the heap near what is live, so that the process's resident memory follows its data rather than its busiest
 * moment (issue 17: RSS ≤ 250 MB after start with the demo data). Profiled after a warm start: G1 had 98 MB of heap
 * committed for 30 MB live after a full collection (its default MaxHeapFreeRatio of 70% keeps that), and its own
 * bookkeeping grows with the committed heap. These are manageable HotSpot options, so the launcher sets them for its
 * own process, unless the command line set them ({@code java -XX:MaxHeapFreeRatio=… -jar loumen.jar} wins):
 * <ul>
 * <li>{@code MinHeapFreeRatio=10}, {@code MaxHeapFreeRatio=30}: after a full collection (and a concurrent cycle's
 * remark) the heap gives back what is more than 30% free;</li>
 * <li>{@code G1PeriodicGCInterval=300000}: an idle platform runs a concurrent cycle after 5 minutes without any
 * collection, which gives back what a burst (an import) left committed.</li>
 * </ul>
 * Once started, {@code org.loumen.launcher.internal.HeapTrim} collects once, on its own thread.
 */
final class HeapSizing {

    private HeapSizing() {
    }

    static void apply() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null) {
                return;
            }
            // Min before Max: each must stay ≤ the other when it is set
            setIfDefault(vm, "MinHeapFreeRatio", "10");
            setIfDefault(vm, "MaxHeapFreeRatio", "30");
            setIfDefault(vm, "G1PeriodicGCInterval", "300000");
        } catch (RuntimeException | LinkageError e) {
            // another JVM, or the options are not manageable there: its defaults stay
        }
    }

    private static void setIfDefault(HotSpotDiagnosticMXBean vm, String name, String value) {
        try {
            VMOption option = vm.getVMOption(name);
            if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) {
                vm.setVMOption(name, value);
            }
        } catch (RuntimeException e) {
            // not known to this JVM (another collector) or refused: left as it is
        }
    }
}
